package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdMalformedTest {
  private final RequestIdMalformed rule = new RequestIdMalformed();

  @Test
  void passesForWellFormedIds() {
    List<Finding> f = rule.evaluate(context(job().checkpointUri("s3://acme-ml-artifacts/ckpt/")
        .addS3Output("TensorBoardOutputConfig.S3OutputPath", "s3://acme-ml-artifacts/tb").build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void acceptsShortIdsAndOtherPartitions() {
    List<Finding> f = rule.evaluate(context(job()
        .roleArn("arn:aws-cn:iam::123456789012:role/service-role/Training")
        .vpc(v -> v.subnets("subnet-0a1b2c3d").securityGroups("sg-0A1B2C3D")).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"subnet-0A1B2C3D", "subnet-0a1b2c3", "subnet-0a1b2c3d4e5f6010", "sn-0a1b2c3d", "subnet-0a1b2c3g"})
  void failsOnMalformedSubnetNamingTheField(String id) {
    List<Finding> f = rule.evaluate(context(job().vpc(v -> v.subnets("subnet-0a1b2c3d", id)).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("VpcConfig.Subnets[1]").contains(id);
      assertThat(x.resources()).containsExactly(id);
    });
  }

  @Test
  void failsOnMalformedGroupRoleAndName() {
    List<Finding> f = rule.evaluate(context(job()
        .name("-bad_name")
        .roleArn("arn:aws:iam::1234:user/alice")
        .vpc(v -> v.securityGroups("sg-123")).build()));
    assertThat(f).extracting(Finding::outcome).containsOnly(Outcome.FAIL);
    assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("TrainingJobName"))
        .anySatisfy(m -> assertThat(m).startsWith("RoleArn"))
        .anySatisfy(m -> assertThat(m).startsWith("VpcConfig.SecurityGroupIds[0]"));
  }

  @Test
  void jobNameLimitIs63Characters() {
    String ok = "a" + "-b".repeat(31);
    assertThat(ok).hasSize(63);
    assertThat(rule.evaluate(context(job().name(ok).build()))).allMatch(x -> x.outcome() == Outcome.PASS);
    assertThat(rule.evaluate(context(job().name(ok + "c").build()))).allMatch(x -> x.outcome() == Outcome.FAIL);
  }

  @Test
  void failsOnEveryMalformedS3Location() {
    List<Finding> f = rule.evaluate(context(job()
        .inputChannels(List.of())
        .inputChannel("train", "https://acme-ml-data.s3.amazonaws.com/train/")
        .inputChannel("val", "s3://Acme_Data/val/")
        .outputPath("s3://ab/")
        .checkpointUri("s3:/acme/ckpt")
        .addS3Output("DebugHookConfig.S3OutputPath", "s3://192.168.1.1/x").build()));
    assertThat(f).hasSize(5).allMatch(x -> x.outcome() == Outcome.FAIL);
    assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("InputDataConfig[0]"))
        .anySatisfy(m -> assertThat(m).contains("InputDataConfig[1]"))
        .anySatisfy(m -> assertThat(m).contains("OutputDataConfig.S3OutputPath"))
        .anySatisfy(m -> assertThat(m).contains("CheckpointConfig.S3Uri"))
        .anySatisfy(m -> assertThat(m).contains("DebugHookConfig.S3OutputPath"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://Acme_Code/src.tar.gz", "s3://acme-ml-code", "https://acme-ml-code.s3.amazonaws.com/src.tar.gz",
      "acme-ml-code/src.tar.gz", "S3://acme-ml-code/src.tar.gz"})
  void failsOnAMalformedCodePackageNamingTheHyperparameter(String uri) {
    List<Finding> f = rule.evaluate(context(job().codePackage(uri).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).isEqualTo("HyperParameters.sagemaker_submit_directory is malformed: '" + uri
          + "' is not an s3://bucket/key URI of the code archive (or an absolute path inside the container).");
      assertThat(x.resources()).containsExactly(uri);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://acme-ml-code/resnet50/source/sourcedir.tar.gz", "/opt/ml/input/data/code/sourcedir.tar.gz"})
  void acceptsAnS3CodePackageOrAContainerPath(String value) {
    List<Finding> f = rule.evaluate(context(job().codePackage(value).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }
}
