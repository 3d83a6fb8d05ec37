package dev.vpctrain.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import dev.vpctrain.aws.testing.Networks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The golden account of the discovery wire tests: the EC2 query-protocol XML and S3 REST-XML
 * responses (fixtures under {@code /wire}) of every call discovery makes for {@link Networks#job()},
 * stubbed on whichever WireMock a test class registers.
 */
final class GoldenAccount {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
  static final String VERSION = "&Version=2016-11-15";
  static final String PAGE_TOKEN = "eyJ2IjoiMSIsImMiOiJzdWJuZXRzIn0=";

  private GoldenAccount() {}

  static String fixture(String path) {
    try (InputStream in = GoldenAccount.class.getResourceAsStream("/wire/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void ec2(Stubbing wm, String body, String fixture) {
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

  /** Stubs, on {@code wm}, every EC2 and S3 call discovery makes for {@link Networks#job()} with the golden fixtures. */
  static void stub(Stubbing wm) {
    String vpc = Networks.VPC;
    ec2(wm, filter("DescribeSubnets", "subnet-id", Networks.SUBNET_A, Networks.SUBNET_B), "DescribeSubnets-job.xml");
    ec2(wm, filter("DescribeSecurityGroups", "group-id", Networks.SG_TRAINING), "DescribeSecurityGroups-job.xml");
    ec2(wm, filter("DescribePrefixLists", "prefix-list-name", "com.amazonaws.us-east-1.s3"), "DescribePrefixLists.xml");
    ec2(wm, "Action=DescribeDhcpOptions" + VERSION, "DescribeDhcpOptions.xml");
    ec2(wm, filter("DescribeVpcs", "vpc-id", vpc), "DescribeVpcs.xml");
    ec2(wm, "Action=DescribeVpcAttribute" + VERSION + "&Attribute=enableDnsSupport&VpcId=" + vpc,
        "DescribeVpcAttribute-enableDnsSupport.xml");
    ec2(wm, "Action=DescribeVpcAttribute" + VERSION + "&Attribute=enableDnsHostnames&VpcId=" + vpc,
        "DescribeVpcAttribute-enableDnsHostnames.xml");
    ec2(wm, filter("DescribeSubnets", "vpc-id", vpc), "DescribeSubnets-vpc-page1.xml");
    ec2(wm, filter("DescribeSubnets", "vpc-id", vpc) + "&NextToken=" + PAGE_TOKEN.replace("=", "%3D"),
        "DescribeSubnets-vpc-page2.xml");
    ec2(wm, filter("DescribeSecurityGroups", "vpc-id", vpc), "DescribeSecurityGroups-vpc.xml");
    ec2(wm, filter("DescribeRouteTables", "vpc-id", vpc), "DescribeRouteTables.xml");
    ec2(wm, filter("DescribeVpcEndpoints", "vpc-id", vpc), "DescribeVpcEndpoints.xml");
    ec2(wm, filter("DescribeNatGateways", "vpc-id", vpc), "DescribeNatGateways.xml");
    ec2(wm, filter("DescribeInternetGateways", "attachment.vpc-id", vpc), "DescribeInternetGateways.xml");
    ec2(wm, filter("DescribeNetworkAcls", "vpc-id", vpc), "DescribeNetworkAcls.xml");
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
