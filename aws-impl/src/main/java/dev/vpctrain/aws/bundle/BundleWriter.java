package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.aws.internal.s3.S3Mapping;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Writes a {@link NetworkSnapshot} as a snapshot bundle: each EC2 section ({@link Ec2Section})
 * is the SDK's {@code Describe…Response} built by {@link Ec2Mapping} and written by {@link SdkJson}
 * with the AWS CLI's member names; the optional sections by {@link InVpcSections}, only when
 * known; S3 facts and capture errors are written here.
 */
final class BundleWriter {
  /**
   * The member order of bundle format 1 where it differs from the SDK's (the AWS CLI's order when
   * the format was fixed; written bundles stay byte-for-byte the same across SDK versions).
   */
  static final SdkJson.Style STYLE = SdkJson.Style.MEMBER_NAMES
      .withMemberOrder(software.amazon.awssdk.services.ec2.model.Vpc.class, List.of("CidrBlock", "DhcpOptionsId",
          "State", "VpcId", "OwnerId", "InstanceTenancy", "CidrBlockAssociationSet", "Tags"))
      .withMemberOrder(DescribeVpcAttributeResponse.class, List.of("VpcId"))
      .withMemberOrder(DhcpOptions.class, List.of("DhcpConfigurations", "DhcpOptionsId"))
      .withMemberOrder(Subnet.class, List.of("AvailabilityZone", "AvailabilityZoneId", "AvailableIpAddressCount",
          "CidrBlock", "MapPublicIpOnLaunch", "State", "SubnetId", "VpcId", "OwnerId", "Tags"))
      .withMemberOrder(SecurityGroup.class, List.of("Description", "GroupName", "IpPermissions", "OwnerId",
          "GroupId", "IpPermissionsEgress", "Tags", "VpcId"))
      .withMemberOrder(IpPermission.class, List.of("FromPort", "IpProtocol", "IpRanges", "Ipv6Ranges",
          "PrefixListIds", "ToPort", "UserIdGroupPairs"))
      .withMemberOrder(Route.class, List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock",
          "DestinationPrefixListId", "GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId",
          "NetworkInterfaceId", "InstanceId", "EgressOnlyInternetGatewayId", "CarrierGatewayId", "LocalGatewayId",
          "CoreNetworkArn", "Origin", "State"))
      .withMemberOrder(VpcEndpoint.class, List.of("VpcEndpointId", "VpcEndpointType", "VpcId", "ServiceName",
          "State", "PolicyDocument", "RouteTableIds", "SubnetIds", "Groups", "PrivateDnsEnabled",
          "NetworkInterfaceIds", "OwnerId", "Tags"));

  private BundleWriter() {}

  static ObjectNode write(NetworkSnapshot s) {
    ObjectNode root = JsonOutput.object();
    root.put("vpctrainSnapshot", 1);
    root.put("region", s.region());
    s.accountId().ifPresent(a -> root.put("accountId", a));
    s.capturedAt().ifPresent(t -> root.put("capturedAt", t.toString()));
    ObjectNode ec2 = root.putObject("ec2");
    for (Ec2Section<?, ?> section : Ec2Section.ALL) {
      write(ec2, section, s);
      if (section.section() == Section.VPCS) {
        s.vpcs().ifPresent(vpcs -> {
          ArrayNode attrs = JsonOutput.array();
          vpcs.forEach(v -> Ec2Mapping.sdkVpcAttributes(v).forEach(a -> attrs.add(SdkJson.toJson(a, STYLE))));
          if (!attrs.isEmpty()) {
            ec2.set(Section.VPC_ATTRIBUTES.bundleKey(), attrs);
          }
        });
      }
    }
    InVpcSections.write(s, root, STYLE);
    RoleSections.write(s, root, STYLE);
    ObjectNode s3 = root.putObject("s3");
    for (Map.Entry<String, BucketFacts> e : s.buckets().entrySet()) {
      ObjectNode bucket = s3.putObject(e.getKey());
      BucketFacts f = e.getValue();
      f.region().ifPresent(r -> {
        // the CLI prints a missing constraint (us-east-1) as an explicit null
        String constraint = S3Mapping.sdkLocation(r).locationConstraintAsString();
        ObjectNode loc = bucket.putObject("GetBucketLocation");
        if (constraint == null) {
          loc.putNull("LocationConstraint");
        } else {
          loc.put("LocationConstraint", constraint);
        }
      });
      if (f.policyState() == PolicyState.NONE) {
        bucket.putNull("GetBucketPolicy");
      } else if (f.policyState() == PolicyState.PRESENT) {
        bucket.set("GetBucketPolicy", SdkJson.toJson(S3Mapping.sdkPolicy(f.policy().orElseThrow()), STYLE));
      }
      f.defaultEncryption().ifPresent(a -> bucket.set("GetBucketEncryption",
          SdkJson.toJson(S3Mapping.sdkEncryption(a, f.defaultEncryptionKeyId()), STYLE)));
    }
    ArrayNode errors = root.putArray("errors");
    for (CaptureError e : s.errors()) {
      ObjectNode o = errors.addObject().put("operation", e.operation()).put("code", e.code())
          .put("message", e.message());
      if (!e.resource().isEmpty()) {
        o.put("resource", e.resource());
      }
    }
    return root;
  }

  /** The section's output, when known: the model's items as the SDK response, written by {@link SdkJson}. */
  private static <S, M> void write(ObjectNode ec2, Ec2Section<S, M> section, NetworkSnapshot s) {
    section.get().apply(s).ifPresent(items ->
        ec2.set(section.section().bundleKey(), SdkJson.toJson(section.responseOf(items), STYLE)));
  }
}
