package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.audit.AuditProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpctrain audit}'s command line: what it refuses before any call, and its pieces. */
class AuditCommandTest {
  @TempDir
  Path dir;

  @Test
  void theAccountsComeFromAFileOrTheOrganisationNotBothNorNeither() throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "111122223333\n");
    Cli neither = Cli.run("audit", "--regions", "us-east-1");
    assertThat(neither.code).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.err).contains("--accounts FILE, or --organization");
    Cli both = Cli.run("audit", "--regions", "us-east-1", "--organization", "--accounts", file.toString());
    assertThat(both.code).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err).contains("not both");
  }

  @Test
  void badOptionsAreUsageErrorsThatSayWhatIsExpected() throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "111122223333\n");
    String[][] cases = {
        {"--shard", "4/3", "--shard: a shard is I/N with 1 <= I <= N"},
        {"--shard", "x", "for example 3/16"},
        {"--since", "30 days", "--since: expected an age such as 30d"},
        {"--kinds", "training,inference", "--kinds: expected training, processing or tuning but was 'inference'"},
        {"--format", "xml", "--format: expected one of text, json, jsonl, csv, sarif"},
        {"--concurrency", "0", "concurrency is between 1 and 1024"},
        {"--role-name", "bad role", "is not an IAM role name"},
    };
    for (String[] c : cases) {
      Cli r = Cli.run("audit", "--accounts", file.toString(), "--regions", "us-east-1", c[0], c[1]);
      assertThat(r.code).as(String.join(" ", c)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err).as(String.join(" ", c)).contains(c[2]).doesNotContain("\tat ");
    }
    Cli region = Cli.run("audit", "--accounts", file.toString(), "--regions", "us-east-1,nowhere");
    assertThat(region.code).isEqualTo(ExitCodes.USAGE);
    assertThat(region.err).contains("'nowhere' is not a region name");
  }

  @Test
  void anAccountsFileWithABadLineNamesTheFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "# prod\n111122223333  # main\n\n12345\n");
    Cli r = Cli.run("audit", "--accounts", file.toString(), "--regions", "us-east-1");
    assertThat(r.code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains(file.toString()).contains("line 4").contains("a 12-digit account id")
        .contains("'12345'");
    Cli missing = Cli.run("audit", "--accounts", dir.resolve("nope.txt").toString(), "--regions", "us-east-1");
    assertThat(missing.code).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    assertThat(missing.err).contains("nope.txt");
  }

  @Test
  void theAccountsFileSkipsCommentsAndBlankLines() throws IOException {
    Path file = Files.writeString(dir.resolve("accounts.txt"), "# prod\n111122223333  # main\n\n 444455556666\n");
    assertThat(AuditRun.readAccounts(file)).containsExactly("111122223333", "444455556666");
  }

  @Test
  void agesAreDaysHoursWeeksOrIsoDurations() {
    assertThat(AuditRun.age("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(AuditRun.age("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(AuditRun.age("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(AuditRun.age("P3D")).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void theProgressLineCountsAccountsCallsThrottlesAndTheEta() {
    AuditProgress p = AuditProgress.builder().accountsDone(250).accountsTotal(1000).jobs(12_000).calls(45_000)
        .retries(300).throttles(120).elapsed(Duration.ofSeconds(60)).build();
    assertThat(AuditRun.progressLine(p)).isEqualTo(
        "[######                  ] 250/1000 accounts, 12000 jobs, 45000 calls, 120 throttled, ETA 3m00s");
  }

  @Test
  void theExitCodeSaysWhetherTheAuditWasComplete() {
    assertThat(ExitCodes.ofAudit(false, java.util.Map.of())).isEqualTo(ExitCodes.AWS_UNAVAILABLE);
    assertThat(ExitCodes.ofAudit(true, java.util.Map.of(dev.vpctrain.core.report.Verdict.NOT_READY, 1L,
        dev.vpctrain.core.report.Verdict.READY, 5L))).isEqualTo(ExitCodes.NOT_READY);
    assertThat(ExitCodes.ofAudit(true, java.util.Map.of(dev.vpctrain.core.report.Verdict.READY, 5L)))
        .isEqualTo(ExitCodes.READY);
  }
}
