package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcDhcpDnsUnreachableTest {
  private final VpcDhcpDnsUnreachable rule = new VpcDhcpDnsUnreachable();

  private static DhcpOptions servers(String... servers) {
    return DhcpOptions.builder().dhcpOptionsId(TestNetworks.DHCP)
        .putConfiguration("domain-name", List.of("corp.example.com"))
        .putConfiguration("domain-name-servers", List.of(servers))
        .build();
  }

  /** The ready network (NAT default route) with the DHCP options naming {@code servers}. */
  private static TestNetworks.Builder ready(String... servers) {
    return TestNetworks.ready().dhcpOptions(servers(servers));
  }

  /** Private subnet-a with no default route (local and S3 only), DHCP naming {@code servers}. */
  private static TestNetworks.Builder noDefaultRoute(String... servers) {
    return TestNetworks.privateVpc().dhcpOptions(servers(servers))
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-dns", "us-east-1a", "10.20.53.0/24", 240)
        .routeTable("rtb-private", rt -> rt.associate("subnet-a"))
        .s3GatewayEndpoint("vpce-s3", "rtb-private")
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"));
  }

  private static TrainingJobSpec job() {
    return TestJobs.job("subnet-a").build();
  }

  @Test
  void amazonProvidedDnsPasses() {
    Finding f = single(rule, job(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("no custom DNS server");
  }

  @Test
  void theAmazonResolverAddressesAreNotCustomServers() {
    assertThat(single(rule, job(), noDefaultRoute("10.20.0.2", "169.254.169.253").build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aServerInsideTheVpcPassesWithANoteOnForwarding() {
    Finding f = single(rule, job(), noDefaultRoute("10.20.53.10").build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("10.20.53.10").contains("forwards").contains("not checked");
  }

  @Test
  void aServerInASecondaryCidrIsInsideTheVpcEvenWhenTheTableDoesNotListItsLocalRoute() {
    Finding f = single(rule, job(), noDefaultRoute("10.21.0.10")
        .vpc(v -> v.withCidrBlocks(TestNetworks.VPC_CIDR, "10.21.0.0/16")).build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("10.21.0.10 is inside the VPC");
  }

  @Test
  void aServerInTheJobSubnetCrossesNoRouteTable() {
    Finding f = single(rule, job(), noDefaultRoute("10.20.1.53").without(Section.ROUTE_TABLES).build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("is in job subnet subnet-a itself");
  }

  @Test
  void noRouteToTheServerFails() {
    Finding f = single(rule, job(), noDefaultRoute("10.99.0.2").build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).contains("10.99.0.2", "subnet-a", "rtb-private", TestNetworks.DHCP, TestNetworks.VPC);
    assertThat(f.message()).contains("has no route for 10.99.0.2");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-route --route-table-id rtb-private")
        .contains("AmazonProvidedDNS");
  }

  @Test
  void aBlackholeRouteFailsAndTheFixedRouteIsUnverifiedNamingTheHop() {
    Finding f = single(rule, job(), noDefaultRoute("10.99.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").blackhole("10.99.0.0/16", "tgw-0123456789abcdef0")).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("blackhole");
    assertThat(f.resources()).contains("tgw-0123456789abcdef0");
    assertThat(f.remediation().orElseThrow())
        .contains("aws ec2 replace-route --route-table-id rtb-private --destination-cidr-block 10.99.0.0/16");
    Finding tgw = single(rule, job(), noDefaultRoute("10.99.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("10.99.0.0/16", "tgw-0123456789abcdef0")).build());
    assertThat(tgw.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(tgw.severity()).isEqualTo(Severity.ERROR);
    assertThat(tgw.resources()).contains("10.99.0.2", "tgw-0123456789abcdef0", "subnet-a");
    assertThat(tgw.message()).contains("tgw-0123456789abcdef0");
    Finding pcx = single(rule, job(), noDefaultRoute("172.31.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("172.31.0.0/16", "pcx-0123456789abcdef0")).build());
    assertThat(pcx.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(pcx.resources()).contains("pcx-0123456789abcdef0");
  }

  @Test
  void aServerBehindAnApplianceIsUnverified() {
    Finding gwlb = single(rule, job(), noDefaultRoute("10.99.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("10.99.0.0/16", "vpce-0123456789abcdef0")).build());
    assertThat(gwlb.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(gwlb.resources()).contains("vpce-0123456789abcdef0");
    Finding eni = single(rule, job(), noDefaultRoute("10.99.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("10.99.0.0/16", "eni-0123456789abcdef0")).build());
    assertThat(eni.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(eni.resources()).contains("eni-0123456789abcdef0");
  }

  @Test
  void aServerBehindAnInternetGatewayIsUnreachable() {
    Finding f = single(rule, TestJobs.job("subnet-public").build(), ready("8.8.8.8").build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("no public IP");
    assertThat(f.resources()).contains(TestNetworks.IGW);
    Finding privateAddress = single(rule, job(), noDefaultRoute("10.99.0.2")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("10.99.0.0/16", TestNetworks.IGW)).build());
    assertThat(privateAddress.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aPublicServerThroughAWorkingNatPasses() {
    Finding f = single(rule, TestJobs.job("subnet-a", "subnet-b").build(), ready("8.8.8.8").build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    Finding broken = single(rule, job(), ready("8.8.8.8")
        .natGateway("nat-a", "subnet-public", "failed", "203.0.113.10").build());
    assertThat(broken.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(broken.message()).contains("nat-a");
  }

  @Test
  void aPublicServerBehindANatWhoseSubnetAclDropsDnsFails() {
    // the NAT subnet's ACL passes HTTPS only: the query never leaves, whatever the job's own subnet allows
    Finding f = single(rule, job(), ready("8.8.8.8")
        .networkAcl(dev.vpctrain.core.fixtures.NatSubnetAcls.hardened(dev.vpctrain.core.fixtures.NatSubnetAcls.Gap.NONE)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).contains("egress.nat.nacl-blocked");
  }

  @Test
  void aPrivateServerBeyondANatGatewayIsUnverified() {
    Finding f = single(rule, job(), ready("10.99.0.2").build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).contains("nat-a");
  }

  @Test
  void securityGroupEgressWithoutPort53Fails() {
    var onlyHttps = noDefaultRoute("10.20.53.10").securityGroup(sg("sg-training", List.of(all("sg-training")),
        List.of(tcp(443, 443, "0.0.0.0/0"))));
    Finding f = single(rule, job(), onlyHttps.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("sg-training");
    assertThat(f.message()).contains("allow no outbound UDP 53 to 10.20.53.10 (nor TCP 53)");
    assertThat(f.remediation().orElseThrow()).contains("IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=10.20.53.10/32}]");
    var dns = noDefaultRoute("10.20.53.10").securityGroup(sg("sg-training", List.of(all("sg-training")),
        List.of(tcp(443, 443, "0.0.0.0/0"), SgFixtures.perm("udp", 53, 53, "10.20.53.0/24"), tcp(53, 53, "10.20.53.0/24"))));
    assertThat(single(rule, job(), dns.build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void udpAloneDecidesAndBlockedTcpIsANote() {
    var udpOnly = noDefaultRoute("10.20.53.10").securityGroup(sg("sg-training", List.of(all("sg-training")),
        List.of(SgFixtures.perm("udp", 53, 53, "10.20.0.0/16"))));
    Finding f = single(rule, job(), udpOnly.build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("not TCP 53");
    var tcpOnly = noDefaultRoute("10.20.53.10").securityGroup(sg("sg-training", List.of(all("sg-training")),
        List.of(tcp(53, 53, "10.20.0.0/16"))));
    assertThat(single(rule, job(), tcpOnly.build()).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aGroupReferenceMayCoverAnInVpcServerSoItIsUnverified() {
    var byReference = noDefaultRoute("10.20.53.10").securityGroup(sg("sg-training", List.of(all("sg-training")),
        List.of(all("sg-training"))));
    assertThat(single(rule, job(), byReference.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void theJobSubnetAclMustPassTheQueryAndItsReply() {
    var outDenied = noDefaultRoute("10.20.53.10").networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
        entry(90, true, "17", false, "10.20.53.0/24", ports(53, 53)),
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(100, false, "-1", true, "0.0.0.0/0", null))));
    Finding f = single(rule, job(), outDenied.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("acl-job");
    assertThat(f.message()).contains("acl-job rule 90 denies outbound UDP 53");
    assertThat(f.remediation().orElseThrow()).contains("--network-acl-id acl-job --egress").contains("--protocol udp");
    var replyDenied = noDefaultRoute("10.20.53.10").networkAcl(acl("acl-job", false, List.of("subnet-a"), List.of(
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(100, false, "6", true, "0.0.0.0/0", ports(1024, 65535)))));
    Finding reply = single(rule, job(), replyDenied.build());
    assertThat(reply.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(reply.message()).contains("inbound UDP 1024-65535");
  }

  @Test
  void theServerSubnetAclIsCheckedWhenTheServerIsInTheVpc() {
    var serverDenied = noDefaultRoute("10.20.53.10").networkAcl(acl("acl-dns", false, List.of("subnet-dns"), List.of(
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(100, false, "6", true, "0.0.0.0/0", null))));
    Finding f = single(rule, job(), serverDenied.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("acl-dns");
    assertThat(f.message()).contains("the DNS server's subnet subnet-dns");
    assertThat(f.remediation().orElseThrow()).contains("--network-acl-id acl-dns --ingress").contains("10.20.1.0/24");
  }

  @Test
  void eachFailingSubnetIsNamed() {
    var net = noDefaultRoute("10.99.0.2").subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .routeTable("rtb-b", rt -> rt.associate("subnet-b").route("10.99.0.0/16", "tgw-0123456789abcdef0"));
    List<Finding> out = evaluate(rule, TestJobs.job("subnet-a", "subnet-b").build(), net.build());
    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.resources()).contains("subnet-a").doesNotContain("subnet-b");
    });
  }

  @Test
  void unknownDataIsUnverified() {
    assertThat(single(rule, job(), noDefaultRoute("10.20.53.10").without(Section.DHCP_OPTIONS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, job(), noDefaultRoute("10.20.53.10").without(Section.VPCS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    Finding rt = single(rule, job(), noDefaultRoute("10.20.53.10").without(Section.ROUTE_TABLES).build());
    assertThat(rt.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(rt.message()).contains("ec2:DescribeRouteTables");
    assertThat(single(rule, job(), noDefaultRoute("10.20.53.10").without(Section.SECURITY_GROUPS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, job(), noDefaultRoute("10.20.53.10").without(Section.NETWORK_ACLS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, job(), noDefaultRoute("fd00::53").build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void aSubnetMissingFromTheSnapshotIsLeftToVpcResourceNotFound() {
    Finding f = single(rule, TestJobs.job("subnet-a", "subnet-gone").build(), noDefaultRoute("10.20.53.10").build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    Finding none = single(rule, TestJobs.job("subnet-gone").build(), noDefaultRoute("10.20.53.10").build());
    assertThat(none.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(none.message()).contains("vpc.resource.not-found");
  }

  @Test
  void missingDataNeverHidesAFailure() {
    Finding f = single(rule, job(), noDefaultRoute("10.99.0.2").without(Section.SECURITY_GROUPS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void doesNotApplyOutsideAVpcOrWithoutDhcpOptions() {
    assertThat(single(rule, TestJobs.jobWithoutVpc().build(), noDefaultRoute("10.99.0.2").build()).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(single(rule, job(), noDefaultRoute("10.99.0.2").vpc(v -> v.withDhcpOptionsId("default")).build()).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void splitsCommaSeparatedValues() {
    assertThat(VpcDhcpDnsUnreachable.servers(servers("10.0.0.2, 10.0.0.3", "AmazonProvidedDNS")))
        .containsExactly("10.0.0.2", "10.0.0.3", "AmazonProvidedDNS");
  }
}
