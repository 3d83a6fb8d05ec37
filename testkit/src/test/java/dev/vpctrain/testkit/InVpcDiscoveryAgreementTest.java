package dev.vpctrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * vpctrain's discovery over the fake EC2, EFS and FSx reads the in-VPC worlds as they are: the file
 * systems the job names, their mount targets and groups, the interfaces it needs; and the preflight
 * of what it read is the preflight of the world. Runs once {@code LiveNetworkDiscovery} takes EFS and
 * FSx clients (and {@link FakeAws#discovery()} hands it the fakes); skipped before.
 */
class InVpcDiscoveryAgreementTest {
  static Stream<Scenario> worlds() {
    return Scenarios.inVpc().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worlds")
  void discoveryReadsTheFileSystemsAndInterfacesTheJobNeeds(Scenario s) throws Exception {
    assumeTrue(Arrays.stream(LiveNetworkDiscovery.Builder.class.getMethods()).anyMatch(m -> m.getName().equals("efs")),
        "live discovery does not read EFS and FSx yet");
    FakeAws aws = FakeAws.create().load(s);
    NetworkSnapshot world = s.network();

    NetworkSnapshot discovered = aws.discovery().snapshotFor(s.job());

    assertThat(discovered.efsFileSystems().orElse(List.of())).isSubsetOf(world.efsFileSystems().orElse(List.of()));
    assertThat(discovered.fsxFileSystems().orElse(List.of())).isSubsetOf(world.fsxFileSystems().orElse(List.of()));
    assertThat(discovered.efsMountTargets().orElse(List.of()))
        .containsExactlyInAnyOrderElementsOf(world.efsMountTargets().orElse(List.of()));
    assertThat(discovered.efsMountTargetSecurityGroups()).isEqualTo(world.efsMountTargetSecurityGroups());
    world.networkInterfaces().orElse(List.of()).forEach(n ->
        discovered.networkInterface(n.networkInterfaceId()).ifPresent(d -> assertThat(d).isEqualTo(n)));
    assertThat(discovered.errors()).isEmpty();
    PreflightReport offline = aws.preflight(s.job());
    PreflightReport live = RuleEngine.standard().evaluate(s.job(), discovered);
    assertThat(live.verdict()).as(live.toString()).isEqualTo(offline.verdict());
  }
}
