package dev.vpctrain.aws.discovery;

import static dev.vpctrain.aws.testing.Snapshots.assertSameSnapshot;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What discovery captures survives the snapshot bundle (formats.md §2): write, read, same snapshot. */
class DiscoveredBundleRoundTripTest {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  @Test
  void theGoldenNetworkRoundTrips() {
    NetworkSnapshot discovered = Networks.golden().withCapturedAt(NOW);

    assertSameSnapshot(SnapshotBundle.parse(SnapshotBundle.write(discovered), "bundle.json"), discovered);
  }

  @Test
  void capturedErrorsAndUnknownSectionsRoundTrip() {
    NetworkSnapshot g = Networks.golden().withCapturedAt(NOW);
    NetworkSnapshot partial = g.toBuilder()
        .networkAcls(Optional.empty())
        .errors(List.of(
            CaptureError.of("ec2:DescribeNetworkAcls", "UnauthorizedOperation",
                "You are not authorized to perform this operation. [HTTP 403] — vpctrain needs the IAM permission "
                    + "ec2:DescribeNetworkAcls (see docs/iam-permissions.md)"),
            CaptureError.builder().operation("s3:GetBucketPolicy").code("AccessDenied").message("Access Denied")
                .resource(Networks.DATA_BUCKET).build()))
        .putBucket(Networks.DATA_BUCKET, BucketFacts.builder().bucket(Networks.DATA_BUCKET).region("us-east-1")
            .policyState(PolicyState.UNKNOWN).build())
        .build();

    assertSameSnapshot(SnapshotBundle.parse(SnapshotBundle.write(partial), "bundle.json"), partial);
  }

  @Test
  void aGeneratedThousandSubnetVpcRoundTrips() {
    NetworkSnapshot large = Networks.large(1000).withCapturedAt(NOW);

    assertSameSnapshot(SnapshotBundle.parse(SnapshotBundle.write(large), "bundle.json"), large);
  }
}
