package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.assertOthersPass;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.withSubnetB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code s3.route.unmodeled} is never FAIL (rules.md): it is UNVERIFIED or PASS. */
class S3RouteUnmodeledTest {
  private final S3RouteUnmodeled unmodeled = new S3RouteUnmodeled();

  @Test
  void transitGatewayIsUnverifiedWithErrorSeverity() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", "tgw-0123"));
    Finding f = single(unmodeled, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("subnet-b", "rtb-b", "tgw-0123");
    assertThat(f.message()).contains("transit gateway tgw-0123");
    assertOthersPass(unmodeled, net);
  }

  @Test
  void aTransitGatewayDefaultRouteBehindAnS3EndpointRoutePasses() {
    var net = withSubnetB(rt -> rt.route(TestNetworks.S3_PL, "vpce-s3").route("0.0.0.0/0", "tgw-0123"))
        .changeEndpoint("vpce-s3", e -> e.withRouteTableIds(List.of("rtb-private", "rtb-b")));
    Finding f = single(unmodeled, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).containsExactly("subnet-a", "subnet-b");
    assertThat(f.message()).contains("stays on paths the snapshot shows");
  }

  @Test
  void aFailingPathIsNotUnmodeled() {
    var net = withSubnetB(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW));
    assertThat(single(unmodeled, JOB, net.build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
