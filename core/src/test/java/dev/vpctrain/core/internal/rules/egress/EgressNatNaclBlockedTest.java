package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.fixtures.NatSubnetAcls.ACL_PUBLIC;
import static dev.vpctrain.core.fixtures.NatSubnetAcls.hardened;
import static dev.vpctrain.core.fixtures.NatSubnetAcls.natOnly;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.NatSubnetAcls.Gap;
import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.internal.rules.request.RequestImagePrivateRegistry;
import dev.vpctrain.core.internal.rules.s3.S3RouteMissing;
import org.junit.jupiter.api.Test;

class EgressNatNaclBlockedTest {
  private final EgressNatNaclBlocked rule = new EgressNatNaclBlocked();
  private final TrainingJobSpec s3Only = job().build();

  @Test
  void aHardenedAclThatPassesHttpsPasses() {
    Finding f = only(rule, s3Only, natOnly().networkAcl(hardened(Gap.NONE)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("nat-a");
    assertThat(only(new S3RouteMissing(), s3Only, natOnly().networkAcl(hardened(Gap.NONE)).build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void eachBlockedDirectionFailsAloneForS3() {
    for (Gap gap : Gap.values()) {
      if (gap == Gap.NONE) {
        continue;
      }
      NetworkSnapshot net = natOnly().networkAcl(hardened(gap)).build();
      Finding f = only(rule, s3Only, net);
      assertThat(f.outcome()).as(gap.name()).isEqualTo(Outcome.FAIL);
      assertThat(f.resources()).contains("nat-a", "subnet-public", ACL_PUBLIC, "subnet-a", "subnet-b");
      assertThat(f.message()).contains("S3 (TCP 443) from subnet-a");
      assertThat(f.remediation().get()).contains("aws ec2 create-network-acl-entry --network-acl-id " + ACL_PUBLIC);
      // s3.route.missing does not count the NAT path either
      Finding route = run(new S3RouteMissing(), s3Only, net).get(0);
      assertThat(route.outcome()).as(gap.name()).isEqualTo(Outcome.FAIL);
      assertThat(route.message()).contains("egress.nat.nacl-blocked");
    }
  }

  @Test
  void theFixAdmitsTheJobSubnetOnTheRequestPort() {
    Finding f = only(rule, s3Only, natOnly().networkAcl(hardened(Gap.INBOUND_FROM_JOB)).build());
    assertThat(f.message()).contains("inbound TCP 443 from job subnet subnet-a (10.20.1.0/24)");
    assertThat(f.remediation().get()).contains("--ingress").contains("--port-range From=443,To=443")
        .contains("--cidr-block 10.20.1.0/24");
    Finding ret = only(rule, s3Only, natOnly().networkAcl(hardened(Gap.RETURN_TO_JOB)).build());
    assertThat(ret.remediation().get()).contains("--egress").contains("From=1024,To=65535").contains("--cidr-block 10.20.2.0/24");
  }

  @Test
  void aGatewayEndpointTakesS3OffTheNatPath() {
    NetworkSnapshot net = TestNetworks.ready().networkAcl(hardened(Gap.INBOUND_FROM_JOB)).build();
    Finding f = only(rule, s3Only, net);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("nothing through a working NAT gateway");
  }

  @Test
  void internetDestinationOnItsOwnPort() {
    TrainingJobSpec pypi = job().requiresInternet("pypi.org", 443).build();
    TrainingJobSpec custom = job().requiresInternet("data.example.com", 8443).build();
    NetworkSnapshot httpsOnly = TestNetworks.ready().networkAcl(hardened(Gap.NONE)).build();
    assertThat(only(rule, pypi, httpsOnly).outcome()).isEqualTo(Outcome.PASS);
    Finding f = only(rule, custom, httpsOnly);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("data.example.com:8443 (TCP 8443)").contains("outbound TCP 8443");
    // egress.internet.unreachable relies on the same NAT path
    Finding internet = only(new EgressInternetUnreachable(), custom, httpsOnly);
    assertThat(internet.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(internet.message()).contains("no NAT path").contains(ACL_PUBLIC);
    NetworkSnapshot fixed = TestNetworks.ready().networkAcl(hardened(Gap.NONE, 8443)).build();
    assertThat(only(rule, custom, fixed).outcome()).isEqualTo(Outcome.PASS);
    assertThat(only(new EgressInternetUnreachable(), custom, fixed).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void awsServicesWithoutEndpointsUseTheNatPath() {
    TrainingJobSpec sts = job().requires(AwsService.STS).build();
    NetworkSnapshot blocked = TestNetworks.ready().networkAcl(hardened(Gap.OUTBOUND_TO_DESTINATION)).build();
    Finding f = only(rule, sts, blocked);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("AWS service sts (TCP 443)");
    Finding service = only(new EgressServiceUnreachable(), sts, blocked);
    assertThat(service.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(service.message()).contains("no NAT path");
    // an sts interface endpoint takes sts off the NAT path
    NetworkSnapshot withEndpoint = EgressTesting.withEndpoint(TestNetworks.ready().networkAcl(hardened(Gap.OUTBOUND_TO_DESTINATION))
        .securityGroup(EgressTesting.endpointGroup()), "vpce-sts", "sts", true).build();
    assertThat(only(rule, sts, withEndpoint).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aRegistryPulledThroughTheNat() {
    TrainingJobSpec ghcr = TestJobs.job("subnet-a", "subnet-b").trainingImage("ghcr.io/org/img:1")
        .repositoryAccessMode(RepositoryAccessMode.VPC).build();
    NetworkSnapshot blocked = TestNetworks.ready().networkAcl(hardened(Gap.RETURN_FROM_DESTINATION)).build();
    Finding f = only(rule, ghcr, blocked);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("registry ghcr.io");
    // the registry rule counts no NAT path; without one it cannot rule out a registry inside the network (rules.md)
    Finding registry = run(new RequestImagePrivateRegistry(), ghcr, blocked).get(0);
    assertThat(registry.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(registry.message()).contains("no NAT path");
    assertThat(only(rule, ghcr, TestNetworks.ready().networkAcl(hardened(Gap.NONE)).build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownAclsAreUnverifiedNeverPass() {
    Finding f = only(rule, s3Only, natOnly().without(Section.NETWORK_ACLS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("network ACL of subnet-public is unknown");
    assertThat(run(new S3RouteMissing(), s3Only, natOnly().without(Section.NETWORK_ACLS).build()).get(0).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void aMisplacedNatIsLeftToEgressNatMisplaced() {
    NetworkSnapshot net = natOnly().networkAcl(hardened(Gap.INBOUND_FROM_JOB))
        .natGateway("nat-a", "subnet-a", "available", "203.0.113.10").build();
    assertThat(only(rule, s3Only, net).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void outsideAVpcItPasses() {
    assertThat(only(rule, TestJobs.jobWithoutVpc().build(), natOnly().build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
