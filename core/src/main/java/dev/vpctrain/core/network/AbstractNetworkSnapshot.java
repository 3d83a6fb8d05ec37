package dev.vpctrain.core.network;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything vpctrain knows about the network of one account and region. Each EC2 section is
 * {@code Optional}: absent means "not captured" (unknown), an empty list means "captured, none".
 * Rules needing an absent section are UNVERIFIED, never PASS.
 */
@Value.Immutable
abstract class AbstractNetworkSnapshot {
  public abstract String region();

  public abstract Optional<String> accountId();

  public abstract Optional<Instant> capturedAt();

  public abstract Optional<List<Vpc>> vpcs();

  public abstract Optional<List<DhcpOptions>> dhcpOptions();

  public abstract Optional<List<Subnet>> subnets();

  public abstract Optional<List<SecurityGroup>> securityGroups();

  public abstract Optional<List<RouteTable>> routeTables();

  public abstract Optional<List<VpcEndpoint>> vpcEndpoints();

  public abstract Optional<List<NatGateway>> natGateways();

  public abstract Optional<List<InternetGateway>> internetGateways();

  public abstract Optional<List<NetworkAcl>> networkAcls();

  public abstract Optional<List<PrefixList>> prefixLists();

  /** Per bucket the job touches; a bucket missing here is unknown. */
  public abstract Map<String, BucketFacts> buckets();

  /** Calls that failed during capture. */
  public abstract List<CaptureError> errors();

  /** True when {@code section} was captured (possibly empty). */
  public boolean has(Section section) {
    switch (section) {
      case VPCS:
        return vpcs().isPresent();
      case VPC_ATTRIBUTES:
        return vpcs().isPresent()
            && vpcs().get().stream().allMatch(v -> v.enableDnsSupport().isPresent() && v.enableDnsHostnames().isPresent());
      case DHCP_OPTIONS:
        return dhcpOptions().isPresent();
      case SUBNETS:
        return subnets().isPresent();
      case SECURITY_GROUPS:
        return securityGroups().isPresent();
      case ROUTE_TABLES:
        return routeTables().isPresent();
      case VPC_ENDPOINTS:
        return vpcEndpoints().isPresent();
      case NAT_GATEWAYS:
        return natGateways().isPresent();
      case INTERNET_GATEWAYS:
        return internetGateways().isPresent();
      case NETWORK_ACLS:
        return networkAcls().isPresent();
      case PREFIX_LISTS:
        return prefixLists().isPresent();
      default:
        throw new AssertionError(section);
    }
  }

  /**
   * This snapshot without the output of the calls that {@link #errors()} names: a failed call (a
   * denied page, a throttled retry that gave up) leaves its output incomplete, and incomplete data
   * must read as unknown, never as the whole truth (formats.md section 2). Bundles read this way
   * already; live discovery applies it before rules see the snapshot.
   */
  public NetworkSnapshot withoutIncomplete() {
    NetworkSnapshot s = NetworkSnapshot.copyOf(this);
    for (Section section : Section.values()) {
      if (errorFor(section).isEmpty()) {
        continue;
      }
      switch (section) {
        case VPCS:
          s = s.withVpcs(Optional.empty());
          break;
        case VPC_ATTRIBUTES:
          if (s.vpcs().isPresent()) {
            List<Vpc> vpcs = new java.util.ArrayList<>();
            s.vpcs().get().forEach(v -> vpcs.add(Vpc.copyOf(v).withEnableDnsSupport(Optional.empty())
                .withEnableDnsHostnames(Optional.empty())));
            s = s.withVpcs(vpcs);
          }
          break;
        case DHCP_OPTIONS:
          s = s.withDhcpOptions(Optional.empty());
          break;
        case SUBNETS:
          s = s.withSubnets(Optional.empty());
          break;
        case SECURITY_GROUPS:
          s = s.withSecurityGroups(Optional.empty());
          break;
        case ROUTE_TABLES:
          s = s.withRouteTables(Optional.empty());
          break;
        case VPC_ENDPOINTS:
          s = s.withVpcEndpoints(Optional.empty());
          break;
        case NAT_GATEWAYS:
          s = s.withNatGateways(Optional.empty());
          break;
        case INTERNET_GATEWAYS:
          s = s.withInternetGateways(Optional.empty());
          break;
        case NETWORK_ACLS:
          s = s.withNetworkAcls(Optional.empty());
          break;
        case PREFIX_LISTS:
          s = s.withPrefixLists(Optional.empty());
          break;
        default:
          throw new AssertionError(section);
      }
    }
    return s;
  }

  /** The capture error of {@code section}'s call, if it was recorded. */
  public Optional<CaptureError> errorFor(Section section) {
    return errors().stream().filter(e -> e.operation().equalsIgnoreCase(section.operation())).findFirst();
  }

  /** Why {@code section} is unknown, in a sentence: the recorded error or "not captured". */
  public String unknownReason(Section section) {
    return errorFor(section)
        .map(e -> section.operation() + " failed during capture (" + e.code() + ": " + e.message() + ")")
        .orElse(section.operation() + " was not captured in the snapshot");
  }

  public Optional<Vpc> vpc(String vpcId) {
    return Optional.ofNullable(vpcIndex().get(vpcId));
  }

  public Optional<Subnet> subnet(String subnetId) {
    return Optional.ofNullable(subnetIndex().get(subnetId));
  }

  public Optional<SecurityGroup> securityGroup(String groupId) {
    return Optional.ofNullable(groupIndex().get(groupId));
  }

  public Optional<RouteTable> routeTable(String routeTableId) {
    return Optional.ofNullable(routeTableIndex().get(routeTableId));
  }

  public Optional<VpcEndpoint> vpcEndpoint(String endpointId) {
    return Optional.ofNullable(endpointIndex().get(endpointId));
  }

  public Optional<NatGateway> natGateway(String natGatewayId) {
    return Optional.ofNullable(natIndex().get(natGatewayId));
  }

  public Optional<PrefixList> prefixList(String prefixListId) {
    return Optional.ofNullable(prefixListIndex().get(prefixListId));
  }

  public Optional<DhcpOptions> dhcpOptionSet(String dhcpOptionsId) {
    return dhcpOptions().flatMap(l -> l.stream().filter(d -> d.dhcpOptionsId().equals(dhcpOptionsId)).findFirst());
  }

  /** The region's S3 prefix list ({@code com.amazonaws.<region>.s3}), when captured. */
  public Optional<PrefixList> s3PrefixList() {
    String name = "com.amazonaws." + region() + ".s3";
    return prefixLists().flatMap(l -> l.stream().filter(p -> p.prefixListName().equals(name)).findFirst());
  }

  @Value.Lazy
  Map<String, Vpc> vpcIndex() {
    return index(vpcs(), Vpc::vpcId);
  }

  @Value.Lazy
  Map<String, Subnet> subnetIndex() {
    return index(subnets(), Subnet::subnetId);
  }

  @Value.Lazy
  Map<String, SecurityGroup> groupIndex() {
    return index(securityGroups(), SecurityGroup::groupId);
  }

  @Value.Lazy
  Map<String, RouteTable> routeTableIndex() {
    return index(routeTables(), RouteTable::routeTableId);
  }

  @Value.Lazy
  Map<String, VpcEndpoint> endpointIndex() {
    return index(vpcEndpoints(), VpcEndpoint::vpcEndpointId);
  }

  @Value.Lazy
  Map<String, NatGateway> natIndex() {
    return index(natGateways(), NatGateway::natGatewayId);
  }

  @Value.Lazy
  Map<String, PrefixList> prefixListIndex() {
    return index(prefixLists(), PrefixList::prefixListId);
  }

  private static <T> Map<String, T> index(Optional<List<T>> items, Function<T, String> key) {
    if (items.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (T t : items.get()) {
      map.putIfAbsent(key.apply(t), t);
    }
    return Collections.unmodifiableMap(map);
  }

  /** A copy-builder of this snapshot. */
  public NetworkSnapshot.Builder toBuilder() {
    return NetworkSnapshot.builder().from(this);
  }
}
