package dev.vpctrain.core.internal.reach;

import static dev.vpctrain.core.fixtures.SgFixtures.S3_PL;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.network;
import static dev.vpctrain.core.fixtures.SgFixtures.perm;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityGroupEvaluatorTest {
  private static final String A = "sg-0000000000000000a";
  private static final String B = "sg-0000000000000000b";
  private static final Ipv4RangeSet SUBNETS = Ipv4RangeSet.parse(List.of("10.20.1.0/24", "10.20.2.0/24"));

  private static SecurityGroupEvaluator eval(SecurityGroup... groups) {
    return SecurityGroupEvaluator.of(network(SgFixtures.readyTrainingGroup()).securityGroups(List.of(groups)).build());
  }

  private static SecurityGroup in(String id, Permission... perms) {
    return sg(id, List.of(perms), List.of());
  }

  private static SecurityGroup out(String id, Permission... perms) {
    return sg(id, List.of(), List.of(perms));
  }

  private static Peer cluster(String... groups) {
    return Peer.builder("the job's instances").groups(List.of(groups)).every(SUBNETS).build();
  }

  @Test
  void selfReferenceAdmitsTheGroupsOwnMembers() {
    SgDecision d = eval(in(A, all(A))).ingress(List.of(A), Traffic.allTcp(), cluster(A));
    assertThat(d.result()).isEqualTo(Tri.YES);
    assertThat(d.allowedBy()).containsExactly(A);
  }

  @Test
  void referenceToAnotherJobGroupCountsThroughTheUnion() {
    SecurityGroupEvaluator e = eval(in(A), in(B, tcp(0, 65535, A)));
    assertThat(e.ingress(List.of(A, B), Traffic.allTcp(), cluster(A, B)).result()).isEqualTo(Tri.YES);
    assertThat(e.ingress(List.of(A), Traffic.allTcp(), cluster(A, B)).result()).isEqualTo(Tri.NO);
  }

  @Test
  void allProtocolsDiffersFromAllTcp() {
    SecurityGroupEvaluator e = eval(in(A, tcp(0, 65535, A)));
    assertThat(e.ingress(List.of(A), Traffic.allTcp(), cluster(A)).result()).isEqualTo(Tri.YES);
    assertThat(e.ingress(List.of(A), Traffic.allProtocols(), cluster(A)).result()).isEqualTo(Tri.NO);
    assertThat(e.ingress(List.of(A), Traffic.udp(0, 65535), cluster(A)).result()).isEqualTo(Tri.NO);
  }

  @Test
  void portRangesAreCombinedAcrossRules() {
    SecurityGroupEvaluator e = eval(in(A, tcp(0, 32767, A), tcp(32768, 65535, A)));
    assertThat(e.ingress(List.of(A), Traffic.allTcp(), cluster(A)).result()).isEqualTo(Tri.YES);
    SecurityGroupEvaluator gap = eval(in(A, tcp(0, 32767, A), tcp(32769, 65535, A)));
    assertThat(gap.ingress(List.of(A), Traffic.allTcp(), cluster(A)).result()).isEqualTo(Tri.NO);
    assertThat(gap.ingress(List.of(A), Traffic.tcp(443), cluster(A)).result()).isEqualTo(Tri.YES);
  }

  @Test
  void cidrsMustCoverEverySubnet() {
    assertThat(eval(in(A, all("10.20.0.0/16"))).ingress(List.of(A), Traffic.allTcp(), cluster()).result())
        .isEqualTo(Tri.YES);
    assertThat(eval(in(A, all("10.20.1.0/24"))).ingress(List.of(A), Traffic.allTcp(), cluster()).result())
        .isEqualTo(Tri.NO);
    assertThat(eval(in(A, all("10.20.1.0/24")), in(B, tcp(0, 65535, "10.20.2.0/24")))
        .ingress(List.of(A, B), Traffic.allTcp(), cluster()).result()).isEqualTo(Tri.YES);
  }

  @Test
  void cidrRulesDoNotCountForNonIpPeers() {
    SecurityGroupEvaluator e = eval(sg(A, List.of(all("0.0.0.0/0")), List.of(all("0.0.0.0/0"))));
    assertThat(e.egress(List.of(A), Traffic.allProtocols(), Peer.groups(List.of(A))).result()).isEqualTo(Tri.NO);
    assertThat(e.egress(List.of(A), Traffic.allProtocols(), cluster(A)).result()).isEqualTo(Tri.YES);
  }

  @Test
  void prefixListPeerMatchesByIdOrByCoveringCidrs() {
    Peer s3 = Peer.prefixList(S3_PL, Optional.of(List.of("52.216.0.0/15", "54.231.0.0/16")));
    assertThat(eval(out(A, tcp(443, 443, S3_PL))).egress(List.of(A), Traffic.tcp(443), s3).result()).isEqualTo(Tri.YES);
    assertThat(eval(out(A, tcp(443, 443, "0.0.0.0/0"))).egress(List.of(A), Traffic.tcp(443), s3).result()).isEqualTo(Tri.YES);
    assertThat(eval(out(A, tcp(443, 443, "52.216.0.0/15"))).egress(List.of(A), Traffic.tcp(443), s3).result())
        .isEqualTo(Tri.NO);
    assertThat(eval(out(A, tcp(80, 80, S3_PL))).egress(List.of(A), Traffic.tcp(443), s3).result()).isEqualTo(Tri.NO);
  }

  @Test
  void referencedPrefixListIsExpandedToItsCidrs() {
    // pl-02cd2c6b (DynamoDB, in the snapshot) covers a peer inside it
    Peer ddbHost = Peer.addresses("a DynamoDB address", Ipv4RangeSet.parse(List.of("52.94.1.0/24")));
    assertThat(eval(out(A, tcp(443, 443, SgFixtures.DDB_PL))).egress(List.of(A), Traffic.tcp(443), ddbHost).result())
        .isEqualTo(Tri.YES);
  }

  @Test
  void unknownReferencedPrefixListMakesItUndecidable() {
    Peer host = Peer.addresses("the destination", Ipv4RangeSet.parse(List.of("198.51.100.0/24")));
    SgDecision d = eval(out(A, tcp(443, 443, "pl-0123456789abcdef0"))).egress(List.of(A), Traffic.tcp(443), host);
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).contains("pl-0123456789abcdef0").contains("not in the snapshot");
    // another rule allowing it decides despite the unknown list
    SgDecision yes = eval(out(A, tcp(443, 443, "pl-0123456789abcdef0"), tcp(443, 443, "0.0.0.0/0")))
        .egress(List.of(A), Traffic.tcp(443), host);
    assertThat(yes.result()).isEqualTo(Tri.YES);
  }

  @Test
  void unknownGroupOfTheJobMakesItUndecidableUnlessAnotherAllows() {
    SecurityGroupEvaluator e = eval(in(A));
    SgDecision d = e.ingress(List.of(A, B), Traffic.allTcp(), cluster(A, B));
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).contains(B + " is not in the snapshot");
    assertThat(eval(in(A, all(A))).ingress(List.of(A, B), Traffic.allTcp(), cluster(A, B)).result()).isEqualTo(Tri.YES);
  }

  @Test
  void peerWithUnknownGroupsLeavesGroupReferencesUndecided() {
    Peer unknownGroups = Peer.builder("the endpoint").groupsUnknown().build();
    assertThat(eval(out(A, tcp(443, 443, B))).egress(List.of(A), Traffic.tcp(443), unknownGroups).result())
        .isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void someAddressPeerIsUnknownWhenOnlyPartlyCovered() {
    Peer internet = Peer.anyPublicAddress("pypi.org");
    assertThat(eval(out(A, tcp(443, 443, "0.0.0.0/0"))).egress(List.of(A), Traffic.tcp(443), internet).result())
        .isEqualTo(Tri.YES);
    assertThat(eval(out(A, tcp(443, 443, "151.101.0.0/16"))).egress(List.of(A), Traffic.tcp(443), internet).result())
        .isEqualTo(Tri.UNKNOWN);
    assertThat(eval(out(A, tcp(443, 443, "10.0.0.0/8"))).egress(List.of(A), Traffic.tcp(443), internet).result())
        .isEqualTo(Tri.NO);
  }

  @Test
  void missingSectionIsUnknownNamingTheReason() {
    NetworkSnapshot n = NetworkSnapshot.builder().region("us-east-1")
        .addErrors(CaptureError.of("ec2:DescribeSecurityGroups", "UnauthorizedOperation", "not allowed")).build();
    SgDecision d = SecurityGroupEvaluator.of(n).ingress(List.of(A), Traffic.allTcp(), cluster(A));
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).contains("ec2:DescribeSecurityGroups failed").contains("UnauthorizedOperation");
  }

  @Test
  void malformedCidrIsUndecidableUnlessAnotherRuleAllows() {
    SgDecision d = eval(out(A, tcp(443, 443, "10.0.0/8"))).egress(List.of(A), Traffic.tcp(443), cluster());
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).contains("'10.0.0/8'");
    assertThat(eval(out(A, tcp(443, 443, "10.0.0/8"), all("0.0.0.0/0"))).egress(List.of(A), Traffic.tcp(443), cluster())
        .result()).isEqualTo(Tri.YES);
  }

  @Test
  void internetHostsAreNotInAwsServicePrefixLists() {
    Peer pypi = Peer.internetHost("pypi.org");
    assertThat(eval(out(A, tcp(443, 443, S3_PL))).egress(List.of(A), Traffic.tcp(443), pypi).result()).isEqualTo(Tri.NO);
    Peer s3Host = Peer.internetHost("acme.s3.amazonaws.com");
    assertThat(eval(out(A, tcp(443, 443, S3_PL))).egress(List.of(A), Traffic.tcp(443), s3Host).result())
        .isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void icmpNeedsEveryType() {
    SecurityGroupEvaluator e = eval(in(A, perm("icmp", 8, -1, "0.0.0.0/0")));
    assertThat(e.ingress(List.of(A), Traffic.protocol(Traffic.ICMP), cluster()).result()).isEqualTo(Tri.NO);
    SecurityGroupEvaluator every = eval(in(A, perm("icmp", -1, -1, "0.0.0.0/0")));
    assertThat(every.ingress(List.of(A), Traffic.protocol(Traffic.ICMP), cluster()).result()).isEqualTo(Tri.YES);
  }

  @Test
  void answersAreMemoizedPerEvaluator() {
    SecurityGroupEvaluator e = eval(in(A, all(A)));
    assertThat(e.ingress(List.of(A), Traffic.allTcp(), cluster(A)))
        .isSameAs(e.ingress(List.of(A), Traffic.allTcp(), cluster(A)));
  }
}
