package dev.vpctrain.core.rules.s3;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.json.Json;
import dev.vpctrain.core.json.JsonNode;
import dev.vpctrain.core.json.JsonObject;
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
 * Reads the parts of the shared example bundles ({@code shared/examples/<name>}) that the policy
 * rules need, with the core JSON parser. Test-only: the product's bundle reader lives in aws-impl.
 */
final class ExampleBundles {
  private ExampleBundles() {}

  /** The examples folder, when this checkout has it beside the repository. */
  static Optional<Path> folder() {
    for (String candidate : new String[] {"../shared/examples", "../../shared/examples", "/work/shared/examples"}) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static JsonObject read(Path file) throws IOException {
    return Json.parse(Files.readString(file), file.toString()).asObject();
  }

  static TrainingJobSpec job(Path dir) throws IOException {
    JsonObject j = read(dir.resolve("job.json"));
    TrainingJobSpec.Builder b = TrainingJobSpec.builder()
        .name(j.require("TrainingJobName").stringValue())
        .roleArn(j.require("RoleArn").stringValue());
    JsonObject vpc = j.require("VpcConfig").asObject();
    b.vpc(v -> v.subnets(strings(vpc.require("Subnets"))).securityGroups(strings(vpc.require("SecurityGroupIds"))));
    for (JsonNode c : j.get("InputDataConfig").map(JsonNode::asArray).map(a -> a.elements()).orElse(List.of())) {
      JsonObject s3 = c.asObject().require("DataSource").asObject().require("S3DataSource").asObject();
      b.inputChannel(c.asObject().require("ChannelName").stringValue(), s3.require("S3Uri").stringValue(),
          s3.require("S3DataType").stringValue());
    }
    j.get("OutputDataConfig").ifPresent(o -> b.outputPath(o.asObject().require("S3OutputPath").stringValue()));
    j.get("CheckpointConfig").ifPresent(o -> b.checkpointUri(o.asObject().require("S3Uri").stringValue()));
    return b.build();
  }

  static NetworkSnapshot network(Path dir) throws IOException {
    JsonObject n = read(dir.resolve("network.json"));
    JsonObject ec2 = n.require("ec2").asObject();
    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(n.require("region").stringValue())
        .accountId(n.require("accountId").stringValue());
    b.vpcs(list(ec2, "DescribeVpcs", "Vpcs", v -> Vpc.builder().vpcId(s(v, "VpcId")).cidrBlock(s(v, "CidrBlock"))
        .instanceTenancy(s(v, "InstanceTenancy")).build()));
    b.subnets(list(ec2, "DescribeSubnets", "Subnets", v -> Subnet.builder().subnetId(s(v, "SubnetId")).vpcId(s(v, "VpcId"))
        .cidrBlock(s(v, "CidrBlock")).availabilityZone(s(v, "AvailabilityZone")).state(s(v, "State"))
        .availableIpAddressCount(v.require("AvailableIpAddressCount").asNumber().intValueExact()).build()));
    b.routeTables(list(ec2, "DescribeRouteTables", "RouteTables", ExampleBundles::routeTable));
    b.vpcEndpoints(list(ec2, "DescribeVpcEndpoints", "VpcEndpoints", v -> {
      VpcEndpoint.Builder e = VpcEndpoint.builder().vpcEndpointId(s(v, "VpcEndpointId"))
          .type(EndpointType.fromApi(s(v, "VpcEndpointType"))).vpcId(s(v, "VpcId")).serviceName(s(v, "ServiceName"))
          .state(s(v, "State").toLowerCase()).privateDnsEnabled(v.get("PrivateDnsEnabled").map(JsonNode::booleanValue).orElse(false))
          .addAllRouteTableIds(strings(v.require("RouteTableIds"))).addAllSubnetIds(strings(v.require("SubnetIds")));
      v.get("PolicyDocument").ifPresent(p -> e.policyDocument(p.stringValue()));
      return e.build();
    }));
    b.natGateways(list(ec2, "DescribeNatGateways", "NatGateways", v -> {
      NatGateway.Builder g = NatGateway.builder().natGatewayId(s(v, "NatGatewayId")).vpcId(s(v, "VpcId"))
          .subnetId(s(v, "SubnetId")).state(s(v, "State"));
      v.get("ConnectivityType").ifPresent(c -> g.connectivityType(c.stringValue()));
      v.get("NatGatewayAddresses").ifPresent(a -> a.asArray().forEach(x ->
          x.asObject().get("PublicIp").ifPresent(ip -> g.addPublicIp(ip.stringValue()))));
      return g.build();
    }));
    b.internetGateways(list(ec2, "DescribeInternetGateways", "InternetGateways", v -> {
      InternetGateway.Builder g = InternetGateway.builder().internetGatewayId(s(v, "InternetGatewayId"));
      v.require("Attachments").asArray().forEach(a -> g.addAttachment(
          IgwAttachment.of(s(a.asObject(), "VpcId"), Optional.of(s(a.asObject(), "State")))));
      return g.build();
    }));
    b.prefixLists(list(ec2, "DescribePrefixLists", "PrefixLists", v -> PrefixList.builder().prefixListId(s(v, "PrefixListId"))
        .prefixListName(s(v, "PrefixListName")).addAllCidrs(strings(v.require("Cidrs"))).build()));
    n.get("s3").ifPresent(s3 -> s3.asObject().members().forEach((bucket, facts) -> {
      JsonObject f = facts.asObject();
      BucketFacts.Builder bf = BucketFacts.builder().bucket(bucket);
      f.get("GetBucketLocation").ifPresent(l -> {
        JsonNode c = l.asObject().require("LocationConstraint");
        bf.region(c.isNull() ? "us-east-1" : c.stringValue());
      });
      Optional<JsonNode> policy = f.get("GetBucketPolicy");
      if (policy.isPresent() && policy.get().isNull()) {
        bf.policyState(PolicyState.NONE);
      } else {
        policy.ifPresent(p -> bf.policy(p.asObject().require("Policy").stringValue()));
      }
      b.putBucket(bucket, bf.build());
    }));
    return b.build();
  }

  private static RouteTable routeTable(JsonObject v) {
    RouteTable.Builder t = RouteTable.builder().routeTableId(s(v, "RouteTableId")).vpcId(s(v, "VpcId"));
    for (JsonNode a : v.require("Associations").asArray()) {
      JsonObject o = a.asObject();
      RouteTableAssociation.Builder ab = RouteTableAssociation.builder().main(o.require("Main").booleanValue());
      o.get("SubnetId").ifPresent(x -> ab.subnetId(x.stringValue()));
      t.addAssociation(ab.build());
    }
    for (JsonNode r : v.require("Routes").asArray()) {
      JsonObject o = r.asObject();
      Route.Builder rb = Route.builder().state(s(o, "State"));
      o.get("DestinationCidrBlock").ifPresent(x -> rb.destinationCidrBlock(x.stringValue()));
      o.get("DestinationPrefixListId").ifPresent(x -> rb.destinationPrefixListId(x.stringValue()));
      o.get("GatewayId").ifPresent(x -> rb.gatewayId(x.stringValue()));
      o.get("NatGatewayId").ifPresent(x -> rb.natGatewayId(x.stringValue()));
      o.get("TransitGatewayId").ifPresent(x -> rb.transitGatewayId(x.stringValue()));
      t.addRoute(rb.build());
    }
    return t.build();
  }

  private static <T> List<T> list(JsonObject ec2, String op, String member, Function<JsonObject, T> map) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : ec2.require(op).asObject().require(member).asArray()) {
      out.add(map.apply(n.asObject()));
    }
    return out;
  }

  private static String s(JsonObject o, String key) {
    return o.require(key).stringValue();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.asArray().forEach(x -> out.add(x.stringValue()));
    return out;
  }
}
