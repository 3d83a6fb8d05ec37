package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.assertOthersPass;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.withSubnetB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3RouteIgwOnlyTest {
  private final S3RouteIgwOnly igwOnly = new S3RouteIgwOnly();

  @Test
  void igwOnly() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW));
    Finding f = single(igwOnly, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("subnet-b", "rtb-b", TestNetworks.IGW);
    assertThat(f.message()).contains("only through internet gateway " + TestNetworks.IGW).contains("no public IP");
    assertThat(f.remediation().get()).contains("--add-route-table-ids rtb-b");
    assertOthersPass(igwOnly, net);
  }

  @Test
  void anInternetGatewayDefaultRouteBesideAnS3EndpointRoutePasses() {
    var net = withSubnetB(rt -> rt.route(TestNetworks.S3_PL, "vpce-s3").route("0.0.0.0/0", TestNetworks.IGW))
        .changeEndpoint("vpce-s3", e -> e.withRouteTableIds(List.of("rtb-private", "rtb-b")));
    Finding f = single(igwOnly, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).containsExactly("subnet-a", "subnet-b");
    assertOthersPass(igwOnly, net);
  }

  @Test
  void igwWithUnknownEndpointsIsUndecided() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW)).without(Section.VPC_ENDPOINTS);
    assertThat(outcomes(evaluate(igwOnly, JOB, net.build()))).containsExactly(Outcome.UNVERIFIED);
  }
}
