package dev.vpctrain.testkit.remediation;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.network.Permissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The situations remediation is tried on: the shared examples, and networks of our own, each the
 * ready network of the testkit with one thing broken that a plan can fix.
 */
final class RemediationCases {
  static final Path EXAMPLES = Path.of("..", "testdata", "shared-examples");
  static final String DEAD_NAT = "nat-0a1b2c3d4e5f6dead";
  static final String OTHER_GROUP = "sg-0a1b2c3d4e5f60409";
  static final String SECOND_ROUTE_TABLE = "rtb-0a1b2c3d4e5f60012";
  static final String STS_ENDPOINT = "vpce-0a1b2c3d4e5f60399";
  static final String ANALYTICS_POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"artifacts\",\"Statement\":[{\"Sid\":\"ReadForAnalytics\","
      + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/Analytics\"},\"Action\":\"s3:GetObject\","
      + "\"Resource\":\"arn:aws:s3:::acme-ml-artifacts/*\"},{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\","
      + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-artifacts\",\"arn:aws:s3:::acme-ml-artifacts/*\"],"
      + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

  /** One situation: its network, the job, whether optional hardening is applied, and rules that must pass after. */
  record Case(String name, NetworkSnapshot network, TrainingJobSpec job, boolean includeOptional, List<String> fixedRules) {
    @Override
    public String toString() {
      return name;
    }
  }

  private RemediationCases() {}

  /** Every situation a plan can bring to READY. */
  static List<Case> fixable() {
    List<Case> out = new ArrayList<>();
    for (String name : List.of("no-s3-endpoint", "sg-no-self-ingress")) {
      example(name).ifPresent(out::add);
    }
    // A public subnet whose job needs nothing beyond its endpoints: the S3 route is the only error
    // (egress.internet.igw-only is INFO), so the plan brings it to READY.
    example("public-subnet-igw").map(c -> new Case(c.name(), c.network(), c.job(), false, List.of("s3.route.igw-only")))
        .ifPresent(out::add);
    TrainingJobSpec job = Scenarios.job(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    out.add(own("testkit-no-s3-endpoint", Scenarios.privateVpcWithoutS3Endpoint().network(), n -> { }, job, false,
        "s3.route.missing"));
    out.add(own("testkit-sg-no-self-ingress", Scenarios.securityGroupWithoutSelfIngress().network(), n -> { }, job, false,
        "sg.self-ingress.missing"));
    out.add(own("dns-support-off", ready(), n -> n.vpc(Scenarios.VPC, v -> v.dnsSupport(false)), job, false,
        "vpc.dns.support-disabled"));
    out.add(own("services-without-endpoints", ready(), n -> n.vpc(Scenarios.VPC, v -> v.dnsHostnames(false)),
        job.toBuilder().requires(AwsService.STS, AwsService.LOGS).build(), false, "egress.service.unreachable"));
    out.add(own("endpoint-private-dns-off", ready(), n -> n.interfaceEndpoint(STS_ENDPOINT, "sts", e -> e
            .vpc(Scenarios.VPC).subnets(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B)
            .securityGroups(Scenarios.ENDPOINT_GROUP).privateDns(false)),
        job.toBuilder().requires(AwsService.STS).build(), false, "egress.interface-endpoint.dns"));
    out.add(own("endpoint-group-closed", ready(), n -> n.interfaceEndpoint(STS_ENDPOINT, "sts", e -> e
            .vpc(Scenarios.VPC).subnets(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B)
            .securityGroups(Scenarios.ENDPOINT_GROUP).privateDns(true))
            .securityGroup(Scenarios.ENDPOINT_GROUP, g -> g.clearIngress()),
        job.toBuilder().requires(AwsService.STS).build(), false, "egress.interface-endpoint.security-group"));
    out.add(own("endpoint-policy-denies", ready(), n -> n.endpoint(Scenarios.S3_ENDPOINT, e -> e.policy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OtherTeam\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other-team-data/*\"}]}")),
        job, false, "s3.endpoint-policy.denies"));
    out.add(own("second-route-table", ready(), n -> n.routeTable(Scenarios.PRIVATE_ROUTE_TABLE,
            t -> t.disassociate(Scenarios.PRIVATE_SUBNET_B))
            .routeTable(SECOND_ROUTE_TABLE, t -> t.vpc(Scenarios.VPC).associate(Scenarios.PRIVATE_SUBNET_B)),
        job, false, "s3.route.missing"));
    out.add(own("restricted-egress", ready(), n -> n.securityGroup(Scenarios.TRAINING_GROUP, g -> g.clearEgress()
            .egressTcp(443, "10.20.0.0/16")),
        job, false, "s3.security-group.egress", "sg.cluster-egress.blocked", "sg.efa.self-traffic"));
    out.add(own("package-repos-required", ready(), n -> n.endpoint(Scenarios.S3_ENDPOINT, e -> e.policy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllOfS3\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")),
        job.toBuilder().blockPackageRepositories().build(), false, "s3.packages.not-blocked"));
    out.add(own("dead-nat-route", Scenarios.privateVpcWithoutS3Endpoint().network(), n -> n.routeTable(
            Scenarios.PRIVATE_ROUTE_TABLE, t -> t.blackholeRoute("0.0.0.0/0", DEAD_NAT)),
        job, false, "s3.route.blackhole"));
    out.add(own("bucket-not-restricted", ready(), n -> { }, job, true, "s3.bucket-policy.not-restricted"));
    out.add(own("bucket-with-policy-not-restricted", ready(), n -> n.bucket(Scenarios.ARTIFACT_BUCKET, b -> b.policy(
            ANALYTICS_POLICY)), job, true, "s3.bucket-policy.not-restricted"));
    out.add(own("efa-second-group", ready(), n -> n.securityGroup(OTHER_GROUP, g -> g.vpc(Scenarios.VPC)
            .name("extra").description("extra").ingress(Permissions.tcp(22, "10.20.0.0/16"))),
        job.toBuilder().vpc(v -> v.subnets(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B)
            .securityGroups(Scenarios.TRAINING_GROUP, OTHER_GROUP)).build(), false, "sg.efa.self-traffic"));
    return out;
  }

  /**
   * Situations a plan fixes in part: what remains is advice (a public subnet needs a NAT design once
   * the job needs the internet: {@code egress.internet.igw-only} is an ERROR only then).
   */
  static List<Case> partlyFixable() {
    List<Case> out = new ArrayList<>();
    example("public-subnet-igw").map(c -> new Case(c.name() + "-needs-internet", c.network(), needsInternet(c.job()), false,
            List.of("s3.route.igw-only")))
        .ifPresent(out::add);
    out.add(own("testkit-public-subnet-igw-needs-internet", Scenarios.publicSubnetWithInternetGateway().network(), n -> { },
        needsInternet(Scenarios.publicSubnetWithInternetGateway().job()), false, "s3.route.igw-only"));
    return out;
  }

  private static TrainingJobSpec needsInternet(TrainingJobSpec job) {
    return job.toBuilder().requiresInternet("pypi.org", 443).build();
  }

  /** Situations only a person can fix. */
  static List<Case> notFixable() {
    List<Case> out = new ArrayList<>();
    for (String name : List.of("dedicated-tenancy", "subnet-out-of-ips")) {
      example(name).ifPresent(out::add);
    }
    TrainingJobSpec job = Scenarios.job(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    out.add(own("testkit-dedicated-tenancy", Scenarios.dedicatedTenancy().network(), n -> { }, job, false));
    out.add(own("testkit-subnet-out-of-ips", Scenarios.subnetOutOfIps().network(), n -> { }, job, false));
    return out;
  }

  static NetworkSnapshot ready() {
    return Scenarios.readyPrivateEndpoints().network();
  }

  static java.util.Optional<Case> example(String name) {
    Path dir = EXAMPLES.resolve(name);
    if (!Files.isDirectory(dir)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new Case("example " + name, SnapshotBundle.read(dir.resolve("network.json")),
          JobFile.read(dir.resolve("job.json")), false, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case own(String name, NetworkSnapshot base, Consumer<NetworkBuilder> change, TrainingJobSpec job,
      boolean includeOptional, String... fixedRules) {
    NetworkBuilder b = NetworkBuilder.from(base);
    change.accept(b);
    return new Case(name, b.build(), job, includeOptional, List.of(fixedRules));
  }
}
