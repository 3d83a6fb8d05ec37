package dev.vpctrain.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.sagemaker.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeAwsExtensionTest {
  @RegisterExtension
  static final FakeAwsExtension AWS = FakeAwsExtension.builder()
      .scenario(Scenarios.readyPrivateEndpoints())
      .configure(aws -> aws.sageMaker().scriptAll(s -> s.failsIn(Phase.TRAINING, "AlgorithmError: scripted")))
      .build();

  @Test
  void theBuilderSettingsApplyToEveryTest(FakeAws aws) {
    assertThat(aws.scenario()).contains(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createTrainingJob(
        dev.vpctrain.aws.job.TrainingJobRequests.toRequest(Scenarios.readyPrivateEndpoints().job()));
    assertThat(aws.sageMaker().job("resnet50-nightly").finalFailureReason()).contains("AlgorithmError: scripted");
  }

  @Test
  void aMissingOrMalformedBundleIsAnErrorNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.json");
    Path malformed = dir.resolve("bad.json");
    Files.writeString(malformed, "{\"vpctrainSnapshot\": 1, \"region\": 7}");
    FakeAws aws = FakeAws.create();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> aws.load(missing))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("nope.json");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> aws.load(malformed))
        .isInstanceOf(dev.vpctrain.core.InvalidInputException.class).hasMessageContaining("bad.json");
  }

  @Test
  void aBundleCanBeLoadedFromAFile() throws Exception {
    Path bundle = Path.of("..", "testdata", "shared-examples", "dedicated-tenancy", "network.json");
    org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(bundle));

    FakeAws aws = FakeAws.create().load(bundle);

    assertThat(aws.snapshot()).isEqualTo(Scenarios.dedicatedTenancy().network());
  }
}
