package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFileSystemInputModeTest {
  private final RequestFileSystemInputMode rule = new RequestFileSystemInputMode();

  private static InputChannel.Builder efs() {
    return InputChannel.builder().name("efs").fileSystemId("fs-0a1b2c3d").fileSystemType("EFS").directoryPath("/data");
  }

  private static InputChannel.Builder fsx() {
    return InputChannel.builder().name("fsx").fileSystemId("fs-0123456789abcdef0").fileSystemType("FSxLustre")
        .directoryPath("/abcdefgh/train");
  }

  @Test
  void anEfsChannelInPipeModeFails() {
    Finding f = single(rule, TestJobs.job("subnet-a").addInputChannel(efs().inputMode("Pipe").build()).build(),
        TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("fs-0a1b2c3d");
    assertThat(f.message()).contains("InputDataConfig[1].InputMode").contains("Pipe mode is not supported");
    assertThat(f.remediation().orElseThrow()).contains("\"InputMode\": \"File\"");
  }

  @Test
  void theJobsTrainingInputModeAppliesWhenTheChannelHasNone() {
    List<Finding> out = evaluate(rule, TestJobs.job("subnet-a").trainingInputMode("pipe").addInputChannel(efs().build())
        .addInputChannel(fsx().build()).build(), TestNetworks.ready().build());
    assertThat(out).hasSize(1);
    assertThat(out.get(0).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(out.get(0).message()).contains("AlgorithmSpecification.TrainingInputMode");
    // the channel's own File mode overrides the job's Pipe
    Finding own = single(rule, TestJobs.job("subnet-a").trainingInputMode("Pipe").addInputChannel(efs().inputMode("File").build())
        .build(), TestNetworks.ready().build());
    assertThat(own.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void fileModeFastFileAndFsxInPipePass() {
    assertThat(single(rule, TestJobs.job("subnet-a").addInputChannel(efs().inputMode("File").build()).build(),
        TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(rule, TestJobs.job("subnet-a").addInputChannel(efs().inputMode("FastFile").build()).build(),
        TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
    Finding lustre = single(rule, TestJobs.job("subnet-a").addInputChannel(fsx().inputMode("Pipe").build()).build(),
        TestNetworks.ready().build());
    assertThat(lustre.outcome()).isEqualTo(Outcome.PASS);
    assertThat(lustre.message()).contains("no EFS input channel");
  }
}
