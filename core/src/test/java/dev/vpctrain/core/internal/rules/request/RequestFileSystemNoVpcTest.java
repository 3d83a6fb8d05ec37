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

class RequestFileSystemNoVpcTest {
  private final RequestFileSystemNoVpc rule = new RequestFileSystemNoVpc();

  private static InputChannel efs() {
    return InputChannel.builder().name("efs").fileSystemId("fs-0a1b2c3d").fileSystemType("EFS").directoryPath("/data").build();
  }

  private static InputChannel fsx() {
    return InputChannel.builder().name("fsx").fileSystemId("fs-0123456789abcdef0").fileSystemType("FSxLustre")
        .directoryPath("/abcdefgh/train").build();
  }

  @Test
  void fileSystemChannelsWithoutAVpcFailOncePerChannel() {
    List<Finding> out = evaluate(rule, TestJobs.jobWithoutVpc().addInputChannel(efs()).addInputChannel(fsx()).build(),
        TestNetworks.ready().build());
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL && f.severity() == Severity.ERROR);
    assertThat(out.get(0).resources()).containsExactly("fs-0a1b2c3d");
    assertThat(out.get(0).message()).contains("Channel efs").contains("no VpcConfig").contains("mount targets");
    assertThat(out.get(1).resources()).containsExactly("fs-0123456789abcdef0");
    assertThat(out.get(1).remediation().orElseThrow()).contains("VpcConfig").contains("Availability Zone ID");
  }

  @Test
  void aJobInAVpcPasses() {
    Finding f = single(rule, TestJobs.job("subnet-a").addInputChannel(efs()).build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aJobWithoutFileSystemChannelsPassesEvenOutsideAVpc() {
    Finding f = single(rule, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("no file-system input channels");
  }
}
