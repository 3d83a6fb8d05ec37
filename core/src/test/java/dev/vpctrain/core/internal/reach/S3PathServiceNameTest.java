package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.Section;
import org.junit.jupiter.api.Test;

/** A route to an endpoint of another region or another service never is an S3 path of this region. */
class S3PathServiceNameTest {
  private static S3Path path(TestNetworks.Builder b) {
    return Reach.of(b.build()).s3Path("subnet-a");
  }

  private static TestNetworks.Builder s3RouteTo(String serviceName, EndpointType type) {
    return TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 200)
        .s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .changeEndpoint("vpce-s3", e -> e.withServiceName(serviceName).withType(type));
  }

  @Test
  void theS3GatewayEndpointOfThisRegionServes() {
    assertThat(path(s3RouteTo("com.amazonaws.us-east-1.s3", EndpointType.GATEWAY)).kind())
        .isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
  }

  @Test
  void anEndpointOfAnotherRegionDoesNotServe() {
    S3Path p = path(s3RouteTo("com.amazonaws.eu-west-1.s3", EndpointType.GATEWAY));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NONE);
    assertThat(p.isWorking()).isFalse();
    assertThat(p.detail()).contains("com.amazonaws.eu-west-1.s3").contains("not an S3 gateway endpoint of us-east-1");
  }

  @Test
  void anEndpointOfAnotherServiceDoesNotServe() {
    assertThat(path(s3RouteTo("com.amazonaws.us-east-1.dynamodb", EndpointType.GATEWAY)).kind())
        .isEqualTo(S3Path.Kind.NONE);
    assertThat(path(s3RouteTo("com.amazonaws.us-east-1.s3-outposts", EndpointType.GATEWAY)).kind())
        .isEqualTo(S3Path.Kind.NONE);
    // a prefix-list route to an interface endpoint is no gateway path; the endpoint itself is then judged as an
    // S3 interface endpoint (here without private DNS, so unusable)
    S3Path viaInterface = path(s3RouteTo("com.amazonaws.us-east-1.s3", EndpointType.INTERFACE));
    assertThat(viaInterface.kind()).isIn(S3Path.Kind.NONE, S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE);
    assertThat(viaInterface.isWorking()).isFalse();
  }

  @Test
  void withUnknownPrefixListCidrsAnotherRegionsEndpointDoesNotServeEither() {
    S3Path p = path(s3RouteTo("com.amazonaws.eu-west-1.s3", EndpointType.GATEWAY).without(Section.PREFIX_LISTS));
    assertThat(p.isWorking()).isFalse();
  }
}
