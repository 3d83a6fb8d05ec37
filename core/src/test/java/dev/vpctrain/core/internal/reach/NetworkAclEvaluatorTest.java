package dev.vpctrain.core.internal.reach;

import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkAclEvaluatorTest {
  private static final Peer S3 = Peer.prefixList(SgFixtures.S3_PL, Optional.of(List.of("52.216.0.0/15", "54.231.0.0/16")));
  private static final Peer S3_UNKNOWN = Peer.prefixList(SgFixtures.S3_PL, Optional.empty());
  private final NetworkAclEvaluator eval = NetworkAclEvaluator.of(SgFixtures.readyPrivateEndpoints());

  private static NetworkAcl custom(AclEntry... entries) {
    return acl("acl-0000000000000000c", false, List.of(SUBNET_A), List.of(entries));
  }

  @Test
  void firstMatchWinsInRuleNumberOrderNotListOrder() {
    NetworkAcl acl = custom(
        entry(200, true, "-1", true, "0.0.0.0/0", null),
        entry(100, true, "6", false, "52.216.0.0/15", ports(443, 443)),
        entry(32767, true, "-1", false, "0.0.0.0/0", null));
    AclDecision d = eval.outbound(acl, Traffic.tcp(443), S3);
    assertThat(d.result()).isEqualTo(Tri.NO);
    assertThat(d.denyingRule()).contains("100");
    assertThat(d.describe()).contains("rule 100 denies outbound TCP 443 to prefix list pl-63a5400a");
    assertThat(eval.outbound(acl, Traffic.tcp(80), S3).result()).isEqualTo(Tri.YES);
  }

  @Test
  void anEarlierAllowShadowsALaterDeny() {
    NetworkAcl acl = custom(
        entry(90, true, "6", true, "0.0.0.0/0", ports(443, 443)),
        entry(100, true, "6", false, "52.216.0.0/15", ports(443, 443)));
    assertThat(eval.outbound(acl, Traffic.tcp(443), S3).result()).isEqualTo(Tri.YES);
  }

  @Test
  void unmatchedTrafficIsDeniedByTheImplicitRule() {
    NetworkAcl acl = custom(entry(100, true, "6", true, "0.0.0.0/0", ports(443, 443)));
    AclDecision d = eval.outbound(acl, Traffic.tcp(22), S3);
    assertThat(d.result()).isEqualTo(Tri.NO);
    assertThat(d.denyingRule()).contains("*");
    assertThat(d.describe()).contains("final rule *");
  }

  @Test
  void returnTrafficNeedsTheEphemeralPortsInbound() {
    NetworkAcl onlyHttpsBack = custom(
        entry(100, true, "6", true, "0.0.0.0/0", ports(443, 443)),
        entry(100, false, "6", true, "0.0.0.0/0", ports(443, 443)));
    AclDecision d = eval.request(onlyHttpsBack, Traffic.tcp(443), S3);
    assertThat(d.result()).isEqualTo(Tri.NO);
    assertThat(d.egress()).isFalse();
    assertThat(d.traffic()).isEqualTo(Traffic.tcp(1024, 65535));

    NetworkAcl partOfEphemeral = custom(
        entry(100, true, "6", true, "0.0.0.0/0", ports(443, 443)),
        entry(100, false, "6", true, "0.0.0.0/0", ports(32768, 65535)));
    assertThat(eval.request(partOfEphemeral, Traffic.tcp(443), S3).result()).isEqualTo(Tri.NO);

    NetworkAcl fine = custom(
        entry(100, true, "6", true, "0.0.0.0/0", ports(443, 443)),
        entry(100, false, "6", true, "0.0.0.0/0", ports(1024, 65535)));
    assertThat(eval.request(fine, Traffic.tcp(443), S3).result()).isEqualTo(Tri.YES);
  }

  @Test
  void denyOfPartOfTheDestinationDeniesWhenEveryAddressCounts() {
    NetworkAcl acl = custom(
        entry(50, true, "-1", false, "54.231.0.0/16", null),
        entry(100, true, "-1", true, "0.0.0.0/0", null));
    AclDecision d = eval.outbound(acl, Traffic.tcp(443), S3);
    assertThat(d.result()).isEqualTo(Tri.NO);
    assertThat(d.denyingRule()).contains("50");
  }

  @Test
  void unknownPrefixListCidrsAreMatchedAsAnyPublicAddress() {
    NetworkAcl allowAll = custom(entry(100, true, "-1", true, "0.0.0.0/0", null));
    assertThat(eval.outbound(allowAll, Traffic.tcp(443), S3_UNKNOWN).result()).isEqualTo(Tri.YES);

    NetworkAcl privateOnly = custom(entry(100, true, "-1", true, "10.0.0.0/8", null));
    assertThat(eval.outbound(privateOnly, Traffic.tcp(443), S3_UNKNOWN).result()).isEqualTo(Tri.NO);

    NetworkAcl someBlocked = custom(
        entry(50, true, "-1", false, "54.231.0.0/16", null),
        entry(100, true, "-1", true, "0.0.0.0/0", null));
    AclDecision d = eval.outbound(someBlocked, Traffic.tcp(443), S3_UNKNOWN);
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).get().asString().contains("rule 50");
  }

  @Test
  void protocolAndPortsMustMatch() {
    NetworkAcl udpOnly = custom(entry(100, true, "17", true, "0.0.0.0/0", null));
    assertThat(eval.outbound(udpOnly, Traffic.tcp(443), S3).result()).isEqualTo(Tri.NO);
    assertThat(eval.outbound(udpOnly, Traffic.udp(53, 53), S3).result()).isEqualTo(Tri.YES);
    NetworkAcl named = custom(entry(100, true, "tcp", true, "0.0.0.0/0", ports(0, 65535)));
    assertThat(eval.outbound(named, Traffic.allTcp(), S3).result()).isEqualTo(Tri.YES);
    assertThat(eval.outbound(named, Traffic.allProtocols(), S3).result()).isEqualTo(Tri.NO);
  }

  @Test
  void ipv6EntriesNeverMatchIpv4() {
    NetworkAcl acl = custom(
        AclEntry.builder().ruleNumber(100).egress(true).protocol("-1").allow(true).ipv6CidrBlock("::/0").build(),
        entry(200, true, "-1", false, "0.0.0.0/0", null));
    assertThat(eval.outbound(acl, Traffic.tcp(443), S3).denyingRule()).contains("200");
  }

  @Test
  void subnetUsesItsAssociationElseTheDefaultAcl() {
    NetworkAcl dflt = acl("acl-0000000000000000d", true, List.of(), SgFixtures.allowAllEntries());
    NetworkAcl assoc = acl("acl-0000000000000000e", false, List.of(SUBNET_A), SgFixtures.allowAllEntries());
    NetworkSnapshot n = SgFixtures.network(SgFixtures.readyTrainingGroup()).networkAcls(List.of(dflt, assoc)).build();
    NetworkAclEvaluator e = NetworkAclEvaluator.of(n);
    assertThat(e.aclOf(SUBNET_A)).map(NetworkAcl::networkAclId).contains("acl-0000000000000000e");
    assertThat(e.aclOf(SUBNET_B)).map(NetworkAcl::networkAclId).contains("acl-0000000000000000d");
    assertThat(e.aclOf("subnet-00000000000000099")).isEmpty();
    assertThat(e.whyNoAcl("subnet-00000000000000099")).contains("not in the snapshot");
  }

  @Test
  void missingSectionIsExplained() {
    NetworkSnapshot n = SgFixtures.network(SgFixtures.readyTrainingGroup()).networkAcls(Optional.empty()).build();
    NetworkAclEvaluator e = NetworkAclEvaluator.of(n);
    assertThat(e.aclOf(SUBNET_A)).isEmpty();
    assertThat(e.whyNoAcl(SUBNET_A)).contains("ec2:DescribeNetworkAcls was not captured");
  }

  @Test
  void malformedCidrIsUndecidable() {
    NetworkAcl acl = custom(entry(100, true, "-1", true, "10.0.0/8", null));
    AclDecision d = eval.outbound(acl, Traffic.tcp(443), S3);
    assertThat(d.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.unknownReason()).get().asString().contains("'10.0.0/8'");
  }

  @Test
  void subnetOfUncapturedSectionNamesTheReason() {
    NetworkSnapshot n = SgFixtures.readyPrivateEndpoints().withSubnets(Optional.empty());
    NetworkAclEvaluator e = NetworkAclEvaluator.of(n);
    assertThat(e.aclOf(SUBNET_A)).map(NetworkAcl::networkAclId).contains(SgFixtures.ACL);
    assertThat(e.whyNoAcl("subnet-00000000000000099")).contains("ec2:DescribeSubnets was not captured");
  }

  @Test
  void clusterTrafficBetweenSubnets() {
    Peer subnetB = Peer.addresses(SUBNET_B, Ipv4RangeSet.parse(List.of("10.20.2.0/24")));
    NetworkAcl acl = custom(
        entry(100, true, "6", true, "10.20.0.0/16", ports(0, 65535)),
        entry(110, true, "6", true, "0.0.0.0/0", ports(443, 443)));
    assertThat(eval.outbound(acl, Traffic.allTcp(), subnetB).result()).isEqualTo(Tri.YES);
    NetworkAcl httpsOnly = custom(entry(110, true, "6", true, "0.0.0.0/0", ports(443, 443)));
    assertThat(eval.outbound(httpsOnly, Traffic.allTcp(), subnetB).denyingRule()).contains("*");
  }
}
