package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import java.util.List;
import java.util.function.Consumer;

/** The job, networks and cross-rule check shared by the tests of the four {@code s3.route.*} rules. */
final class S3RouteFixtures {
  private S3RouteFixtures() {}

  static final TrainingJobSpec JOB = TestJobs.job("subnet-a", "subnet-b").build();

  /** Fresh instances of the four s3.route.* rules. */
  static List<Rule> all() {
    return List.of(new S3RouteMissing(), new S3RouteIgwOnly(), new S3RouteBlackhole(), new S3RouteUnmodeled());
  }

  /** subnet-a with the ready network's endpoint route; subnet-b on its own table rtb-b. */
  static TestNetworks.Builder withSubnetB(Consumer<TestNetworks.RouteTableSpec> rtbB) {
    return TestNetworks.ready()
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .removeRouteTable("rtb-private")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a").route("0.0.0.0/0", "nat-a"))
        .s3GatewayEndpoint("vpce-s3", "rtb-private")
        .routeTable("rtb-b", rt -> rtbB.accept(rt.associate("subnet-b")));
  }

  /** Every s3.route.* rule other than {@code failing} passes for {@link #JOB} in {@code net}. */
  static void assertOthersPass(Rule failing, TestNetworks.Builder net) {
    for (Rule r : all()) {
      if (!r.id().equals(failing.id())) {
        assertThat(outcomes(evaluate(r, JOB, net.build()))).as(r.id()).containsOnly(Outcome.PASS);
      }
    }
  }
}
