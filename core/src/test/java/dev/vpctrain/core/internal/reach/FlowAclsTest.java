package dev.vpctrain.core.internal.reach;

import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** rules.md {@code target.nacl.blocked} / {@code fs.nacl.blocked}: both subnets' ACLs, both directions. */
class FlowAclsTest {
  private static final Traffic NFS = Traffic.tcp(2049);
  private static final Traffic EPHEMERAL = Traffic.tcp(1024, 65535);
  /** Lustre servers reply to (and connect from) reserved ports. */
  private static final Traffic LUSTRE_REPLIES = Traffic.tcp(1018, 1023);

  private static final Peer JOB = Peer.addresses("job subnet subnet-a", Ipv4RangeSet.of(List.of(Cidr.parseIpv4("10.20.1.0/24"))));
  private static final Peer SERVER = Peer.addresses("mount target 10.20.2.10",
      Ipv4RangeSet.of(List.of(Cidr.ipv4Host(Cidr.parseIpv4Address("10.20.2.10")))));

  private static FlowAcls flow(NetworkSnapshot net, Optional<String> to, Traffic replies) {
    return NetworkAclEvaluator.of(net).flow("subnet-a", JOB, to, SERVER, NFS, replies);
  }

  @Test
  void theDefaultAclPassesAllFourDirections() {
    FlowAcls f = flow(TestNetworks.ready().build(), Optional.of("subnet-b"), EPHEMERAL);
    assertThat(f.result()).isEqualTo(Tri.YES);
    assertThat(f.decisions()).hasSize(4).allMatch(AclDecision::allowed);
    assertThat(f.source().orElseThrow().networkAclId()).contains(TestNetworks.ACL);
    assertThat(f.describe()).contains("pass TCP 2049 from subnet-a to subnet-b");
  }

  @Test
  void oneSubnetCrossesNoAcl() {
    NetworkSnapshot net = TestNetworks.ready().without(Section.NETWORK_ACLS).build();
    FlowAcls f = flow(net, Optional.of("subnet-a"), EPHEMERAL);
    assertThat(f.sameSubnet()).isTrue();
    assertThat(f.result()).isEqualTo(Tri.YES);
    assertThat(f.decisions()).isEmpty();
  }

  @Test
  void theReplyRangeIsTheCallersLustreRepliesBelow1024AreBlockedByAnEphemeralOnlyAcl() {
    NetworkSnapshot net = TestNetworks.ready().networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(100, false, "6", true, "0.0.0.0/0", ports(1024, 65535))))).build();
    assertThat(flow(net, Optional.of("subnet-b"), EPHEMERAL).result()).isEqualTo(Tri.YES);
    FlowAcls lustre = flow(net, Optional.of("subnet-b"), LUSTRE_REPLIES);
    assertThat(lustre.result()).isEqualTo(Tri.NO);
    assertThat(lustre.denials()).hasSize(1);
    AclDecision d = lustre.denials().get(0);
    assertThat(d.networkAclId()).isEqualTo("acl-job");
    assertThat(d.egress()).isFalse();
    assertThat(d.describe()).isEqualTo("network ACL acl-job denies inbound TCP 1018-1023 from mount target 10.20.2.10 by its final rule *");
    assertThat(lustre.source().orElseThrow().replies().orElseThrow().denied()).isTrue();
    assertThat(lustre.destination().orElseThrow().result()).isEqualTo(Tri.YES);
  }

  @Test
  void theDestinationAclMustAdmitTheSourceSubnetAndReplyToIt() {
    NetworkSnapshot inDenied = TestNetworks.ready().networkAcl(acl("acl-data", false, List.of("subnet-b"), List.of(
        entry(90, false, "6", false, "10.20.1.0/24", ports(2049, 2049)),
        entry(100, false, "-1", true, "0.0.0.0/0", null),
        entry(100, true, "-1", true, "0.0.0.0/0", null)))).build();
    FlowAcls f = flow(inDenied, Optional.of("subnet-b"), EPHEMERAL);
    assertThat(f.result()).isEqualTo(Tri.NO);
    assertThat(f.destination().orElseThrow().request().orElseThrow().denyingRule()).contains("90");
    assertThat(f.describe()).contains("acl-data rule 90 denies inbound TCP 2049 from job subnet subnet-a");
    NetworkSnapshot outDenied = TestNetworks.ready().networkAcl(acl("acl-data", false, List.of("subnet-b"), List.of(
        entry(100, false, "-1", true, "0.0.0.0/0", null),
        entry(100, true, "6", true, "0.0.0.0/0", ports(0, 1023))))).build();
    FlowAcls reply = flow(outDenied, Optional.of("subnet-b"), EPHEMERAL);
    assertThat(reply.result()).isEqualTo(Tri.NO);
    assertThat(reply.destination().orElseThrow().both().orElseThrow().egress()).isTrue();
    assertThat(reply.source().orElseThrow().result()).isEqualTo(Tri.YES);
  }

  @Test
  void anUnknownSubnetOrAclIsUnknown() {
    FlowAcls noSubnet = flow(TestNetworks.ready().build(), Optional.empty(), EPHEMERAL);
    assertThat(noSubnet.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(noSubnet.unknowns()).containsExactly(
        "the subnet of mount target 10.20.2.10 is not known, so its network ACL cannot be checked");
    FlowAcls noAcls = flow(TestNetworks.ready().without(Section.NETWORK_ACLS).build(), Optional.of("subnet-b"), EPHEMERAL);
    assertThat(noAcls.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(noAcls.unknowns()).hasSize(2).allMatch(s -> s.startsWith("the network ACL of subnet-"));
    // a denial is not hidden by an unknown side
    NetworkSnapshot denied = TestNetworks.ready().networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
        entry(100, false, "-1", true, "0.0.0.0/0", null)))).build();
    assertThat(flow(denied, Optional.empty(), EPHEMERAL).result()).isEqualTo(Tri.NO);
  }
}
