package dev.vpctrain.aws.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.internal.json.InputFiles;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of the job file reader (formats.md §1) over generated and mutated job files: a file is
 * either accepted or rejected with the one documented input error naming file and JSON path; an
 * accepted job never makes a rule fail internally; equivalent spellings of a file give the same
 * report. Default 200 tries (junit-platform.properties); a longer run: -Djqwik.tries.default=5000.
 */
class JobFileProperties {
  private static final String FILE = "job.json";
  private static final RuleEngine ENGINE = RuleEngine.standard();
  private static NetworkSnapshot network;

  @BeforeContainer
  static void readTheBundle() throws IOException {
    network = Files.isRegularFile(JobFileGenerators.BUNDLE) ? SnapshotBundle.read(JobFileGenerators.BUNDLE) : null;
  }

  @Provide
  Arbitrary<ObjectNode> validJobs() {
    Assume.that(network != null && !JobFileGenerators.exampleJobs().isEmpty());
    return JobFileGenerators.validJobs();
  }

  @Provide
  Arbitrary<JobFileGenerators.Mutant> mutants() {
    Assume.that(network != null && !JobFileGenerators.exampleJobs().isEmpty());
    return JobFileGenerators.mutants();
  }

  @Provide
  Arbitrary<JobJsonText.Style> styles() {
    return JobFileGenerators.equivalentStyles();
  }

  /** Reads {@code bytes} as the job file {@value #FILE}, the way {@code JobFile.read} does. */
  private static TrainingJobSpec read(byte[] bytes) {
    return JobFile.parse(InputFiles.decode(bytes, FILE), FILE);
  }

  @Property
  void everyGeneratedValidJobIsAccepted(@ForAll("validJobs") ObjectNode job, @ForAll("styles") JobJsonText.Style style) {
    TrainingJobSpec spec = read(JobJsonText.bytes(job, style));
    assertThat(spec.name()).isEqualTo(job.get("TrainingJobName").asText());
    assertThat(spec.inputChannels()).hasSize(job.get("InputDataConfig").size());
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void aFileIsAcceptedOrRejectedWithTheDocumentedErrorNamingFileAndPath(
      @ForAll("mutants") JobFileGenerators.Mutant mutant) {
    TrainingJobSpec spec;
    try {
      spec = read(mutant.bytes);
    } catch (InvalidInputException e) {
      Statistics.collect(mutant.mutation, "rejected");
      Statistics.coverage(c -> c.check(JobFileGenerators.Mutation.DROP_MEMBER, "rejected").count(n -> n > 0));
      assertThat(e.file()).isEqualTo(FILE);
      assertThat(e.getMessage()).startsWith(FILE + ": ").doesNotContain("Input length");
      if (e.jsonPath().isEmpty()) {
        assertThat(mutant.mutation.keepsTheSyntax()).as("a well-formed document is rejected at a JSON path: %s", e)
            .isFalse();
        assertThat(e.expectation()).containsAnyOf("line ", "empty", "UTF-16");
      } else {
        assertThat(e.getMessage()).startsWith(FILE + ": " + e.jsonPath() + ": ");
      }
      return;
    }
    assertThat(mutant.mutation).as("accepted %s", mutant).isNotIn(JobFileGenerators.Mutation.TRAILING_CONTENT,
        JobFileGenerators.Mutation.INVALID_BYTES, JobFileGenerators.Mutation.UTF16,
        JobFileGenerators.Mutation.LIST_TOO_LONG, JobFileGenerators.Mutation.UNKNOWN_MEMBER,
        JobFileGenerators.Mutation.DUPLICATE_MEMBER);
    Statistics.collect(mutant.mutation, "accepted");
    Statistics.coverage(c -> {
      c.check(JobFileGenerators.Mutation.NONE, "accepted").count(n -> n > 0);
      c.check(JobFileGenerators.Mutation.DROP_MEMBER, "accepted").count(n -> n > 0);
    });
    noInternalFinding(spec);
  }

  /** Also: a valid job never makes a rule fail internally (mutated, accepted ones are checked above). */
  @Property
  void equivalentSpellingsGiveTheSameReport(@ForAll("validJobs") ObjectNode job,
      @ForAll("styles") JobJsonText.Style one, @ForAll("styles") JobJsonText.Style other) {
    PreflightReport a = noInternalFinding(read(JobJsonText.bytes(job, one)));
    PreflightReport b = ENGINE.evaluate(read(JobJsonText.bytes(job, other)), network);
    assertThat(JsonReport.render(b, true)).isEqualTo(JsonReport.render(a, true));
  }

  @Property(tries = 50)
  void anAcceptedJobWrittenBackReadsAsTheSameJob(@ForAll("validJobs") ObjectNode job) {
    TrainingJobSpec spec = read(JobJsonText.bytes(job, JobJsonText.Style.plain()));
    assertThat(JobFile.parse(JobFile.write(spec), "written.json")).isEqualTo(spec);
  }

  @Property(tries = 20)
  void aRealFileReadsLikeItsBytes(@ForAll("mutants") JobFileGenerators.Mutant mutant) throws IOException {
    Path file = Files.createTempFile("vpctrain-job", ".json");
    try {
      Files.write(file, mutant.bytes);
      String fromFile;
      try {
        fromFile = String.valueOf(JobFile.read(file));
      } catch (InvalidInputException e) {
        assertThat(e.file()).isEqualTo(file.toString());
        fromFile = e.expectation();
      }
      String fromBytes;
      try {
        fromBytes = String.valueOf(read(mutant.bytes));
      } catch (InvalidInputException e) {
        fromBytes = e.expectation();
      }
      assertThat(fromFile).isEqualTo(fromBytes);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static PreflightReport noInternalFinding(TrainingJobSpec spec) {
    long start = System.nanoTime();
    PreflightReport report = ENGINE.evaluate(spec, network);
    long ms = (System.nanoTime() - start) / 1_000_000;
    for (Finding f : report.findings()) {
      assertThat(f.message()).as("finding of %s", f.ruleId()).doesNotContain("This is a bug in vpctrain");
    }
    assertThat(ms).as("evaluation time of an accepted job").isLessThan(5_000);
    return report;
  }
}
