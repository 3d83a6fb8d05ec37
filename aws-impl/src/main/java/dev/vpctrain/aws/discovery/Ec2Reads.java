package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** The EC2 read calls of discovery, each following every page ({@code nextToken}) and mapped to the model. */
final class Ec2Reads {
  private final Ec2Client ec2;

  Ec2Reads(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  static Filter filter(String name, Collection<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  List<Vpc> vpcs(Filter f) {
    return pages(ec2.describeVpcsPaginator(r -> r.filters(f)), p -> p.vpcs(), Ec2Mapping::vpc);
  }

  /** {@code enableDnsSupport} or {@code enableDnsHostnames} of one VPC (mapped by {@link Ec2Mapping#withAttribute}). */
  DescribeVpcAttributeResponse vpcAttribute(String vpcId, VpcAttributeName name) {
    DescribeVpcAttributeResponse r = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(name));
    AttributeBooleanValue value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
        ? r.enableDnsSupport()
        : r.enableDnsHostnames();
    if (value == null || value.value() == null) {
      throw new IllegalStateException("DescribeVpcAttribute for " + vpcId + " did not return " + name);
    }
    return r;
  }

  /** Every DHCP option set of the account and region (there is no VPC filter; the caller keeps the VPC's). */
  List<DhcpOptions> dhcpOptions() {
    return pages(ec2.describeDhcpOptionsPaginator(r -> { }), p -> p.dhcpOptions(), Ec2Mapping::dhcpOptions);
  }

  List<Subnet> subnets(Filter f) {
    return pages(ec2.describeSubnetsPaginator(r -> r.filters(f)), p -> p.subnets(), Ec2Mapping::subnet);
  }

  List<SecurityGroup> securityGroups(Filter f) {
    return pages(ec2.describeSecurityGroupsPaginator(r -> r.filters(f)), p -> p.securityGroups(),
        Ec2Mapping::securityGroup);
  }

  List<RouteTable> routeTables(Filter f) {
    return pages(ec2.describeRouteTablesPaginator(r -> r.filters(f)), p -> p.routeTables(), Ec2Mapping::routeTable);
  }

  List<VpcEndpoint> vpcEndpoints(Filter f) {
    return pages(ec2.describeVpcEndpointsPaginator(r -> r.filters(f)), p -> p.vpcEndpoints(),
        Ec2Mapping::vpcEndpoint);
  }

  List<NatGateway> natGateways(Filter f) {
    return pages(ec2.describeNatGatewaysPaginator(r -> r.filter(f)), p -> p.natGateways(), Ec2Mapping::natGateway);
  }

  List<InternetGateway> internetGateways(Filter f) {
    return pages(ec2.describeInternetGatewaysPaginator(r -> r.filters(f)), p -> p.internetGateways(),
        Ec2Mapping::internetGateway);
  }

  List<NetworkAcl> networkAcls(Filter f) {
    return pages(ec2.describeNetworkAclsPaginator(r -> r.filters(f)), p -> p.networkAcls(), Ec2Mapping::networkAcl);
  }

  List<NetworkInterface> networkInterfaces(Filter f) {
    return pages(ec2.describeNetworkInterfacesPaginator(r -> r.filters(f)), p -> p.networkInterfaces(),
        Ec2Mapping::networkInterface);
  }

  /** The region's S3 prefix list, {@code com.amazonaws.<region>.s3}. */
  List<PrefixList> s3PrefixList(String region) {
    Filter byName = filter("prefix-list-name", List.of("com.amazonaws." + region + ".s3"));
    return pages(ec2.describePrefixListsPaginator(r -> r.filters(byName)), p -> p.prefixLists(),
        Ec2Mapping::prefixList);
  }

  private static <P, I, M> List<M> pages(SdkIterable<P> pages, Function<P, List<I>> items, Function<I, M> map) {
    List<M> out = new ArrayList<>();
    for (P page : pages) {
      for (I item : items.apply(page)) {
        out.add(map.apply(item));
      }
    }
    return out;
  }
}
