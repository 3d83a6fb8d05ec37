package dev.vpctrain.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The exact wire format, from hand-written fixtures: the EC2 Query requests the SDK sends (form
 * body, filters, {@code NextToken}) and the XML it must read, and S3's path-style location and
 * policy calls. The discovered snapshot must equal the model built by hand in {@link Networks}.
 */
class DiscoveryWireFormatTest {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
  static final String VERSION = "&Version=2016-11-15";
  static final String PAGE_TOKEN = "eyJ2IjoiMSIsImMiOiJzdWJuZXRzIn0=";

  static WireMockServer wm;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  static String fixture(String path) {
    try (InputStream in = DiscoveryWireFormatTest.class.getResourceAsStream("/wire/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void ec2(String body, String fixture) {
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(equalTo(body))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
            .withBody(fixture("ec2/" + fixture))));
  }

  static String filter(String action, String name, String... values) {
    StringBuilder sb = new StringBuilder("Action=" + action + VERSION + "&Filter.1.Name=" + name);
    for (int i = 0; i < values.length; i++) {
      sb.append("&Filter.1.Value.").append(i + 1).append('=').append(values[i]);
    }
    return sb.toString();
  }

  @Test
  void readsEveryDescribeAndBucketCallFromTheRealWireFormat() {
    stubGoldenAccount();

    NetworkSnapshot snapshot;
    try (Ec2Client ec2 = AwsTestClients.ec2(wm.baseUrl()); S3Client s3 = AwsTestClients.s3(wm.baseUrl())) {
      snapshot = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
          .snapshotFor(Networks.job());
    }

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(snapshot.errors()).isEmpty();
    assertThat(snapshot).isEqualTo(Networks.golden().withCapturedAt(NOW));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(15);
    assertThat(wm.findAll(getRequestedFor(urlMatching("/.*")))).hasSize(4);
    wm.findAll(postRequestedFor(urlEqualTo("/"))).forEach(r -> assertThat(r.getHeader("Content-Type"))
        .startsWith("application/x-www-form-urlencoded"));
  }

  /** Stubs every EC2 and S3 call discovery makes for {@link Networks#job()} with the golden fixtures. */
  static void stubGoldenAccount() {
    String vpc = Networks.VPC;
    ec2(filter("DescribeSubnets", "subnet-id", Networks.SUBNET_A, Networks.SUBNET_B), "DescribeSubnets-job.xml");
    ec2(filter("DescribeSecurityGroups", "group-id", Networks.SG_TRAINING), "DescribeSecurityGroups-job.xml");
    ec2(filter("DescribePrefixLists", "prefix-list-name", "com.amazonaws.us-east-1.s3"), "DescribePrefixLists.xml");
    ec2("Action=DescribeDhcpOptions" + VERSION, "DescribeDhcpOptions.xml");
    ec2(filter("DescribeVpcs", "vpc-id", vpc), "DescribeVpcs.xml");
    ec2("Action=DescribeVpcAttribute" + VERSION + "&Attribute=enableDnsSupport&VpcId=" + vpc,
        "DescribeVpcAttribute-enableDnsSupport.xml");
    ec2("Action=DescribeVpcAttribute" + VERSION + "&Attribute=enableDnsHostnames&VpcId=" + vpc,
        "DescribeVpcAttribute-enableDnsHostnames.xml");
    ec2(filter("DescribeSubnets", "vpc-id", vpc), "DescribeSubnets-vpc-page1.xml");
    ec2(filter("DescribeSubnets", "vpc-id", vpc) + "&NextToken=" + PAGE_TOKEN.replace("=", "%3D"),
        "DescribeSubnets-vpc-page2.xml");
    ec2(filter("DescribeSecurityGroups", "vpc-id", vpc), "DescribeSecurityGroups-vpc.xml");
    ec2(filter("DescribeRouteTables", "vpc-id", vpc), "DescribeRouteTables.xml");
    ec2(filter("DescribeVpcEndpoints", "vpc-id", vpc), "DescribeVpcEndpoints.xml");
    ec2(filter("DescribeNatGateways", "vpc-id", vpc), "DescribeNatGateways.xml");
    ec2(filter("DescribeInternetGateways", "attachment.vpc-id", vpc), "DescribeInternetGateways.xml");
    ec2(filter("DescribeNetworkAcls", "vpc-id", vpc), "DescribeNetworkAcls.xml");
    for (String bucket : new String[] {Networks.DATA_BUCKET, Networks.OUTPUT_BUCKET}) {
      wm.stubFor(get(urlMatching("/" + bucket + "\\?location=?"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
              .withBody(fixture("s3/location-us-east-1.xml"))));
    }
    wm.stubFor(get(urlMatching("/" + Networks.DATA_BUCKET + "\\?policy=?"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture("s3/policy-acme-ml-data.json"))));
    wm.stubFor(get(urlMatching("/" + Networks.OUTPUT_BUCKET + "\\?policy=?"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
            .withBody(fixture("s3/NoSuchBucketPolicy.xml"))));
  }
}
