package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.job.TrainingJobSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the parts of the shared example bundles ({@code testdata/shared-examples/<name>}) that the policy
 * rules need, with Jackson. Test-only: the product's bundle reader lives in aws-impl.
 */
final class ExampleBundles {
  private ExampleBundles() {}

  /** The project's copy of the shared examples ({@code testdata/shared-examples}). */
  static Optional<Path> folder() {
    Path p = Path.of("..", "testdata", "shared-examples");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("the shared examples are missing at " + p.toAbsolutePath());
    }
    return Optional.of(p);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(Files.readString(file));
  }

  static TrainingJobSpec job(Path dir) throws IOException {
    JsonNode j = read(dir.resolve("job.json"));
    TrainingJobSpec.Builder b = TrainingJobSpec.builder()
        .name(j.required("TrainingJobName").textValue())
        .roleArn(j.required("RoleArn").textValue());
    JsonNode vpc = j.required("VpcConfig");
    b.vpc(v -> v.subnets(strings(vpc.required("Subnets"))).securityGroups(strings(vpc.required("SecurityGroupIds"))));
    for (JsonNode c : opt(j, "InputDataConfig").map(ExampleBundles::elements).orElse(List.of())) {
      JsonNode s3 = c.required("DataSource").required("S3DataSource");
      b.inputChannel(c.required("ChannelName").textValue(), s3.required("S3Uri").textValue(),
          s3.required("S3DataType").textValue());
    }
    opt(j, "OutputDataConfig").ifPresent(o -> b.outputPath(o.required("S3OutputPath").textValue()));
    opt(j, "CheckpointConfig").ifPresent(o -> b.checkpointUri(o.required("S3Uri").textValue()));
    return b.build();
  }

  static NetworkSnapshot network(Path dir) throws IOException {
    JsonNode n = read(dir.resolve("network.json"));
    JsonNode ec2 = n.required("ec2");
    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(n.required("region").textValue())
        .accountId(n.required("accountId").textValue());
    b.vpcs(list(ec2, "DescribeVpcs", "Vpcs", v -> Vpc.builder().vpcId(s(v, "VpcId")).cidrBlock(s(v, "CidrBlock"))
        .instanceTenancy(s(v, "InstanceTenancy")).build()));
    b.subnets(list(ec2, "DescribeSubnets", "Subnets", v -> Subnet.builder().subnetId(s(v, "SubnetId")).vpcId(s(v, "VpcId"))
        .cidrBlock(s(v, "CidrBlock")).availabilityZone(s(v, "AvailabilityZone")).state(s(v, "State"))
        .availableIpAddressCount(v.required("AvailableIpAddressCount").intValue()).build()));
    b.routeTables(list(ec2, "DescribeRouteTables", "RouteTables", ExampleBundles::routeTable));
    b.vpcEndpoints(list(ec2, "DescribeVpcEndpoints", "VpcEndpoints", v -> {
      VpcEndpoint.Builder e = VpcEndpoint.builder().vpcEndpointId(s(v, "VpcEndpointId"))
          .type(EndpointType.fromApi(s(v, "VpcEndpointType"))).vpcId(s(v, "VpcId")).serviceName(s(v, "ServiceName"))
          .state(s(v, "State").toLowerCase()).privateDnsEnabled(opt(v, "PrivateDnsEnabled").map(JsonNode::booleanValue).orElse(false))
          .addAllRouteTableIds(strings(v.required("RouteTableIds"))).addAllSubnetIds(strings(v.required("SubnetIds")));
      opt(v, "PolicyDocument").ifPresent(p -> e.policyDocument(p.textValue()));
      return e.build();
    }));
    b.natGateways(list(ec2, "DescribeNatGateways", "NatGateways", v -> {
      NatGateway.Builder g = NatGateway.builder().natGatewayId(s(v, "NatGatewayId")).vpcId(s(v, "VpcId"))
          .subnetId(s(v, "SubnetId")).state(s(v, "State"));
      opt(v, "ConnectivityType").ifPresent(c -> g.connectivityType(c.textValue()));
      opt(v, "NatGatewayAddresses").ifPresent(a -> a.forEach(x ->
          opt(x, "PublicIp").ifPresent(ip -> g.addPublicIp(ip.textValue()))));
      return g.build();
    }));
    b.internetGateways(list(ec2, "DescribeInternetGateways", "InternetGateways", v -> {
      InternetGateway.Builder g = InternetGateway.builder().internetGatewayId(s(v, "InternetGatewayId"));
      v.required("Attachments").forEach(a -> g.addAttachment(
          IgwAttachment.of(s(a, "VpcId"), Optional.of(s(a, "State")))));
      return g.build();
    }));
    b.prefixLists(list(ec2, "DescribePrefixLists", "PrefixLists", v -> PrefixList.builder().prefixListId(s(v, "PrefixListId"))
        .prefixListName(s(v, "PrefixListName")).addAllCidrs(strings(v.required("Cidrs"))).build()));
    opt(n, "s3").ifPresent(s3 -> s3.properties().forEach(member -> {
      String bucket = member.getKey();
      JsonNode f = member.getValue();
      BucketFacts.Builder bf = BucketFacts.builder().bucket(bucket);
      opt(f, "GetBucketLocation").ifPresent(l -> {
        JsonNode c = l.required("LocationConstraint");
        bf.region(c.isNull() ? "us-east-1" : c.textValue());
      });
      Optional<JsonNode> policy = opt(f, "GetBucketPolicy");
      if (policy.isPresent() && policy.get().isNull()) {
        bf.policyState(PolicyState.NONE);
      } else {
        policy.ifPresent(p -> bf.policy(p.required("Policy").textValue()));
      }
      b.putBucket(bucket, bf.build());
    }));
    return b.build();
  }

  private static RouteTable routeTable(JsonNode v) {
    RouteTable.Builder t = RouteTable.builder().routeTableId(s(v, "RouteTableId")).vpcId(s(v, "VpcId"));
    for (JsonNode a : v.required("Associations")) {
      JsonNode o = a;
      RouteTableAssociation.Builder ab = RouteTableAssociation.builder().main(o.required("Main").booleanValue());
      opt(o, "SubnetId").ifPresent(x -> ab.subnetId(x.textValue()));
      t.addAssociation(ab.build());
    }
    for (JsonNode r : v.required("Routes")) {
      JsonNode o = r;
      Route.Builder rb = Route.builder().state(s(o, "State"));
      opt(o, "DestinationCidrBlock").ifPresent(x -> rb.destinationCidrBlock(x.textValue()));
      opt(o, "DestinationPrefixListId").ifPresent(x -> rb.destinationPrefixListId(x.textValue()));
      opt(o, "GatewayId").ifPresent(x -> rb.gatewayId(x.textValue()));
      opt(o, "NatGatewayId").ifPresent(x -> rb.natGatewayId(x.textValue()));
      opt(o, "TransitGatewayId").ifPresent(x -> rb.transitGatewayId(x.textValue()));
      t.addRoute(rb.build());
    }
    return t.build();
  }

  private static <T> List<T> list(JsonNode ec2, String op, String member, Function<JsonNode, T> map) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : ec2.required(op).required(member)) {
      out.add(map.apply(n));
    }
    return out;
  }

  private static String s(JsonNode o, String key) {
    return o.required(key).textValue();
  }

  private static Optional<JsonNode> opt(JsonNode o, String key) {
    return Optional.ofNullable(o.get(key));
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.textValue()));
    return out;
  }
}
