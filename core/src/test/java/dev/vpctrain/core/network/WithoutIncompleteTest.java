package dev.vpctrain.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import org.junit.jupiter.api.Test;

class WithoutIncompleteTest {
  @Test
  void aSectionWhoseCallFailedIsUnknownEvenWithOutput() {
    NetworkSnapshot full = TestNetworks.ready().build();
    assertThat(full.has(Section.SUBNETS)).isTrue();
    NetworkSnapshot partial = full.withErrors(CaptureError.of("ec2:DescribeSubnets", "UnauthorizedOperation", "denied"),
        CaptureError.of("ec2:DescribeVpcAttribute", "Throttling", "rate exceeded"));
    NetworkSnapshot read = partial.withoutIncomplete();
    assertThat(read.has(Section.SUBNETS)).isFalse();
    assertThat(read.unknownReason(Section.SUBNETS)).contains("UnauthorizedOperation");
    assertThat(read.has(Section.VPCS)).isTrue();
    assertThat(read.has(Section.VPC_ATTRIBUTES)).isFalse();
    assertThat(read.has(Section.ROUTE_TABLES)).isTrue();
    assertThat(read.routeTables()).isEqualTo(full.routeTables());
  }

  @Test
  void aCompleteSnapshotIsUnchanged() {
    NetworkSnapshot full = TestNetworks.ready().build();
    assertThat(full.withoutIncomplete()).isEqualTo(full);
  }
}
