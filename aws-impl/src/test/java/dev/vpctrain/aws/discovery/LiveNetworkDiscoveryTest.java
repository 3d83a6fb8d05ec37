package dev.vpctrain.aws.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

class LiveNetworkDiscoveryTest {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  FakeAwsServer server;
  Ec2Client ec2;
  S3Client s3;

  @BeforeEach
  void start() {
    server = FakeAwsServer.start(Networks.account(Networks.goldenWithNoise()));
    ec2 = AwsTestClients.ec2(server.baseUrl());
    s3 = AwsTestClients.s3(server.baseUrl());
  }

  @AfterEach
  void stop() {
    ec2.close();
    s3.close();
    server.close();
  }

  LiveNetworkDiscovery discovery() {
    return LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @Test
  void discoversTheJobsVpcAndBucketsExactly() {
    NetworkSnapshot snapshot = discovery().snapshotFor(Networks.job());

    assertThat(snapshot).isEqualTo(Networks.golden().withCapturedAt(NOW));
  }
}
