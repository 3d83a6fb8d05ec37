package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * Round two of a discovery: everything of the VPCs found, filtered by {@code vpc-id}, all calls
 * started at once. The VPC's two DNS attributes are one call each per VPC; the rest is one call
 * (and its pages) whatever the size of the VPC.
 */
final class VpcRound {
  private final Map<String, CompletableFuture<Optional<DescribeVpcAttributeResponse>>> dnsSupport =
      new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Optional<DescribeVpcAttributeResponse>>> dnsHostnames =
      new LinkedHashMap<>();
  private final CompletableFuture<Optional<List<Vpc>>> vpcs;
  private final CompletableFuture<Optional<List<Subnet>>> subnets;
  private final CompletableFuture<Optional<List<SecurityGroup>>> groups;
  private final CompletableFuture<Optional<List<RouteTable>>> routeTables;
  private final CompletableFuture<Optional<List<VpcEndpoint>>> endpoints;
  private final CompletableFuture<Optional<List<NatGateway>>> natGateways;
  private final CompletableFuture<Optional<List<InternetGateway>>> internetGateways;
  private final CompletableFuture<Optional<List<NetworkAcl>>> networkAcls;

  VpcRound(Collection<String> vpcIds, Ec2Reads ec2, Calls calls) {
    Filter byVpc = Ec2Reads.filter("vpc-id", vpcIds);
    vpcs = calls.start(Section.VPCS.operation(), () -> ec2.vpcs(byVpc));
    for (String vpcId : vpcIds) {
      dnsSupport.put(vpcId, calls.start(Section.VPC_ATTRIBUTES.operation(),
          () -> ec2.vpcAttribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)));
      dnsHostnames.put(vpcId, calls.start(Section.VPC_ATTRIBUTES.operation(),
          () -> ec2.vpcAttribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)));
    }
    subnets = calls.start(Section.SUBNETS.operation(), () -> ec2.subnets(byVpc));
    groups = calls.start(Section.SECURITY_GROUPS.operation(), () -> ec2.securityGroups(byVpc));
    routeTables = calls.start(Section.ROUTE_TABLES.operation(), () -> ec2.routeTables(byVpc));
    endpoints = calls.start(Section.VPC_ENDPOINTS.operation(), () -> ec2.vpcEndpoints(byVpc));
    natGateways = calls.start(Section.NAT_GATEWAYS.operation(), () -> ec2.natGateways(byVpc));
    Filter byAttachment = Ec2Reads.filter("attachment.vpc-id", vpcIds);
    internetGateways = calls.start(Section.INTERNET_GATEWAYS.operation(), () -> ec2.internetGateways(byAttachment));
    networkAcls = calls.start(Section.NETWORK_ACLS.operation(), () -> ec2.networkAcls(byVpc));
  }

  /**
   * Waits for the round and fills the snapshot. The job's own subnets and groups from round one are
   * kept even when they are outside these VPCs' answers; of the DHCP option sets only the VPCs' stay.
   */
  void collectInto(NetworkSnapshot.Builder snapshot, Optional<List<Subnet>> jobSubnets,
      Optional<List<SecurityGroup>> jobGroups, Optional<List<DhcpOptions>> dhcp) {
    dnsSupport.values().forEach(CompletableFuture::join); // every call ends before the errors are read
    dnsHostnames.values().forEach(CompletableFuture::join);
    Optional<List<Vpc>> vpcList = vpcs.join().map(this::withAttributes);
    vpcList.ifPresent(snapshot::vpcs);
    dhcp.map(all -> vpcList.map(v -> referenced(all, v)).orElse(all)).ifPresent(snapshot::dhcpOptions);
    union(subnets.join(), jobSubnets, Subnet::subnetId).ifPresent(snapshot::subnets);
    union(groups.join(), jobGroups, SecurityGroup::groupId).ifPresent(snapshot::securityGroups);
    routeTables.join().ifPresent(snapshot::routeTables);
    endpoints.join().ifPresent(snapshot::vpcEndpoints);
    natGateways.join().ifPresent(snapshot::natGateways);
    internetGateways.join().ifPresent(snapshot::internetGateways);
    networkAcls.join().ifPresent(snapshot::networkAcls);
  }

  private List<Vpc> withAttributes(List<Vpc> list) {
    List<Vpc> out = new ArrayList<>(list.size());
    for (Vpc v : list) {
      Vpc with = v;
      for (Map<String, CompletableFuture<Optional<DescribeVpcAttributeResponse>>> m : List.of(dnsSupport, dnsHostnames)) {
        Optional<DescribeVpcAttributeResponse> r = join(m.get(v.vpcId()));
        if (r.isPresent()) {
          with = Ec2Mapping.withAttribute(with, r.get());
        }
      }
      out.add(with);
    }
    return out;
  }

  private static List<DhcpOptions> referenced(List<DhcpOptions> all, List<Vpc> vpcList) {
    Set<String> ids = vpcList.stream().flatMap(v -> v.dhcpOptionsId().stream()).collect(Collectors.toSet());
    return all.stream().filter(d -> ids.contains(d.dhcpOptionsId())).toList();
  }

  private static <T> Optional<T> join(CompletableFuture<Optional<T>> f) {
    return f == null ? Optional.empty() : f.join();
  }

  private static <T> Optional<List<T>> union(Optional<List<T>> main, Optional<List<T>> extra, Function<T, String> id) {
    if (main.isEmpty() || extra.isEmpty()) {
      return main.isPresent() ? main : extra;
    }
    Map<String, T> byId = new LinkedHashMap<>();
    main.get().forEach(t -> byId.putIfAbsent(id.apply(t), t));
    extra.get().forEach(t -> byId.putIfAbsent(id.apply(t), t));
    return Optional.of(new ArrayList<>(byId.values()));
  }
}
