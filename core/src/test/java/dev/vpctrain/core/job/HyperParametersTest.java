package dev.vpctrain.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.fixtures.TestJobs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed hyperparameters on the builder, kept in the {@code HyperParameters} extra, within the API's limits. */
class HyperParametersTest {
  @Test
  void setOneByOneInOrderAndReadBack() {
    TrainingJobSpec job = TestJobs.job("subnet-a").hyperParameter("epochs", "10").hyperParameter("lr", "0.01")
        .hyperParameter("epochs", "12").build();

    assertThat(job.hyperParameters()).containsExactly(Map.entry("epochs", "12"), Map.entry("lr", "0.01"));
    assertThat(job.apiExtras()).containsEntry("HyperParameters", "{\"epochs\":\"12\",\"lr\":\"0.01\"}");
  }

  @Test
  void theCodePackageAndTypedValuesShareTheMap() {
    TrainingJobSpec job = TestJobs.job("subnet-a").hyperParameter("epochs", "10")
        .codePackage("s3://acme-ml-code/src.tar.gz").build();

    assertThat(job.hyperParameters()).containsEntry("epochs", "10")
        .containsEntry("sagemaker_submit_directory", "\"s3://acme-ml-code/src.tar.gz\"");
    assertThat(job.codePackage()).contains("s3://acme-ml-code/src.tar.gz");
  }

  @Test
  void aNullValueRemovesAndTheMapReplaces() {
    TrainingJobSpec.Builder b = TestJobs.job("subnet-a").hyperParameter("epochs", "10").hyperParameter("lr", "0.1");

    assertThat(b.hyperParameter("epochs", null).build().hyperParameters()).containsOnlyKeys("lr");
    assertThat(b.hyperParameters(Map.of("batch", "64")).build().hyperParameters()).containsOnlyKeys("batch");
    assertThat(b.hyperParameters(Map.of()).build().apiExtras()).doesNotContainKey("HyperParameters");
  }

  @Test
  void rawJsonValuesThatAreNotStringsReadAsTheirJson() {
    TrainingJobSpec job = TestJobs.job("subnet-a").putApiExtra("HyperParameters", "{\"epochs\":10}").build();

    assertThat(job.hyperParameters()).containsEntry("epochs", "10");
  }

  @Test
  void theApiLimitsAreEnforcedWithAClearMessage() {
    TrainingJobSpec.Builder b = TestJobs.job("subnet-a");

    assertThatThrownBy(() -> b.hyperParameter("k".repeat(257), "v"))
        .hasMessageContaining("257 characters long; CreateTrainingJob accepts at most 256");
    assertThatThrownBy(() -> b.hyperParameter("notes", "v".repeat(2501)))
        .hasMessageContaining("'notes' is 2501 characters long; CreateTrainingJob accepts at most 2500");
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 101; i++) {
      many.put("p" + i, "1");
    }
    assertThatThrownBy(() -> b.hyperParameters(many)).hasMessageContaining("101 hyperparameters")
        .hasMessageContaining("at most 100");
    many.remove("p100");
    TrainingJobSpec.Builder full = TestJobs.job("subnet-a").hyperParameters(many);
    assertThatThrownBy(() -> full.hyperParameter("one-more", "1")).hasMessageContaining("at most 100");
    assertThat(full.hyperParameter("p0", "2").build().hyperParameters()).hasSize(100);
  }
}
