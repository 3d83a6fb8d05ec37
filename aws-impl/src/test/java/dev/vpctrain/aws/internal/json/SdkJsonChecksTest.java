package dev.vpctrain.aws.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.job.SdkJsonException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/** {@link SdkJson#read(java.util.function.Supplier, JsonNode, String, SdkJson.Checks)} and its errors. */
class SdkJsonChecksTest {
  private static JsonNode json(String text) throws Exception {
    return JsonInput.mapper().readTree(text);
  }

  /** Records what it is called with. */
  private static final class Recording implements SdkJson.Checks {
    final List<String> calls = new ArrayList<>();
    boolean refusesNull;

    @Override
    public boolean nullIsAbsent() {
      return !refusesNull;
    }

    Recording refusingNull() {
      refusesNull = true;
      return this;
    }

    @Override
    public void member(String shape, JsonNode owner, String name, JsonNode value, String path) {
      calls.add("member " + shape + "." + name + " at " + path);
    }

    @Override
    public void structure(String shape, JsonNode node, String path) {
      calls.add("structure " + shape + " at " + (path.isEmpty() ? "(root)" : path));
    }
  }

  @Test
  void checksSeeEveryMemberBeforeItIsReadAndEveryStructureAfterItsMembersInDocumentOrder() throws Exception {
    Recording checks = new Recording();
    CreateTrainingJobRequest r = SdkJson.read(CreateTrainingJobRequest::builder, json("{\"TrainingJobName\": \"a\","
        + " \"VpcConfig\": {\"Subnets\": [\"subnet-1\"]}, \"InputDataConfig\": [{\"ChannelName\": \"t\"}]}"), "", checks);

    assertThat(r.vpcConfig().subnets()).containsExactly("subnet-1");
    assertThat(checks.calls).containsExactly(
        "member CreateTrainingJobRequest.TrainingJobName at TrainingJobName",
        "member CreateTrainingJobRequest.VpcConfig at VpcConfig",
        "member VpcConfig.Subnets at VpcConfig.Subnets",
        "structure VpcConfig at VpcConfig",
        "member CreateTrainingJobRequest.InputDataConfig at InputDataConfig",
        "member Channel.ChannelName at InputDataConfig[0].ChannelName",
        "structure Channel at InputDataConfig[0]",
        "structure CreateTrainingJobRequest at (root)");
  }

  @Test
  void aCheckThatThrowsRefusesTheDocument() {
    SdkJson.Checks noVpc = new SdkJson.Checks() {
      @Override
      public void structure(String shape, JsonNode node, String path) {
        if (shape.equals("VpcConfig")) {
          throw new IllegalStateException("no VPC at " + path);
        }
      }
    };
    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder,
        json("{\"VpcConfig\": {\"Subnets\": []}}"), "", noVpc)).hasMessage("no VPC at VpcConfig");
  }

  @Test
  void nullIsAbsentByDefaultAndAWronglyTypedValueWhenTheChecksSaySo() throws Exception {
    JsonNode withNulls = json("{\"TrainingJobName\": null, \"VpcConfig\": {\"Subnets\": [null]}}");
    CreateTrainingJobRequest r = SdkJson.read(CreateTrainingJobRequest::builder, withNulls, "");
    assertThat(r.trainingJobName()).isNull();

    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder, withNulls, "", new Recording().refusingNull()))
        .isInstanceOfSatisfying(SdkJsonException.class, e -> {
          assertThat(e).hasMessage("TrainingJobName: expected a string but was null");
          assertThat(e.expected()).hasValue("a string");
          assertThat(e.found()).hasValueSatisfying(n -> assertThat(n.isNull()).isTrue());
        });
    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder,
        json("{\"VpcConfig\": {\"Subnets\": [\"subnet-1\", null]}}"), "", new Recording().refusingNull()))
        .isInstanceOfSatisfying(SdkJsonException.class, e -> assertThat(e.path()).isEqualTo("VpcConfig.Subnets[1]"));
  }

  @Test
  void anUnknownMemberNamesItAndTheShapesMembersInTheApiOrder() {
    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder,
        json("{\"VpcConfig\": {\"Subnet\": [\"subnet-1\"]}}"), ""))
        .isInstanceOfSatisfying(SdkJsonException.class, e -> {
          assertThat(e).hasMessage("VpcConfig.Subnet: unknown member 'Subnet'; expected one of SecurityGroupIds, Subnets");
          assertThat(e.problem()).startsWith("unknown member 'Subnet'");
          assertThat(e.unknownMember()).hasValue("Subnet");
          assertThat(e.members()).containsExactly("SecurityGroupIds", "Subnets");
          assertThat(e.expected()).isEmpty();
        });
    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder, json("{\"Color\": 1}"), ""))
        .isInstanceOfSatisfying(SdkJsonException.class, e ->
            assertThat(e.members()).startsWith("TrainingJobName", "HyperParameters", "AlgorithmSpecification", "RoleArn"));
  }

  @Test
  void anOverflowingIntegerKeepsItsMessageAndSaysAnIntegerWasExpected() {
    assertThatThrownBy(() -> SdkJson.read(CreateTrainingJobRequest::builder,
        json("{\"ResourceConfig\": {\"InstanceCount\": 4294967297}}"), ""))
        .isInstanceOfSatisfying(SdkJsonException.class, e -> {
          assertThat(e).hasMessage("ResourceConfig.InstanceCount: expected an integer in -2147483648..2147483647"
              + " but was 4294967297");
          assertThat(e.expected()).hasValue("an integer");
          assertThat(e.found()).hasValueSatisfying(n -> assertThat(n.asText()).isEqualTo("4294967297"));
        });
  }
}
