package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** IAM is global: its client is built for the global region of the check's partition. */
class AwsClientsTest {
  @Test
  void theIamClientUsesThePartitionsGlobalRegion() {
    assertThat(AwsClients.globalRegion(Region.US_EAST_1)).isEqualTo(Region.AWS_GLOBAL);
    assertThat(AwsClients.globalRegion(Region.EU_WEST_1)).isEqualTo(Region.AWS_GLOBAL);
    assertThat(AwsClients.globalRegion(Region.CN_NORTH_1)).isEqualTo(Region.AWS_CN_GLOBAL);
    assertThat(AwsClients.globalRegion(Region.US_GOV_WEST_1)).isEqualTo(Region.AWS_US_GOV_GLOBAL);
  }
}
