package dev.vpctrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fakes and live discovery agree: loading a snapshot bundle into the world and discovering it
 * back through the fake EC2 and S3 clients yields the bundle's snapshot. The one difference is by
 * design of discovery: it reads only the region's S3 prefix list.
 */
class DiscoveryAgreementTest {
  static Stream<Path> examples() {
    return Examples.folders().stream();
  }

  // tag::bundle[]
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void discoveryOverTheFakesReadsBackTheLoadedBundle(Path example) throws Exception {
    NetworkSnapshot bundle = SnapshotBundle.read(example.resolve("network.json"));
    TrainingJobSpec job = JobFile.read(example.resolve("job.json"));
    FakeAws aws = FakeAws.builder().startingAt(bundle.capturedAt().orElseThrow()).build().load(example.resolve("network.json"));

    NetworkSnapshot discovered = aws.discovery().snapshotFor(job);

    assertThat(discovered).isEqualTo(onlyS3PrefixList(bundle));
  }
  // end::bundle[]

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void discoveryOverAScenarioReadsBackTheScenario(Path example) throws Exception {
    Scenario scenario = Scenarios.named(example.getFileName().toString());
    FakeAws aws = FakeAws.builder().scenario(scenario).startingAt(scenario.network().capturedAt().orElseThrow()).build();

    NetworkSnapshot discovered = aws.discovery().snapshotFor(scenario.job());

    assertThat(discovered).isEqualTo(onlyS3PrefixList(scenario.network()));
  }

  private static NetworkSnapshot onlyS3PrefixList(NetworkSnapshot s) {
    List<PrefixList> s3 = s.prefixLists().orElseThrow().stream()
        .filter(p -> p.prefixListName().equals("com.amazonaws." + s.region() + ".s3")).toList();
    return s.withPrefixLists(s3);
  }
}
