package dev.vpctrain.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The exact wire format, from hand-written fixtures: the EC2 Query requests the SDK sends (form
 * body, filters, {@code NextToken}) and the XML it must read, and S3's path-style location and
 * policy calls. The discovered snapshot must equal the model built by hand in {@link Networks}.
 */
class DiscoveryWireFormatTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  @Test
  void readsEveryDescribeAndBucketCallFromTheRealWireFormat() {
    GoldenAccount.stub(wm);

    NetworkSnapshot snapshot;
    try (Ec2Client ec2 = AwsTestClients.ec2(wm.baseUrl()); S3Client s3 = AwsTestClients.s3(wm.baseUrl())) {
      snapshot = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).clock(Clock.fixed(GoldenAccount.NOW, ZoneOffset.UTC)).build()
          .snapshotFor(Networks.job());
    }

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(snapshot.errors()).isEmpty();
    assertThat(snapshot).isEqualTo(Networks.golden().withCapturedAt(GoldenAccount.NOW));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(15);
    assertThat(wm.findAll(getRequestedFor(urlMatching("/.*")))).hasSize(4);
    wm.findAll(postRequestedFor(urlEqualTo("/"))).forEach(r -> assertThat(r.getHeader("Content-Type"))
        .startsWith("application/x-www-form-urlencoded"));
  }
}
