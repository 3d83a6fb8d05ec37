package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_A;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_B;
import static dev.vpctrain.core.internal.rules.fs.FsxFixtures.SUBNET_FS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsFsxAzTest {
  private final FsFsxAz rule = new FsFsxAz();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  @Test
  void passesWhenTheJobSubnetIsInTheFileSystemsZone() {
    assertThat(run(FsxFixtures.lustreJobInA().build(), FsxFixtures.ready())).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("use1-az1");
    });
  }

  @Test
  void warnsForTheJobSubnetInAnotherZoneOnly() {
    List<Finding> f = run(FsxFixtures.lustreJob().build(), FsxFixtures.ready());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.resources()).containsExactly(SUBNET_B, FSX, SUBNET_FS);
      assertThat(x.message()).contains("use1-az2").contains("use1-az1");
      assertThat(x.remediation().orElseThrow()).contains(SUBNET_A).contains(SUBNET_FS).doesNotContain(SUBNET_B);
    });
  }

  @Test
  void takesTheZoneFromTheFileSystemsInterfaceWhenItsSubnetIsNotInTheSnapshot() {
    NetworkSnapshot n = FsxFixtures.network()
        .subnets(FsxFixtures.subnets().stream().filter(s -> !s.subnetId().equals(SUBNET_FS)).toList()).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
    assertThat(run(FsxFixtures.lustreJob().build(), n)).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void unverifiedWhenNeitherTheFileSystemSubnetNorItsInterfacesAreKnown() {
    NetworkSnapshot n = FsxFixtures.network()
        .subnets(FsxFixtures.subnets().stream().filter(s -> !s.subnetId().equals(SUBNET_FS)).toList())
        .networkInterfaces(List.of()).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains(SUBNET_FS);
    });
  }

  @Test
  void unverifiedNamingTheSectionWhenFsxWasNotCaptured() {
    NetworkSnapshot n = FsxFixtures.network().fsxFileSystems(java.util.Optional.empty()).build();
    assertThat(run(FsxFixtures.lustreJobInA().build(), n)).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("DescribeFileSystems");
    });
  }

  @Test
  void comparesZoneNamesWhenAnIdIsMissing() {
    List<Subnet> byName = FsxFixtures.subnets().stream()
        .map(s -> Subnet.builder().from(s).availabilityZoneId(java.util.Optional.empty()).build()).toList();
    NetworkSnapshot n = FsxFixtures.network().subnets(byName).networkInterfaces(List.of()).build();
    List<Finding> f = run(FsxFixtures.lustreJob().build(), n);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).startsWith(SUBNET_B);
      assertThat(x.message()).contains("us-east-1b").contains("us-east-1a");
    });
  }

  @Test
  void passesWithoutVpcOrLustreChannel() {
    assertThat(run(SgFixtures.job(), FsxFixtures.ready())).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
    assertThat(run(FsxFixtures.efsJob().build(), FsxFixtures.ready())).singleElement().extracting(Finding::outcome)
        .isEqualTo(Outcome.PASS);
    TrainingJobSpec noVpc = FsxFixtures.lustreJob().vpc((dev.vpctrain.core.job.VpcSpec) null).build();
    assertThat(run(noVpc, FsxFixtures.ready())).singleElement().extracting(Finding::message)
        .isEqualTo("The job does not run in a VPC (request.file-system.no-vpc reports its file-system channels).");
  }
}
