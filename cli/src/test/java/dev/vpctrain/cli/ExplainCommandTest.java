package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vpctrain explain RULE_ID}: the page from inside the jar; an unknown id is a usage error with suggestions. */
class ExplainCommandTest {
  @Test
  void printsTheRulesPageFromTheJar() {
    Cli r = Cli.run("explain", "s3.route.missing");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).startsWith("# s3.route.missing").contains("aws ec2 create-vpc-endpoint");
    assertThat(r.out).isEqualTo(Cli.run("rules", "s3.route.missing").out);
  }

  @Test
  void aTypoIsAUsageErrorSuggestingTheClosestIds() {
    Cli r = Cli.run("explain", "s3.route.mising");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("unknown rule id 's3.route.mising'; did you mean s3.route.missing")
        .contains("'vpctrain rules' lists them all");
  }

  @Test
  void aPartOfAnIdSuggestsTheIdsContainingIt() {
    Cli r = Cli.run("explain", "nacl.blocked");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("did you mean ").contains("s3.nacl.blocked");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    Cli r = Cli.run("explain", "completely-different");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).doesNotContain("did you mean");
  }

  @Test
  void rulesWithAnUnknownIdSuggestsToo() {
    Cli r = Cli.run("rules", "vpc.tenancy.dedicate");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("did you mean vpc.tenancy.dedicated");
  }

  @Test
  void suggestionsAreTheClosestFirstAndAtMostThree() {
    List<String> ids = List.of("s3.route.missing", "s3.route.blackhole", "s3.route.igw-only", "fs.route", "vpc.mixed");
    assertThat(RuleIds.suggest("s3.route.missin", ids)).containsExactly("s3.route.missing");
    assertThat(RuleIds.suggest("route", ids)).hasSizeLessThanOrEqualTo(3).allMatch(id -> id.contains("route"));
    assertThat(RuleIds.suggest("", ids)).isEmpty();
    assertThat(RuleIds.distance("kitten", "sitting")).isEqualTo(3);
  }
}
