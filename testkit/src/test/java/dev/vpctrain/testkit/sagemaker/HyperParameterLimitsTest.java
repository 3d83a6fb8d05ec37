package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The fake CreateTrainingJob refuses HyperParameters beyond the API's limits, as SageMaker does. */
class HyperParameterLimitsTest {
  private final Scenario ready = Scenarios.readyPrivateEndpoints();
  private final FakeAws aws = FakeAws.create().load(ready);

  private CreateTrainingJobRequest with(Map<String, String> hyperParameters) {
    return TrainingJobRequests.toRequest(ready.job()).toBuilder().hyperParameters(hyperParameters).build();
  }

  @Test
  void moreThan100EntriesOrTooLongValuesAreAValidationException() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("p" + i, "1");
    }

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(with(many)))
        .isInstanceOf(SageMakerException.class)
        .hasMessageContaining("at 'hyperParameters' failed to satisfy constraint: Member must have length less than "
            + "or equal to 100");
    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(with(Map.of("notes", "x".repeat(2501)))))
        .hasMessageContaining("Map value must satisfy constraint: [Member must have length less than or equal to 2500]");
    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(with(Map.of("k".repeat(257), "1"))))
        .hasMessageContaining("Map keys must satisfy constraint: [Member must have length less than or equal to 256]");
  }
}
