package dev.vpctrain.aws.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** The read calls applying needs to find out whether a change is already in place. */
final class Ec2Lookups {
  /** Endpoint states that no longer serve. */
  private static final Set<String> GONE = Set.of("deleted", "deleting", "failed", "rejected", "expired");

  private final Ec2Client ec2;

  Ec2Lookups(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  /** Live endpoints of {@code type} for {@code serviceName} in {@code vpcId}. */
  List<VpcEndpoint> endpoints(String vpcId, String serviceName, VpcEndpointType type) {
    List<VpcEndpoint> out = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      DescribeVpcEndpointsResponse r = AwsCalls.call("ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpoints(b -> b
          .filters(filter("vpc-id", vpcId), filter("service-name", serviceName), filter("vpc-endpoint-type", type.toString()))
          .nextToken(next)));
      for (VpcEndpoint e : r.vpcEndpoints()) {
        if (vpcId.equals(e.vpcId()) && serviceName.equals(e.serviceName()) && type == e.vpcEndpointType() && live(e)) {
          out.add(e);
        }
      }
      token = r.nextToken();
    } while (token != null && !token.isEmpty());
    return out;
  }

  /** The endpoint {@code id}; a missing one is the API's {@code InvalidVpcEndpointId.NotFound} failure. */
  VpcEndpoint endpoint(String id) {
    DescribeVpcEndpointsResponse r =
        AwsCalls.call("ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(id)));
    return r.vpcEndpoints().stream().filter(e -> id.equals(e.vpcEndpointId())).findFirst()
        .orElseThrow(() -> new StepFailure("ec2:DescribeVpcEndpoints", "InvalidVpcEndpointId.NotFound",
            "The Vpc Endpoint Id '" + id + "' does not exist"));
  }

  /** The group named {@code name} in {@code vpcId}. */
  Optional<SecurityGroup> groupByName(String vpcId, String name) {
    DescribeSecurityGroupsResponse r = AwsCalls.call("ec2:DescribeSecurityGroups",
        () -> ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpcId), filter("group-name", name))));
    return r.securityGroups().stream().filter(g -> vpcId.equals(g.vpcId()) && name.equals(g.groupName())).findFirst();
  }

  /** The group {@code id}; a missing one is the API's {@code InvalidGroup.NotFound} failure. */
  SecurityGroup group(String id) {
    DescribeSecurityGroupsResponse r =
        AwsCalls.call("ec2:DescribeSecurityGroups", () -> ec2.describeSecurityGroups(b -> b.groupIds(id)));
    return r.securityGroups().stream().filter(g -> id.equals(g.groupId())).findFirst()
        .orElseThrow(() -> new StepFailure("ec2:DescribeSecurityGroups", "InvalidGroup.NotFound",
            "The security group '" + id + "' does not exist"));
  }

  /** The current value of a VPC's DNS attribute. */
  boolean vpcAttribute(String vpcId, VpcAttributeName attribute) {
    var r = AwsCalls.call("ec2:DescribeVpcAttribute",
        () -> ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(attribute)));
    var value = attribute == VpcAttributeName.ENABLE_DNS_SUPPORT ? r.enableDnsSupport() : r.enableDnsHostnames();
    return value != null && Boolean.TRUE.equals(value.value());
  }

  private static boolean live(VpcEndpoint e) {
    return e.stateAsString() == null || !GONE.contains(e.stateAsString().toLowerCase(Locale.ROOT));
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }
}
