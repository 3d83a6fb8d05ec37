package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.ENDPOINT;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.working;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.workingWithNat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3InterfaceEndpointDnsTest {
  private final S3InterfaceEndpointDns rule = new S3InterfaceEndpointDns();

  @Test
  void passesWhenS3NamesResolveToTheOnlyPath() {
    Finding f = single(rule, JOB, working().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains(ENDPOINT);
  }

  @Test
  void privateDnsOffFailsWhenItIsTheOnlyCondition() {
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false)).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).contains(ENDPOINT, "subnet-a", "subnet-b");
    assertThat(f.message()).contains("private DNS of interface endpoint " + ENDPOINT + " is off").contains("only S3 path");
    assertThat(f.remediation().get()).contains("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + ENDPOINT + " --private-dns-enabled");
    // the other rules do not count the endpoint, and s3.route.missing leaves the fault to this rule
    assertThat(single(new S3RouteMissing(), JOB, net).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(new S3RouteMissing(), JOB, net).message()).contains("s3.interface-endpoint.dns");
    assertThat(single(new S3InterfaceEndpointSecurityGroup(), JOB, net).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void dnsHostnamesOrDnsSupportOffFail() {
    Finding hostnames = single(rule, JOB, working().vpc(v -> v.withEnableDnsHostnames(false)).build());
    assertThat(hostnames.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(hostnames.message()).contains("enableDnsHostnames off");
    assertThat(hostnames.resources()).contains(TestNetworks.VPC);
    assertThat(hostnames.remediation().get()).contains("--enable-dns-hostnames");
    Finding support = single(rule, JOB, working().vpc(v -> v.withEnableDnsSupport(false)).build());
    assertThat(support.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(support.message()).contains("enableDnsSupport off");
    assertThat(support.remediation().get()).contains("--enable-dns-support");
  }

  @Test
  void unknownVpcAttributesAreUnverifiedNeverPass() {
    List<Finding> out = evaluate(rule, JOB, working().without(Section.VPC_ATTRIBUTES).build());
    assertThat(outcomes(out)).containsOnly(Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("enableDnsSupport and enableDnsHostnames").contains("unknown");
    List<Finding> noVpcs = evaluate(rule, JOB, working().without(Section.VPCS).build());
    assertThat(outcomes(noVpcs)).containsOnly(Outcome.UNVERIFIED);
  }

  @Test
  void unknownEndpointsWithoutAnotherPathAreUnverified() {
    List<Finding> out = evaluate(rule, JOB, working().without(Section.VPC_ENDPOINTS).build());
    assertThat(outcomes(out)).containsOnly(Outcome.UNVERIFIED);
  }

  @Test
  void aWorkingNatPathMakesPrivateDnsOffHarmless() {
    NetworkSnapshot net = workingWithNat().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false)).build();
    assertThat(single(rule, JOB, net).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aGatewayEndpointRouteMakesTheInterfaceEndpointIrrelevant() {
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false))
        .s3GatewayEndpoint("vpce-s3", "rtb-private").build();
    assertThat(single(rule, JOB, net).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void privateDnsOffWithAnUndecidableRouteIsUnverified() {
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false))
        .routeTable("rtb-private", rt -> rt.route("0.0.0.0/0", "tgw-0a1b2c3d4e5f60001")).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("private DNS").contains("transit gateway");
  }

  @Test
  void theVerdictIsNotReadyWhenOnlyPrivateDnsIsOff() {
    NetworkSnapshot fixed = working().build();
    NetworkSnapshot broken = working().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false)).build();
    // (the test ids fail request.id.malformed, so the request rules are left out)
    assertThat(RuleEngine.standard().evaluate(JOB, fixed).findings())
        .filteredOn(x -> x.outcome() != Outcome.PASS && x.severity() == Severity.ERROR && !x.ruleId().startsWith("request."))
        .isEmpty();
    assertThat(RuleEngine.standard().evaluate(JOB, broken).findings())
        .filteredOn(x -> x.outcome() != Outcome.PASS && x.severity() == Severity.ERROR && !x.ruleId().startsWith("request."))
        .extracting(Finding::ruleId).containsExactly("s3.interface-endpoint.dns");
  }

  @Test
  void outsideAVpcOrWithoutS3ItPasses() {
    assertThat(single(rule, TestJobs.jobWithoutVpc().build(), working().build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
