package dev.vpctrain.core.network;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.KmsAlias;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.iam.OrganizationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything vpctrain knows about the network of one account and region: the output of the EC2, EFS,
 * FSx, S3, IAM and KMS read calls, as data. Read from a snapshot bundle or captured live by
 * {@code dev.vpctrain.aws}, or built with {@code NetworkSnapshot.builder()} in tests.
 *
 * <p>Each list section is {@code Optional}: absent means "not captured" (unknown), an empty list
 * means "captured, none"; sections captured per resource (buckets, EFS mount-target security groups
 * and policies, KMS keys) are maps in which a missing key is unknown. Rules needing an absent
 * section are UNVERIFIED, never PASS. {@link #has(Section)} and {@link #unknownReason(Section)} say
 * what was captured; {@link #withoutIncomplete()} turns the output of failed calls into unknowns.
 * The lookups ({@link #subnet(String)}, {@link #explicitRouteTable(String)}, …) are indexed once per snapshot.
 */
@Value.Immutable
abstract class AbstractNetworkSnapshot {
  /** {@return the AWS region the snapshot was captured in, for example {@code eu-west-1}} */
  public abstract String region();

  /** {@return the 12-digit AWS account id; empty when not known} */
  public abstract Optional<String> accountId();

  /** {@return when the snapshot was captured; empty when not known} */
  public abstract Optional<Instant> capturedAt();

  /** {@return {@code ec2.DescribeVpcs} (with {@code DescribeVpcAttribute}'s DNS settings); empty when not captured} */
  public abstract Optional<List<Vpc>> vpcs();

  /** {@return {@code ec2.DescribeDhcpOptions}; empty when not captured} */
  public abstract Optional<List<DhcpOptions>> dhcpOptions();

  /** {@return {@code ec2.DescribeSubnets}; empty when not captured} */
  public abstract Optional<List<Subnet>> subnets();

  /** {@return {@code ec2.DescribeSecurityGroups}; empty when not captured} */
  public abstract Optional<List<SecurityGroup>> securityGroups();

  /** {@return {@code ec2.DescribeRouteTables}; empty when not captured} */
  public abstract Optional<List<RouteTable>> routeTables();

  /** {@return {@code ec2.DescribeVpcEndpoints}; empty when not captured} */
  public abstract Optional<List<VpcEndpoint>> vpcEndpoints();

  /** {@return {@code ec2.DescribeNatGateways}; empty when not captured} */
  public abstract Optional<List<NatGateway>> natGateways();

  /** {@return {@code ec2.DescribeInternetGateways}; empty when not captured} */
  public abstract Optional<List<InternetGateway>> internetGateways();

  /** {@return {@code ec2.DescribeNetworkAcls}; empty when not captured} */
  public abstract Optional<List<NetworkAcl>> networkAcls();

  /** {@return {@code ec2.DescribePrefixLists}; empty when not captured} */
  public abstract Optional<List<PrefixList>> prefixLists();

  /**
   * {@return {@code ec2.DescribeNetworkInterfaces}, possibly a filtered capture (see {@link #captureFilters()}
   * and {@link #isNetworkInterfaceListComplete(String)})}
   */
  public abstract Optional<List<NetworkInterface>> networkInterfaces();

  /**
   * {@return the filters a call was captured with, by operation ({@code ec2:DescribeNetworkInterfaces}): its
   * output is complete only for what they select} An operation without an entry was unfiltered.
   */
  public abstract Map<String, List<CaptureFilter>> captureFilters();

  /** {@return {@code efs.DescribeFileSystems}; empty when not captured} */
  public abstract Optional<List<EfsFileSystem>> efsFileSystems();

  /**
   * {@return the mount targets of every {@code efs.DescribeMountTargets} output (one call per file system)}
   * Which file systems they are complete for: {@link #efsMountTargetsOf(String)}.
   */
  public abstract Optional<List<EfsMountTarget>> efsMountTargets();

  /** {@return {@code efs.DescribeMountTargetSecurityGroups} by mount-target id; a mount target missing here is unknown} */
  public abstract Map<String, List<String>> efsMountTargetSecurityGroups();

  /** {@return {@code efs.DescribeFileSystemPolicy} by file-system id; a file system missing here is unknown} */
  public abstract Map<String, EfsFileSystemPolicy> efsFileSystemPolicies();

  /** {@return {@code fsx.DescribeFileSystems}; empty when not captured} */
  public abstract Optional<List<FsxFileSystem>> fsxFileSystems();

  /**
   * {@return the {@code iam} section (the execution role's evidence); empty when the bundle has none, and the
   * role rules were not asked for}
   */
  public abstract Optional<IamEvidence> iam();

  /** {@return {@code kms.ListAliases}; empty when not captured} */
  public abstract Optional<List<KmsAlias>> kmsAliases();

  /** {@return {@code kms.keys} by key ARN; a key missing here is unknown} */
  public abstract Map<String, KmsKey> kmsKeys();

  /** {@return {@code organizations.DescribePolicy}, supplied by the user; empty when none was} */
  public abstract Optional<List<OrganizationPolicy>> organizationPolicies();

  /**
   * What the S3 read calls showed about each bucket the job touches: its region and policy. A bucket
   * missing here is unknown.
   *
   * @return the facts of each bucket, by bucket name
   */
  public abstract Map<String, BucketFacts> buckets();

  /**
   * The read calls that failed during capture (access denied, throttled), in the order they failed.
   * Their sections are unknown once {@link #withoutIncomplete()} has applied them.
   *
   * @return the failed calls; empty when every call succeeded
   */
  public abstract List<CaptureError> errors();

  /**
   * {@return true when {@code section} was captured, possibly empty; false when it is unknown}
   *
   * @param section the snapshot section, named after the call that fills it
   */
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
      case NETWORK_INTERFACES:
        return networkInterfaces().isPresent();
      case EFS_FILE_SYSTEMS:
        return efsFileSystems().isPresent();
      case EFS_MOUNT_TARGETS:
        return efsMountTargets().isPresent();
      case EFS_MOUNT_TARGET_SECURITY_GROUPS:
        return !efsMountTargetSecurityGroups().isEmpty(); // per mount target: known for at least one
      case EFS_FILE_SYSTEM_POLICIES:
        return !efsFileSystemPolicies().isEmpty(); // per file system: known for at least one
      case FSX_FILE_SYSTEMS:
        return fsxFileSystems().isPresent();
      default:
        throw new AssertionError(section);
    }
  }

  /**
   * {@return this snapshot as a discovery of one VPC would have captured it: the VPC, and its subnets, security
   * groups, route tables, endpoints, NAT gateways, network ACLs and attached internet gateways; every other section
   * (DHCP option sets, prefix lists, buckets, network interfaces, file systems, the role, the errors) as it is} One
   * discovery of a region's VPCs can so serve each VPC's jobs, with nothing of another VPC in their view.
   *
   * @param vpcId the VPC
   */
  public NetworkSnapshot withinVpc(String vpcId) {
    return withinVpcs(java.util.Set.of(java.util.Objects.requireNonNull(vpcId, "vpcId")));
  }

  /**
   * {@return this snapshot as a discovery of these VPCs would have captured it (a job whose definitions run in
   * several VPCs), as {@link #withinVpc} does for one}
   *
   * @param vpcIds the VPCs
   */
  public NetworkSnapshot withinVpcs(java.util.Collection<String> vpcIds) {
    java.util.Set<String> ids = java.util.Set.copyOf(vpcIds);
    return NetworkSnapshot.copyOf(this)
        .withVpcs(only(vpcs(), v -> ids.contains(v.vpcId())))
        .withSubnets(only(subnets(), v -> ids.contains(v.vpcId())))
        .withSecurityGroups(only(securityGroups(), v -> ids.contains(v.vpcId())))
        .withRouteTables(only(routeTables(), v -> ids.contains(v.vpcId())))
        .withVpcEndpoints(only(vpcEndpoints(), v -> ids.contains(v.vpcId())))
        .withNatGateways(only(natGateways(), v -> v.vpcId().map(ids::contains).orElse(true)))
        .withNetworkAcls(only(networkAcls(), v -> ids.contains(v.vpcId())))
        .withInternetGateways(only(internetGateways(),
            v -> v.attachments().stream().anyMatch(a -> ids.contains(a.vpcId()))));
  }

  private static <T> Optional<List<T>> only(Optional<List<T>> items, java.util.function.Predicate<T> keep) {
    return items.map(l -> l.stream().filter(keep).toList());
  }

  /**
   * {@return this snapshot without the output of the calls that {@link #errors()} names: a failed call (a
   * denied page, a throttled retry that gave up) leaves its output incomplete, and incomplete data
   * must read as unknown, never as the whole truth} Bundles read this way
   * already; live discovery applies it before rules see the snapshot. For the calls made per
   * resource ({@link Section#isPerResource()}), an error naming a resource drops that resource's
   * output only; one without a resource drops the whole section.
   */
  public NetworkSnapshot withoutIncomplete() {
    NetworkSnapshot s = withoutIncompleteKeys(NetworkSnapshot.copyOf(this));
    if (s.iam().isPresent()) {
      s = s.withIam(s.iam().get().withoutIncomplete(errors()));
    }
    for (Section section : Section.values()) {
      if (errorFor(section).isEmpty()) {
        continue;
      }
      if (section.isPerResource()) {
        s = withoutFailedResources(s, section);
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
        case NETWORK_INTERFACES:
          s = s.withNetworkInterfaces(Optional.empty());
          break;
        case EFS_FILE_SYSTEMS:
          s = s.withEfsFileSystems(Optional.empty());
          break;
        case FSX_FILE_SYSTEMS:
          s = s.withFsxFileSystems(Optional.empty());
          break;
        default:
          throw new AssertionError(section);
      }
    }
    return s;
  }

  /**
   * {@code s} without the KMS output that failed calls leave incomplete: {@code kms:ListAliases}
   * drops the aliases, {@code kms:DescribeKey} the key its {@code resource} names (every key when
   * none), {@code kms:GetKeyPolicy} that key's policy.
   */
  private NetworkSnapshot withoutIncompleteKeys(NetworkSnapshot s) {
    NetworkSnapshot out = s;
    for (CaptureError e : errors()) {
      String op = e.operation().toLowerCase(java.util.Locale.ROOT);
      if (op.equals("kms:listaliases")) {
        out = out.withKmsAliases(Optional.empty());
      } else if (op.equals("kms:describekey") || op.equals("kms:getkeypolicy")) {
        Map<String, KmsKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, KmsKey> k : out.kmsKeys().entrySet()) {
          boolean hit = e.resource().isEmpty() || e.resource().equals(k.getKey())
              || e.resource().equals(k.getValue().keyId());
          if (!hit) {
            keys.put(k.getKey(), k.getValue());
          } else if (op.equals("kms:getkeypolicy")) {
            keys.put(k.getKey(), k.getValue().withPolicy(Optional.empty()));
          }
        }
        out = out.withKmsKeys(keys);
      }
    }
    return out;
  }

  /** {@code s} without the output of the failed calls of a per-resource {@code section}. */
  private NetworkSnapshot withoutFailedResources(NetworkSnapshot s, Section section) {
    Set<String> failed = new HashSet<>();
    boolean all = false;
    for (CaptureError e : errorsFor(section)) {
      all |= e.resource().isEmpty();
      failed.add(e.resource());
    }
    switch (section) {
      case EFS_MOUNT_TARGETS:
        if (all) {
          return s.withEfsMountTargets(Optional.empty());
        }
        if (s.efsMountTargets().isEmpty()) {
          return s;
        }
        List<EfsMountTarget> kept = new ArrayList<>();
        s.efsMountTargets().get().stream().filter(m -> !failed.contains(m.fileSystemId())).forEach(kept::add);
        return s.withEfsMountTargets(kept);
      case EFS_MOUNT_TARGET_SECURITY_GROUPS: {
        Map<String, List<String>> groups = new LinkedHashMap<>(all ? Map.of() : s.efsMountTargetSecurityGroups());
        groups.keySet().removeAll(failed);
        return s.withEfsMountTargetSecurityGroups(groups);
      }
      case EFS_FILE_SYSTEM_POLICIES: {
        Map<String, EfsFileSystemPolicy> policies = new LinkedHashMap<>(all ? Map.of() : s.efsFileSystemPolicies());
        policies.keySet().removeAll(failed);
        return s.withEfsFileSystemPolicies(policies);
      }
      default:
        throw new AssertionError(section);
    }
  }

  /**
   * {@return every capture error of {@code section}'s call, in the order recorded; empty when there is none}
   *
   * @param section the snapshot section
   */
  public List<CaptureError> errorsFor(Section section) {
    if (errors().isEmpty()) {
      return new ArrayList<>();
    }
    List<CaptureError> out = new ArrayList<>();
    errors().stream().filter(e -> section.isNamedBy(e.operation())).forEach(out::add);
    return out;
  }

  /**
   * {@return the capture error of a per-resource {@code section}'s call about {@code resource} (a file-system
   * or mount-target id), or one about every resource}
   *
   * @param section the snapshot section
   * @param resource the file-system or mount-target id the call was about
   */
  public Optional<CaptureError> errorFor(Section section, String resource) {
    if (errors().isEmpty()) {
      return Optional.empty();
    }
    return errorsFor(section).stream()
        .filter(e -> e.resource().isEmpty() || e.resource().equals(resource))
        .findFirst();
  }

  /**
   * {@return the first capture error of {@code section}'s call; empty when none was recorded}
   *
   * @param section the snapshot section
   */
  public Optional<CaptureError> errorFor(Section section) {
    return errors().stream().filter(e -> section.isNamedBy(e.operation())).findFirst();
  }

  /**
   * {@return why {@code section} is unknown, in a sentence for a finding: the recorded error (operation,
   * error code and message), else that it was not captured}
   *
   * @param section the snapshot section
   */
  public String unknownReason(Section section) {
    return errorFor(section)
        .map(e -> section.operation() + " " + e.failure())
        .orElse(section.operation() + " was not captured in the snapshot");
  }

  /**
   * Finds the VPC with this id (the first, should the capture repeat an id).
   *
   * @param vpcId the VPC id
   * @return the VPC; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.VPCS)} tells which)
   */
  public Optional<Vpc> vpc(String vpcId) {
    return Optional.ofNullable(vpcIndex().get(vpcId));
  }

  /**
   * Finds the subnet with this id (the first, should the capture repeat an id).
   *
   * @param subnetId the subnet id
   * @return the subnet; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.SUBNETS)} tells which)
   */
  public Optional<Subnet> subnet(String subnetId) {
    return Optional.ofNullable(subnetIndex().get(subnetId));
  }

  /**
   * Finds the security group with this id (the first, should the capture repeat an id).
   *
   * @param groupId the security group id
   * @return the security group; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.SECURITY_GROUPS)} tells which)
   */
  public Optional<SecurityGroup> securityGroup(String groupId) {
    return Optional.ofNullable(groupIndex().get(groupId));
  }

  /**
   * Finds the route table with this id (the first, should the capture repeat an id).
   *
   * @param routeTableId the route table id
   * @return the route table; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.ROUTE_TABLES)} tells which)
   */
  public Optional<RouteTable> routeTable(String routeTableId) {
    return Optional.ofNullable(routeTableIndex().get(routeTableId));
  }

  /**
   * Finds the VPC endpoint with this id (the first, should the capture repeat an id).
   *
   * @param endpointId the endpoint id
   * @return the VPC endpoint; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.VPC_ENDPOINTS)} tells which)
   */
  public Optional<VpcEndpoint> vpcEndpoint(String endpointId) {
    return Optional.ofNullable(endpointIndex().get(endpointId));
  }

  /**
   * Finds the NAT gateway with this id (the first, should the capture repeat an id).
   *
   * @param natGatewayId the NAT gateway id
   * @return the NAT gateway; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.NAT_GATEWAYS)} tells which)
   */
  public Optional<NatGateway> natGateway(String natGatewayId) {
    return Optional.ofNullable(natIndex().get(natGatewayId));
  }

  /**
   * Finds the prefix list with this id (the first, should the capture repeat an id).
   *
   * @param prefixListId the prefix list id
   * @return the prefix list; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.PREFIX_LISTS)} tells which)
   */
  public Optional<PrefixList> prefixList(String prefixListId) {
    return Optional.ofNullable(prefixListIndex().get(prefixListId));
  }

  /**
   * Finds the DHCP option set with this id (the first, should the capture repeat an id).
   *
   * @param dhcpOptionsId the DHCP options id
   * @return the DHCP option set; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.DHCP_OPTIONS)} tells which)
   */
  public Optional<DhcpOptions> dhcpOptionSet(String dhcpOptionsId) {
    return dhcpOptions().flatMap(l -> l.stream().filter(d -> d.dhcpOptionsId().equals(dhcpOptionsId)).findFirst());
  }

  /**
   * Finds the network interface with this id (the first, should the capture repeat an id).
   *
   * @param networkInterfaceId the network interface id
   * @return the network interface; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.NETWORK_INTERFACES)} tells which)
   */
  public Optional<NetworkInterface> networkInterface(String networkInterfaceId) {
    return Optional.ofNullable(interfaceIndex().get(networkInterfaceId));
  }

  /**
   * {@return the captured network interfaces that hold {@code address} (an address of theirs or inside a
   * prefix of theirs); empty when none does or the interfaces were not captured}
   *
   * @param address a private IP address as EC2 writes it, for example {@code 10.0.3.15}
   */
  public List<NetworkInterface> networkInterfacesHolding(String address) {
    List<NetworkInterface> out = new ArrayList<>();
    List<NetworkInterface> holders = interfaceAddressIndex().addresses.get(address);
    List<NetworkInterface> prefixed = interfaceAddressIndex().prefixed;
    if (prefixed.isEmpty()) {
      return holders == null ? out : new ArrayList<>(holders);
    }
    // keep the capture's order when prefixes add holders
    networkInterfaces().ifPresent(l -> l.stream().filter(n -> n.holds(address)).forEach(out::add));
    return out;
  }

  /**
   * {@return the route table explicitly associated with {@code subnetId} (association state {@code associated}
   * or {@code associating}, or no state captured), if any; indexed once per snapshot}
   *
   * @param subnetId the subnet id
   */
  public Optional<RouteTable> explicitRouteTable(String subnetId) {
    return Optional.ofNullable(routeTableAssociations().bySubnet.get(subnetId));
  }

  /**
   * {@return the main route table of {@code vpcId}, when the snapshot has it; indexed once per snapshot}
   *
   * @param vpcId the VPC id
   */
  public Optional<RouteTable> mainRouteTable(String vpcId) {
    return Optional.ofNullable(routeTableAssociations().mainByVpc.get(vpcId));
  }

  /**
   * {@return the network ACL associated with {@code subnetId}, if any; indexed once per snapshot}
   *
   * @param subnetId the subnet id
   */
  public Optional<NetworkAcl> associatedNetworkAcl(String subnetId) {
    return Optional.ofNullable(aclAssociations().bySubnet.get(subnetId));
  }

  /**
   * {@return the default network ACL of {@code vpcId}, when the snapshot has it; indexed once per snapshot}
   *
   * @param vpcId the VPC id
   */
  public Optional<NetworkAcl> defaultNetworkAcl(String vpcId) {
    return Optional.ofNullable(aclAssociations().mainByVpc.get(vpcId));
  }

  /**
   * {@return a structure compiled from this snapshot alone — a route table compiled for longest-prefix
   * match, a network ACL's entries decoded — built on first use and kept with the snapshot, so that
   * every preflight over it shares it, like the snapshot's own indexes} {@code key} names the
   * structure (a record or class owned by the caller); {@code compute} must be a pure function of
   * the snapshot. Not part of the snapshot's value. Decisions for a job are not kept here.
   *
   * @param <V> the type of the compiled structure
   * @param key identifies the compiled form; equal keys share one value
   * @param compute computes the value from the snapshot, at most once per key
   */
  public final <V> V compiled(Object key, Function<? super NetworkSnapshot, ? extends V> compute) {
    Map<Object, Object> memo = compiledMemo();
    Object hit = memo.get(key);
    if (hit == null) {
      // not computeIfAbsent: a computation may itself ask for another compiled structure
      hit = compute.apply((NetworkSnapshot) this);
      Object prev = memo.putIfAbsent(key, hit);
      if (prev != null) {
        hit = prev;
      }
    }
    @SuppressWarnings("unchecked")
    V value = (V) hit;
    return value;
  }

  @Value.Lazy
  Map<Object, Object> compiledMemo() {
    return new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** Which table or ACL governs a subnet explicitly, and each VPC's main or default one. */
  static final class Associations<T> {
    final Map<String, T> bySubnet = new HashMap<>();
    final Map<String, T> mainByVpc = new HashMap<>();
  }

  @Value.Lazy
  Associations<RouteTable> routeTableAssociations() {
    Associations<RouteTable> a = new Associations<>();
    for (RouteTable t : routeTables().orElse(List.of())) {
      for (RouteTableAssociation assoc : t.associations()) {
        boolean associated = assoc.state()
            .map(s -> s.equalsIgnoreCase("associated") || s.equalsIgnoreCase("associating")).orElse(true);
        if (!associated) {
          continue;
        }
        if (assoc.main()) {
          a.mainByVpc.putIfAbsent(t.vpcId(), t);
        }
        assoc.subnetId().ifPresent(s -> a.bySubnet.putIfAbsent(s, t));
      }
    }
    return a;
  }

  @Value.Lazy
  Associations<NetworkAcl> aclAssociations() {
    Associations<NetworkAcl> a = new Associations<>();
    for (NetworkAcl acl : networkAcls().orElse(List.of())) {
      for (String s : acl.subnetIds()) {
        a.bySubnet.putIfAbsent(s, acl);
      }
      if (acl.isDefault()) {
        a.mainByVpc.putIfAbsent(acl.vpcId(), acl);
      }
    }
    return a;
  }

  /**
   * {@return the captured network interfaces that carry security group {@code groupId}, in capture order}
   *
   * @param groupId the security group id
   */
  public List<NetworkInterface> networkInterfacesCarrying(String groupId) {
    return interfaceGroupIndex().getOrDefault(groupId, List.of());
  }

  /**
   * {@return the captured network interfaces with an IPv4 address or prefix inside {@code block}, in
   * capture order; empty for an IPv6 block}
   *
   * @param block the address range to search
   */
  public List<NetworkInterface> networkInterfacesWithin(Cidr block) {
    if (!block.isIpv4()) {
      return List.of();
    }
    InterfaceAddresses idx = interfaceAddressIndex();
    long first = Integer.toUnsignedLong(block.ipv4Network());
    long last = first + (1L << (32 - block.prefixLength())) - 1;
    Set<Integer> positions = new TreeSet<>();
    int i = lowerBound(idx.sortedAddresses, first);
    for (; i < idx.sortedAddresses.length && idx.sortedAddresses[i] <= last; i++) {
      positions.add(idx.sortedPositions[i]);
    }
    for (int p : idx.prefixedPositions) {
      if (idx.all.get(p).ipv4Prefixes().stream().anyMatch(c -> c.isIpv4() && c.overlaps(block))) {
        positions.add(p);
      }
    }
    List<NetworkInterface> out = new ArrayList<>();
    positions.forEach(p -> out.add(idx.all.get(p)));
    return out;
  }

  /**
   * {@return the captured subnets whose IPv4 CIDR block holds {@code address}, in capture order}
   *
   * @param address an IPv4 address as an unsigned 32-bit value ({@link Cidr#parseIpv4Address(String)} gives it)
   */
  public List<Subnet> subnetsHolding(int address) {
    long a = Integer.toUnsignedLong(address);
    List<Map.Entry<Subnet, Cidr>> index = subnetCidrIndex();
    List<Subnet> out = new ArrayList<>();
    for (int p : subnetRangeIndex().overlapping(a, a)) {
      out.add(index.get(p).getKey());
    }
    return out;
  }

  /**
   * {@return the IPv4 CIDR blocks of the captured subnets that overlap {@code block}, in capture order;
   * empty for an IPv6 block}
   *
   * @param block the address range to compare
   */
  public List<Cidr> subnetCidrsOverlapping(Cidr block) {
    List<Map.Entry<Subnet, Cidr>> index = subnetCidrIndex();
    List<Cidr> out = new ArrayList<>();
    if (!block.isIpv4()) {
      for (Map.Entry<Subnet, Cidr> e : index) {
        if (e.getValue().overlaps(block)) {
          out.add(e.getValue());
        }
      }
      return out;
    }
    // Two IPv4 blocks overlap exactly when their address ranges intersect.
    long first = Integer.toUnsignedLong(block.ipv4Network());
    long last = first + (1L << (32 - block.prefixLength())) - 1;
    for (int p : subnetRangeIndex().overlapping(first, last)) {
      out.add(index.get(p).getValue());
    }
    return out;
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Value.Lazy
  Map<String, List<NetworkInterface>> interfaceGroupIndex() {
    Map<String, List<NetworkInterface>> m = new HashMap<>();
    for (NetworkInterface n : networkInterfaces().orElse(List.of())) {
      for (String g : new LinkedHashSet<>(n.groupIds())) {
        m.computeIfAbsent(g, k -> new ArrayList<>()).add(n);
      }
    }
    return m;
  }

  @Value.Lazy
  List<Map.Entry<Subnet, Cidr>> subnetCidrIndex() {
    List<Map.Entry<Subnet, Cidr>> out = new ArrayList<>();
    for (Subnet s : subnets().orElse(List.of())) {
      s.cidrBlock().flatMap(Cidr::tryParseIpv4).ifPresent(c -> out.add(Map.entry(s, c)));
    }
    return out;
  }

  /** The subnets' IPv4 blocks (positions in {@link #subnetCidrIndex}) sorted by first address. */
  static final class SubnetRanges {
    final long[] firsts;
    final long[] lasts;
    final int[] positions;
    /** The most addresses any one block holds. */
    final long widest;

    SubnetRanges(List<Map.Entry<Subnet, Cidr>> index) {
      int n = index.size();
      long[] keys = new long[n];
      long w = 0;
      for (int i = 0; i < n; i++) {
        Cidr c = index.get(i).getValue();
        keys[i] = (Integer.toUnsignedLong(c.ipv4Network()) << 31) | i;
        w = Math.max(w, 1L << (32 - c.prefixLength()));
      }
      Arrays.sort(keys);
      firsts = new long[n];
      lasts = new long[n];
      positions = new int[n];
      for (int i = 0; i < n; i++) {
        int p = (int) (keys[i] & 0x7FFFFFFFL);
        Cidr c = index.get(p).getValue();
        positions[i] = p;
        firsts[i] = Integer.toUnsignedLong(c.ipv4Network());
        lasts[i] = firsts[i] + (1L << (32 - c.prefixLength())) - 1;
      }
      widest = w;
    }

    /** The positions, ascending, of the blocks sharing an address with {@code first}–{@code last}. */
    int[] overlapping(long first, long last) {
      int[] out = new int[8];
      int n = 0;
      for (int i = lowerBound(firsts, first - widest + 1); i < firsts.length && firsts[i] <= last; i++) {
        if (lasts[i] >= first) {
          if (n == out.length) {
            out = Arrays.copyOf(out, 2 * n);
          }
          out[n++] = positions[i];
        }
      }
      out = Arrays.copyOf(out, n);
      Arrays.sort(out);
      return out;
    }
  }

  @Value.Lazy
  SubnetRanges subnetRangeIndex() {
    return new SubnetRanges(subnetCidrIndex());
  }

  /** The interfaces by each private address, and those with prefixes (built once). */
  static final class InterfaceAddresses {
    final Map<String, List<NetworkInterface>> addresses = new HashMap<>();
    final List<NetworkInterface> prefixed = new ArrayList<>();
    final List<NetworkInterface> all = new ArrayList<>();
    final List<Integer> prefixedPositions = new ArrayList<>();
    long[] sortedAddresses = new long[0];
    int[] sortedPositions = new int[0];
  }

  @Value.Lazy
  InterfaceAddresses interfaceAddressIndex() {
    InterfaceAddresses idx = new InterfaceAddresses();
    for (NetworkInterface n : networkInterfaces().orElse(List.of())) {
      for (String a : new LinkedHashSet<>(n.privateIpAddresses())) {
        idx.addresses.computeIfAbsent(a, k -> new ArrayList<>()).add(n);
      }
      if (!n.ipv4Prefixes().isEmpty()) {
        idx.prefixed.add(n);
        idx.prefixedPositions.add(idx.all.size());
      }
      idx.all.add(n);
    }
    List<long[]> pairs = new ArrayList<>();
    for (int p = 0; p < idx.all.size(); p++) {
      for (String a : idx.all.get(p).privateIpAddresses()) {
        if (Cidr.isIpv4Address(a)) {
          pairs.add(new long[] {Integer.toUnsignedLong(Cidr.parseIpv4Address(a)), p});
        }
      }
    }
    pairs.sort((x, y) -> Long.compare(x[0], y[0]));
    idx.sortedAddresses = new long[pairs.size()];
    idx.sortedPositions = new int[pairs.size()];
    for (int k = 0; k < pairs.size(); k++) {
      idx.sortedAddresses[k] = pairs.get(k)[0];
      idx.sortedPositions[k] = (int) pairs.get(k)[1];
    }
    return idx;
  }

  /**
   * {@return the filters {@code section}'s call was captured with; empty when it was unfiltered}
   *
   * @param section the snapshot section
   */
  public List<CaptureFilter> captureFiltersOf(Section section) {
    for (Map.Entry<String, List<CaptureFilter>> e : captureFilters().entrySet()) {
      if (section.isNamedBy(e.getKey())) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /**
   * {@return true when {@link #networkInterfaces()} holds every network interface of {@code vpcId}: captured,
   * no error recorded, and unfiltered or filtered by {@code vpc-id} only, with {@code vpcId} among
   * the values of each such filter (any other filter selects less than the whole VPC)}
   *
   * @param vpcId the VPC id
   */
  public boolean isNetworkInterfaceListComplete(String vpcId) {
    if (networkInterfaces().isEmpty() || errorFor(Section.NETWORK_INTERFACES).isPresent()) {
      return false;
    }
    return captureFiltersOf(Section.NETWORK_INTERFACES).stream()
        .allMatch(f -> f.name().equalsIgnoreCase("vpc-id") && f.values().contains(vpcId));
  }

  /**
   * Finds the EFS file system with this id (the first, should the capture repeat an id).
   *
   * @param fileSystemId the file system id
   * @return the EFS file system; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.EFS_FILE_SYSTEMS)} tells which)
   */
  public Optional<EfsFileSystem> efsFileSystem(String fileSystemId) {
    return Optional.ofNullable(fileSystemIndex().efs.get(fileSystemId));
  }

  /**
   * Finds the FSx file system with this id (the first, should the capture repeat an id).
   *
   * @param fileSystemId the file system id
   * @return the FSx file system; empty when the snapshot has none with this id, or did not capture the section
   *     ({@code has(Section.FSX_FILE_SYSTEMS)} tells which)
   */
  public Optional<FsxFileSystem> fsxFileSystem(String fileSystemId) {
    return Optional.ofNullable(fileSystemIndex().fsx.get(fileSystemId));
  }

  /** File systems by id (the first of a repeated id, as a scan would find) and EFS mount targets by file system. */
  static final class FileSystemIndex {
    final Map<String, EfsFileSystem> efs = new HashMap<>();
    final Map<String, FsxFileSystem> fsx = new HashMap<>();
    final Map<String, List<EfsMountTarget>> mountTargets = new HashMap<>();
  }

  @Value.Lazy
  FileSystemIndex fileSystemIndex() {
    FileSystemIndex i = new FileSystemIndex();
    efsFileSystems().ifPresent(l -> l.forEach(f -> i.efs.putIfAbsent(f.fileSystemId(), f)));
    fsxFileSystems().ifPresent(l -> l.forEach(f -> i.fsx.putIfAbsent(f.fileSystemId(), f)));
    efsMountTargets().ifPresent(l -> l.forEach(m -> i.mountTargets.computeIfAbsent(m.fileSystemId(),
        k -> new ArrayList<>()).add(m)));
    return i;
  }

  /**
   * {@return the mount targets of EFS file system {@code fileSystemId}, when known: {@code DescribeMountTargets}
   * was captured for it without error} The call's output does not name the file system, so an empty
   * output cannot be told apart from a call never made: "none" is known only when the output lists
   * none for it and {@code DescribeFileSystems} says it has none ({@code NumberOfMountTargets: 0}).
   *
   * @param fileSystemId the file system id
   */
  public Optional<List<EfsMountTarget>> efsMountTargetsOf(String fileSystemId) {
    if (efsMountTargets().isEmpty() || errorFor(Section.EFS_MOUNT_TARGETS, fileSystemId).isPresent()) {
      return Optional.empty();
    }
    List<EfsMountTarget> out = new ArrayList<>(fileSystemIndex().mountTargets.getOrDefault(fileSystemId, List.of()));
    if (out.isEmpty() && !efsFileSystem(fileSystemId).flatMap(EfsFileSystem::numberOfMountTargets)
        .map(n -> n == 0).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /**
   * {@return the security groups of an EFS mount target: from {@code DescribeMountTargetSecurityGroups}, else
   * the {@code Groups} of its network interface in {@code DescribeNetworkInterfaces}; empty when neither says}
   *
   * @param target an EFS mount target of this snapshot
   */
  public Optional<List<String>> efsMountTargetGroups(EfsMountTarget target) {
    List<String> groups = efsMountTargetSecurityGroups().get(target.mountTargetId());
    if (groups != null && errorFor(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS, target.mountTargetId()).isEmpty()) {
      return Optional.of(groups);
    }
    return target.networkInterfaceId().flatMap(this::networkInterface).map(NetworkInterface::groupIds);
  }

  /**
   * {@return what the snapshot knows of the policy of EFS file system {@code fileSystemId} (UNKNOWN when not captured or failed)}
   *
   * @param fileSystemId the file system id
   */
  public EfsFileSystemPolicy efsFileSystemPolicy(String fileSystemId) {
    EfsFileSystemPolicy p = efsFileSystemPolicies().get(fileSystemId);
    if (p == null || errorFor(Section.EFS_FILE_SYSTEM_POLICIES, fileSystemId).isPresent()) {
      return EfsFileSystemPolicy.builder().fileSystemId(fileSystemId).build();
    }
    return p;
  }

  /**
   * {@return the security groups of an FSx file system: the {@code Groups} of each of its network interfaces
   * (FSx does not list them); empty when it names none or one of them is not in the snapshot}
   *
   * @param fs an FSx file system of this snapshot
   */
  public Optional<List<String>> fsxSecurityGroups(FsxFileSystem fs) {
    if (fs.networkInterfaceIds().isEmpty()) {
      return Optional.empty();
    }
    Set<String> groups = new LinkedHashSet<>();
    for (String eni : fs.networkInterfaceIds()) {
      Optional<NetworkInterface> n = networkInterface(eni);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      groups.addAll(n.get().groupIds());
    }
    return Optional.of(List.copyOf(groups));
  }

  /** {@return the region's S3 prefix list ({@code com.amazonaws.<region>.s3}), when captured} */
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

  @Value.Lazy
  Map<String, NetworkInterface> interfaceIndex() {
    return index(networkInterfaces(), NetworkInterface::networkInterfaceId);
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

  /** {@return a builder holding this snapshot's values, to derive a changed copy} */
  public NetworkSnapshot.Builder toBuilder() {
    return NetworkSnapshot.builder().from(this);
  }
}
