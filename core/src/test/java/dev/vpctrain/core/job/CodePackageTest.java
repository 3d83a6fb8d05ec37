package dev.vpctrain.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training code package: the {@code sagemaker_submit_directory} hyperparameter as one S3 object read. */
class CodePackageTest {
  private static TrainingJobSpec withHyperParameters(String json) {
    return TestJobs.job("subnet-a").putApiExtra("HyperParameters", json).build();
  }

  @Test
  void theSdksQuotedValueIsOneObjectRead() {
    TrainingJobSpec job = withHyperParameters(
        "{\"epochs\":\"3\",\"sagemaker_submit_directory\":\"\\\"s3://acme-ml-code/resnet50/source/sourcedir.tar.gz\\\"\","
            + "\"sagemaker_program\":\"\\\"train.py\\\"\"}");
    assertThat(job.codePackage()).contains("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz");
    S3Access code = job.s3Accesses().get(job.s3Accesses().size() - 1);
    assertThat(code.field()).isEqualTo("HyperParameters.sagemaker_submit_directory");
    assertThat(code.isObject()).isTrue();
    assertThat(code.actions()).containsExactly("s3:GetObject");
    assertThat(code.location().bucket()).isEqualTo("acme-ml-code");
    assertThat(code.location().key()).isEqualTo("resnet50/source/sourcedir.tar.gz");
    assertThat(code.objectResource("aws")).isEqualTo("arn:aws:s3:::acme-ml-code/resnet50/source/sourcedir.tar.gz");
    assertThat(job.buckets()).containsExactly("acme-ml-data", "acme-ml-artifacts", "acme-ml-code");
  }

  @Test
  void anUnquotedValueCountsToo() {
    TrainingJobSpec job = withHyperParameters("{\"sagemaker_submit_directory\":\"s3://acme-ml-code/src.tar.gz\"}");
    assertThat(job.codePackageObject()).map(S3Uri::toString).contains("s3://acme-ml-code/src.tar.gz");
    assertThat(job.s3Accesses()).extracting(S3Access::field).contains(TrainingJobSpec.CODE_PACKAGE_FIELD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no hyperparameters        | {}
      other hyperparameters     | {"epochs":"3"}
      container path            | {"sagemaker_submit_directory":"\\"/opt/ml/input/data/code/sourcedir.tar.gz\\""}
      bad bucket                | {"sagemaker_submit_directory":"\\"s3://Acme_Code/src.tar.gz\\""}
      no key                    | {"sagemaker_submit_directory":"\\"s3://acme-ml-code\\""}
      https                     | {"sagemaker_submit_directory":"\\"https://acme-ml-code.s3.amazonaws.com/src.tar.gz\\""}
      """)
  void otherValuesAreNoS3Request(String name, String json) {
    TrainingJobSpec job = withHyperParameters(json);
    assertThat(job.codePackageObject()).isEmpty();
    assertThat(job.s3Accesses()).extracting(S3Access::field).doesNotContain(TrainingJobSpec.CODE_PACKAGE_FIELD);
  }

  @Test
  void theBuilderSetsTheHyperparameterAsTheSdksDo() {
    TrainingJobSpec job = TestJobs.job("subnet-a").putApiExtra("HyperParameters", "{\"epochs\":\"3\"}")
        .codePackage("s3://acme-ml-code/src.tar.gz").build();
    assertThat(job.apiExtras().get("HyperParameters"))
        .isEqualTo("{\"epochs\":\"3\",\"sagemaker_submit_directory\":\"\\\"s3://acme-ml-code/src.tar.gz\\\"\"}");
    assertThat(job.codePackage()).contains("s3://acme-ml-code/src.tar.gz");
    TrainingJobSpec moved = job.toBuilder().codePackage("s3://acme-ml-code/v2/src.tar.gz").build();
    assertThat(moved.codePackage()).contains("s3://acme-ml-code/v2/src.tar.gz");
    assertThat(moved.apiExtras().get("HyperParameters")).startsWith("{\"epochs\":\"3\",");
    TrainingJobSpec removed = job.toBuilder().codePackage(null).build();
    assertThat(removed.codePackage()).isEmpty();
    assertThat(removed.apiExtras().get("HyperParameters")).isEqualTo("{\"epochs\":\"3\"}");
    assertThat(TestJobs.job("subnet-a").codePackage(null).build().apiExtras()).doesNotContainKey("HyperParameters");
  }

  @Test
  void theCodePackageIsAnObjectNotAPrefix() {
    S3Uri uri = S3Uri.parse("s3://bkt/k/src.tar.gz").orElseThrow();
    S3Access object = S3Access.object("f", uri, List.of("s3:GetObject"));
    S3Access prefix = S3Access.of("f", uri, List.of("s3:GetObject"));
    assertThat(object).isNotEqualTo(prefix);
    assertThat(prefix.objectResource("aws")).isEqualTo("arn:aws:s3:::bkt/k/src.tar.gz*");
    assertThat(object.objectResource("aws-cn")).isEqualTo("arn:aws-cn:s3:::bkt/k/src.tar.gz");
  }
}
