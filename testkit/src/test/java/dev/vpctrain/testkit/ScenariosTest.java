package dev.vpctrain.testkit;

import static dev.vpctrain.testkit.assertions.VpcTrainAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scenario is its example: the same network and job as the bundle files, and the same verdict. */
class ScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Scenario> scenarios() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void networkIsTheExampleBundle(Scenario scenario) throws Exception {
    Path example = Examples.folder(scenario.name());
    assertThat(scenario.network()).isEqualTo(SnapshotBundle.read(example.resolve("network.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void jobIsTheExampleJobFile(Scenario scenario) throws Exception {
    Path example = Examples.folder(scenario.name());
    assertThat(scenario.job()).isEqualTo(JobFile.read(example.resolve("job.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void expectationsAreTheExamplesAndThePreflightMeetsThem(Scenario scenario) throws Exception {
    JsonNode expect = JSON.readTree(Examples.folder(scenario.name()).resolve("expect.json").toFile());
    List<String> errors = new ArrayList<>();
    expect.path("errors").forEach(e -> errors.add(e.asText()));
    assertThat(scenario.expectedVerdict()).isEqualTo(Verdict.valueOf(expect.get("verdict").asText()));
    assertThat(scenario.expectedErrors()).containsExactlyInAnyOrderElementsOf(errors);

    PreflightReport report = RuleEngine.standard().evaluate(scenario.job(), scenario.network());

    assertThat(report).hasVerdict(scenario.expectedVerdict());
    for (String rule : scenario.expectedErrors()) {
      assertThat(report).hasFailure(rule);
    }
  }

  @Test
  void namedFindsEachScenarioAndNamesTheKnownOnesOtherwise() {
    Scenarios.all().forEach(s -> assertThat(Scenarios.named(s.name())).isSameAs(s).isNotNull());
    assertThatThrownBy(() -> Scenarios.named("no-such"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such")
        .hasMessageContaining("ready-private-endpoints");
  }

  @Test
  void theInVpcWorldsAreNamedAndTheirFileSystemJobsSurviveTheSageMakerRequest() {
    Scenarios.inVpc().forEach(s -> assertThat(Scenarios.named(s.name())).isSameAs(s));
    assertThat(Scenarios.inVpc()).extracting(Scenario::name).containsExactly("efs-file-system",
        "efs-mount-target-sg-wrong-group", "efs-no-mount-target", "fsx-lustre", "fsx-port-988-closed",
        "fsx-directory-path-without-mount-name", "rds-database", "rds-database-sg-closed");
    for (Scenario s : Scenarios.inVpc()) {
      if (s.job().requiredInVpc().isEmpty()) {
        assertThat(dev.vpctrain.aws.job.TrainingJobRequests.toSpec(dev.vpctrain.aws.job.TrainingJobRequests
            .toRequest(s.job()))).as(s.name()).isEqualTo(s.job());
      }
    }
    assertThat(Scenarios.rdsDatabase().job().requiredInVpc()).singleElement()
        .satisfies(t -> assertThat(t.toString()).isEqualTo("features=" + Scenarios.DATABASE_GROUP + ":5432"));
  }
}
