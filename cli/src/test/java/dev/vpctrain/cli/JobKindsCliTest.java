package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code check} reads processing and tuning jobs; {@code --kind} forces the kind; the other commands say what they read. */
class JobKindsCliTest {
  private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
  private static final String NETWORK = SCENARIOS.resolve("jobfile-fixed/network.json").toString();

  private static String job(String scenario) {
    return SCENARIOS.resolve(scenario).resolve("job.json").toString();
  }

  @Test
  void aTuningJobsFindingsNameTheirDefinition() {
    Cli r = Cli.run("check", "--job", job("tuning-definitions"), "--network", NETWORK, "--no-color");
    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.NOT_READY);
    assertThat(r.out).startsWith("NOT_READY  tuning job resnet50-hpo-multi in us-east-1")
        .contains("ERROR FAIL  s3.route.igw-only\n  Subnet subnet-0a1b2c3d4e5f60201")
        .contains("  definition: g5-single\n");
  }

  @Test
  void theKindCanBeForced() {
    Cli ok = Cli.run("check", "--kind", "processing", "--job", job("processing-single-no-self-ingress"),
        "--network", NETWORK, "--format", "json");
    assertThat(ok.code).as(ok.toString()).isEqualTo(ExitCodes.READY);
    assertThat(ok.out).contains("\"kind\": \"processing\"");
    Cli wrong = Cli.run("check", "--kind", "training", "--job", job("tuning-definitions"), "--network", NETWORK);
    assertThat(wrong.code).as(wrong.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(wrong.err).contains("tuning-definitions").contains("unknown member \"HyperParameterTuningJobName\"")
        .doesNotContain("\tat ");
    Cli typo = Cli.run("check", "--kind", "batch", "--job", job("tuning-definitions"), "--network", NETWORK);
    assertThat(typo.code).as(typo.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err).contains("training, processing, tuning");
  }

  @Test
  void planTakesEveryKindAndLaunchAndApplySayWhichRequestsTheyTake() {
    Cli plan = Cli.run("plan", "--job", job("processing-cluster-no-self-ingress"), "--network",
        "../testdata/shared-examples/sg-no-self-ingress/network.json");
    assertThat(plan.code).as(plan.toString()).isEqualTo(ExitCodes.NOT_READY);
    assertThat(plan.out).contains("aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d4e5f60401");
    Cli tuningPlan = Cli.run("plan", "--job", job("tuning-parallel-overflow"), "--network", NETWORK, "--format", "json");
    assertThat(tuningPlan.code).as(tuningPlan.toString()).isEqualTo(ExitCodes.NOT_READY);
    Cli apply = Cli.run("apply", "--job", job("tuning-definitions"), "--live", "--region", "us-east-1");
    assertThat(apply.code).as(apply.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(apply.err).contains("'apply' takes a CreateTrainingJob or CreateProcessingJob request");
  }

  @Test
  void theBundledExamplesOfTheOtherKinds() {
    Cli tuning = Cli.run("check", "--example", "tuning-parallel-overflow", "--no-color");
    assertThat(tuning.code).as(tuning.toString()).isEqualTo(ExitCodes.NOT_READY);
    assertThat(tuning.out).contains("The parallel limit drives the need: 8 × 80 IPs");
    Cli processing = Cli.run("check", "--example", "processing-cluster-no-self-ingress", "--no-color");
    assertThat(processing.code).as(processing.toString()).isEqualTo(ExitCodes.NOT_READY);
    assertThat(processing.out).startsWith("NOT_READY  processing job ").contains("sg.self-ingress.missing");
  }
}
