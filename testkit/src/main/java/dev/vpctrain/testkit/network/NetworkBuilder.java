package dev.vpctrain.testkit.network;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fluent builder of a fake world's network: VPCs, subnets, security groups, route tables,
 * endpoints, gateways, ACLs, prefix lists and S3 buckets, and the resources inside the VPC:
 * network interfaces, EFS file systems with their mount targets and FSx for Lustre file systems
 * (those sections stay unknown, as in a snapshot that did not capture them, until one is added). Calling a method again with the same id
 * edits that resource. New resources get the defaults EC2 gives them (a main route table with the
 * local route, a default ACL allowing everything, a DHCP option set, the region's S3 prefix list,
 * an allow-all egress rule on a new security group); resources read from an existing snapshot are
 * kept exactly as they are. References are checked at {@link #build()}: a route table associated
 * with an unknown subnet is an error naming both.
 *
 * <pre>{@code
 * NetworkSnapshot n = NetworkBuilder.create()
 *     .vpc("vpc-1", v -> v.cidr("10.20.0.0/16"))
 *     .subnet("subnet-a", s -> s.cidr("10.20.1.0/24").az("us-east-1a"))
 *     .securityGroup("sg-1", g -> g.selfIngress())
 *     .routeTable("rtb-private", r -> r.associate("subnet-a"))
 *     .s3GatewayEndpoint("vpce-s3", e -> e.routeTables("rtb-private"))
 *     .bucket("training-data")
 *     .build();
 * }</pre>
 */
public final class NetworkBuilder {
  private static final String DEFAULT_ACCOUNT = "123456789012";

  private String region;
  private Optional<String> accountId;
  private Optional<Instant> capturedAt;
  private IdSource ids;
  private final boolean fresh;
  private final Set<Section> absent = EnumSet.noneOf(Section.class);
  private final Map<String, NetworkInterfaceDraft> enis = new LinkedHashMap<>();
  private final Map<String, EfsFileSystemDraft> efs = new LinkedHashMap<>();
  private final Map<String, EfsMountTargetDraft> mountTargets = new LinkedHashMap<>();
  private final Map<String, EfsFileSystemPolicy> efsPolicies = new LinkedHashMap<>();
  private final Map<String, FsxFileSystemDraft> fsx = new LinkedHashMap<>();
  private final Map<String, List<CaptureFilter>> captureFilters = new LinkedHashMap<>();
  /** Mount-target security groups of a loaded snapshot whose mount target it does not list: kept as they are. */
  private final Map<String, List<String>> unlistedTargetGroups = new LinkedHashMap<>();
  private final Map<String, VpcDraft> vpcs = new LinkedHashMap<>();
  private final Map<String, DhcpOptions> dhcp = new LinkedHashMap<>();
  private final Map<String, SubnetDraft> subnets = new LinkedHashMap<>();
  private final Map<String, SecurityGroupDraft> groups = new LinkedHashMap<>();
  private final Map<String, RouteTableDraft> routeTables = new LinkedHashMap<>();
  private final Map<String, EndpointDraft> endpoints = new LinkedHashMap<>();
  private final Map<String, NatGatewayDraft> nats = new LinkedHashMap<>();
  private final Map<String, InternetGatewayDraft> igws = new LinkedHashMap<>();
  private final Map<String, NetworkAclDraft> acls = new LinkedHashMap<>();
  private final Map<String, PrefixList> prefixLists = new LinkedHashMap<>();
  private final Map<String, BucketDraft> buckets = new LinkedHashMap<>();
  private final Map<String, RoleDraft> roles = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> managedPolicies = new LinkedHashMap<>();
  /** The iam section the builder started from (its other facts are kept), or null. */
  private IamEvidence iamBase;
  private final List<CaptureError> errors = new ArrayList<>();

  private NetworkBuilder(boolean fresh) {
    this.fresh = fresh;
  }

  /** {@return an empty network in {@code us-east-1}, account {@code 123456789012}} */
  public static NetworkBuilder create() {
    NetworkBuilder b = new NetworkBuilder(true);
    b.region = "us-east-1";
    b.accountId = Optional.of(DEFAULT_ACCOUNT);
    b.capturedAt = Optional.empty();
    b.ids = new IdSource();
    b.absent.addAll(IN_VPC);
    return b;
  }

  /** The sections of resources inside the VPC, unknown in a new network until one of their resources is added. */
  private static final Set<Section> IN_VPC = EnumSet.of(Section.NETWORK_INTERFACES, Section.EFS_FILE_SYSTEMS,
      Section.EFS_MOUNT_TARGETS, Section.FSX_FILE_SYSTEMS);

  /**
   * {@return a builder holding {@code snapshot}, to change it} Unchanged parts build back exactly.
   *
   * @param snapshot the network snapshot
   */
  public static NetworkBuilder from(NetworkSnapshot snapshot) {
    NetworkBuilder b = new NetworkBuilder(false);
    b.region = snapshot.region();
    b.accountId = snapshot.accountId();
    b.capturedAt = snapshot.capturedAt();
    b.ids = new IdSource();
    for (Section s : Section.values()) {
      if (s != Section.VPC_ATTRIBUTES && !snapshot.has(s)) {
        b.absent.add(s);
      }
    }
    snapshot.vpcs().ifPresent(l -> l.forEach(v -> b.vpcs.put(v.vpcId(), new VpcDraft(v))));
    snapshot.dhcpOptions().ifPresent(l -> l.forEach(d -> b.dhcp.put(d.dhcpOptionsId(), d)));
    snapshot.subnets().ifPresent(l -> l.forEach(s -> b.subnets.put(s.subnetId(), new SubnetDraft(s))));
    snapshot.securityGroups().ifPresent(l -> l.forEach(g -> b.groups.put(g.groupId(), new SecurityGroupDraft(g))));
    snapshot.routeTables().ifPresent(l -> l.forEach(t -> b.routeTables.put(t.routeTableId(), new RouteTableDraft(t))));
    snapshot.vpcEndpoints().ifPresent(l -> l.forEach(e -> b.endpoints.put(e.vpcEndpointId(), new EndpointDraft(e))));
    snapshot.natGateways().ifPresent(l -> l.forEach(n -> b.nats.put(n.natGatewayId(), new NatGatewayDraft(n))));
    snapshot.internetGateways().ifPresent(l -> l.forEach(g -> b.igws.put(g.internetGatewayId(), new InternetGatewayDraft(g))));
    snapshot.networkAcls().ifPresent(l -> l.forEach(a -> b.acls.put(a.networkAclId(), new NetworkAclDraft(a))));
    snapshot.prefixLists().ifPresent(l -> l.forEach(p -> b.prefixLists.put(p.prefixListId(), p)));
    snapshot.buckets().forEach((name, facts) -> b.buckets.put(name, new BucketDraft(facts)));
    snapshot.iam().ifPresent(iam -> {
      b.iamBase = iam;
      iam.roles().forEach(r -> b.roles.put(r.roleName(), new RoleDraft(r)));
      iam.policies().forEach(p -> b.managedPolicies.put(p.arn(), p));
    });
    b.errors.addAll(snapshot.errors());
    snapshot.networkInterfaces().ifPresent(l -> l.forEach(n -> b.enis.put(n.networkInterfaceId(), new NetworkInterfaceDraft(n))));
    snapshot.efsFileSystems().ifPresent(l -> l.forEach(f -> b.efs.put(f.fileSystemId(), new EfsFileSystemDraft(f, b))));
    snapshot.efsMountTargets().ifPresent(l -> l.forEach(m -> b.mountTargets.put(m.mountTargetId(),
        new EfsMountTargetDraft(m, Optional.ofNullable(snapshot.efsMountTargetSecurityGroups().get(m.mountTargetId()))))));
    snapshot.efsMountTargetSecurityGroups().forEach((id, groups) -> {
      if (!b.mountTargets.containsKey(id)) {
        b.unlistedTargetGroups.put(id, groups);
      }
    });
    b.efsPolicies.putAll(snapshot.efsFileSystemPolicies());
    snapshot.fsxFileSystems().ifPresent(l -> l.forEach(f -> b.fsx.put(f.fileSystemId(), new FsxFileSystemDraft(f))));
    b.captureFilters.putAll(snapshot.captureFilters());
    return b;
  }

  /**
   * Where generated ids come from (the fake world passes its own, so ids never repeat).
   *
   * @param ids the ids
   * @return this builder
   */
  public NetworkBuilder ids(IdSource ids) {
    this.ids = Objects.requireNonNull(ids);
    return this;
  }

  /**
   * Sets the snapshot's region.
   *
   * @param region the AWS region
   * @return this builder
   */
  public NetworkBuilder region(String region) {
    this.region = Objects.requireNonNull(region);
    return this;
  }

  /**
   * The account id, also the owner of new resources.
   *
   * @param accountId the AWS account id
   * @return this builder
   */
  public NetworkBuilder account(String accountId) {
    this.accountId = Optional.of(accountId);
    return this;
  }

  /**
   * When the snapshot was captured.
   *
   * @param at the at
   * @return this builder
   */
  public NetworkBuilder capturedAt(Instant at) {
    this.capturedAt = Optional.of(at);
    return this;
  }

  /**
   * Adds a VPC, or finds the one with this id.
   *
   * @param vpcId the VPC id
   * @return this builder
   */
  public NetworkBuilder vpc(String vpcId) {
    return vpc(vpcId, v -> { });
  }

  /**
   * Adds or edits a VPC.
   *
   * @param vpcId the VPC id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder vpc(String vpcId, Consumer<VpcDraft> draft) {
    draft.accept(vpcs.computeIfAbsent(vpcId, VpcDraft::new));
    absent.remove(Section.VPCS);
    return this;
  }

  /**
   * Adds or replaces a DHCP option set: key ({@code domain-name}, {@code domain-name-servers}…) to values.
   *
   * @param dhcpOptionsId the DHCP options id
   * @param configurations the configurations
   * @return this builder
   */
  public NetworkBuilder dhcpOptions(String dhcpOptionsId, Map<String, List<String>> configurations) {
    dhcp.put(dhcpOptionsId, DhcpOptions.builder().dhcpOptionsId(dhcpOptionsId).configurations(configurations).build());
    absent.remove(Section.DHCP_OPTIONS);
    return this;
  }

  /**
   * Adds a subnet, or finds the one with this id.
   *
   * @param subnetId the subnet id
   * @return this builder
   */
  public NetworkBuilder subnet(String subnetId) {
    return subnet(subnetId, s -> { });
  }

  /**
   * Adds or edits a subnet.
   *
   * @param subnetId the subnet id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder subnet(String subnetId, Consumer<SubnetDraft> draft) {
    draft.accept(subnets.computeIfAbsent(subnetId, SubnetDraft::new));
    absent.remove(Section.SUBNETS);
    return this;
  }

  /**
   * Adds a security group, or finds the one with this id.
   *
   * @param groupId the security group id
   * @return this builder
   */
  public NetworkBuilder securityGroup(String groupId) {
    return securityGroup(groupId, g -> { });
  }

  /**
   * Adds or edits a security group.
   *
   * @param groupId the security group id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder securityGroup(String groupId, Consumer<SecurityGroupDraft> draft) {
    draft.accept(groups.computeIfAbsent(groupId, SecurityGroupDraft::new));
    absent.remove(Section.SECURITY_GROUPS);
    return this;
  }

  /**
   * Adds or edits a route table.
   *
   * @param routeTableId the route table id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder routeTable(String routeTableId, Consumer<RouteTableDraft> draft) {
    draft.accept(routeTables.computeIfAbsent(routeTableId, RouteTableDraft::new));
    absent.remove(Section.ROUTE_TABLES);
    return this;
  }

  /**
   * Adds an internet gateway, or finds the one with this id.
   *
   * @param igwId the igw id
   * @return this builder
   */
  public NetworkBuilder internetGateway(String igwId) {
    return internetGateway(igwId, g -> { });
  }

  /**
   * Adds or edits an internet gateway (a new one is attached to the only VPC).
   *
   * @param igwId the igw id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder internetGateway(String igwId, Consumer<InternetGatewayDraft> draft) {
    draft.accept(igws.computeIfAbsent(igwId, InternetGatewayDraft::new));
    absent.remove(Section.INTERNET_GATEWAYS);
    return this;
  }

  /**
   * Adds or edits a NAT gateway.
   *
   * @param natGatewayId the NAT gateway id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder natGateway(String natGatewayId, Consumer<NatGatewayDraft> draft) {
    draft.accept(nats.computeIfAbsent(natGatewayId, NatGatewayDraft::new));
    absent.remove(Section.NAT_GATEWAYS);
    return this;
  }

  /**
   * Adds an S3 gateway endpoint, or finds the one with this id.
   *
   * @param endpointId the endpoint id
   * @return this builder
   */
  public NetworkBuilder s3GatewayEndpoint(String endpointId) {
    return s3GatewayEndpoint(endpointId, e -> { });
  }

  /**
   * Adds or edits the S3 gateway endpoint {@code endpointId}.
   *
   * @param endpointId the endpoint id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder s3GatewayEndpoint(String endpointId, Consumer<EndpointDraft> draft) {
    return gatewayEndpoint(endpointId, "s3", draft);
  }

  /**
   * Adds or edits a gateway endpoint of service {@code s3} or {@code dynamodb}.
   *
   * @param endpointId the endpoint id
   * @param service the service
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder gatewayEndpoint(String endpointId, String service, Consumer<EndpointDraft> draft) {
    return endpoint(endpointId, EndpointType.GATEWAY, service, draft);
  }

  /**
   * Adds or edits an interface endpoint of {@code service} ({@code sts}, {@code logs}, {@code ecr.dkr}…).
   *
   * @param endpointId the endpoint id
   * @param service the service
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder interfaceEndpoint(String endpointId, String service, Consumer<EndpointDraft> draft) {
    return endpoint(endpointId, EndpointType.INTERFACE, service, draft);
  }

  /**
   * Edits an existing endpoint of any type.
   *
   * @param endpointId the endpoint id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder endpoint(String endpointId, Consumer<EndpointDraft> draft) {
    EndpointDraft e = endpoints.get(endpointId);
    if (e == null) {
      throw new IllegalArgumentException("there is no VPC endpoint " + endpointId + " to edit; known: " + endpoints.keySet());
    }
    draft.accept(e);
    return this;
  }

  private NetworkBuilder endpoint(String endpointId, EndpointType type, String service, Consumer<EndpointDraft> draft) {
    String serviceName = service.startsWith("com.amazonaws.") ? service : "com.amazonaws." + region + "." + service;
    draft.accept(endpoints.computeIfAbsent(endpointId, id -> new EndpointDraft(id, type, serviceName)));
    absent.remove(Section.VPC_ENDPOINTS);
    return this;
  }

  /**
   * Adds or edits a network ACL.
   *
   * @param aclId the ACL id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder networkAcl(String aclId, Consumer<NetworkAclDraft> draft) {
    NetworkAclDraft acl = acls.computeIfAbsent(aclId, NetworkAclDraft::new);
    draft.accept(acl);
    for (String subnet : acl.subnets()) {
      acls.values().stream().filter(a -> a != acl).forEach(a -> a.dropSubnet(subnet));
    }
    absent.remove(Section.NETWORK_ACLS);
    return this;
  }

  /**
   * Adds or replaces a managed prefix list.
   *
   * @param prefixListId the prefix list id
   * @param name the name
   * @param cidrs the CIDRs
   * @return this builder
   */
  public NetworkBuilder prefixList(String prefixListId, String name, String... cidrs) {
    prefixLists.put(prefixListId,
        PrefixList.builder().prefixListId(prefixListId).prefixListName(name).cidrs(Arrays.asList(cidrs)).build());
    absent.remove(Section.PREFIX_LISTS);
    return this;
  }

  /**
   * Adds a bucket, or finds the one with this name.
   *
   * @param name the name
   * @return this builder
   */
  public NetworkBuilder bucket(String name) {
    return bucket(name, b -> { });
  }

  /**
   * Adds or edits an IAM role (the world then has an {@code iam} section, which the fake IAM serves).
   *
   * @param name the name
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder role(String name, Consumer<RoleDraft> draft) {
    draft.accept(roles.computeIfAbsent(name, RoleDraft::new));
    return this;
  }

  /**
   * Adds or replaces a customer managed policy {@code arn:aws:iam::<account>:policy/<name>} with its default version's document.
   *
   * @param name the name
   * @param document the document
   * @return this builder
   */
  public NetworkBuilder managedPolicy(String name, String document) {
    String arn = "arn:aws:iam::" + accountId.orElse(DEFAULT_ACCOUNT) + ":policy/" + name;
    managedPolicies.put(arn, ManagedPolicy.builder().arn(arn).policyName(name).defaultVersionId("v1")
        .document(document).build());
    return this;
  }

  /**
   * Adds or edits an S3 bucket.
   *
   * @param name the name
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder bucket(String name, Consumer<BucketDraft> draft) {
    draft.accept(buckets.computeIfAbsent(name, BucketDraft::new));
    return this;
  }

  /**
   * Adds or edits a network interface: a database's, a service's, any address inside the VPC.
   *
   * @param networkInterfaceId the network interface id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder networkInterface(String networkInterfaceId, Consumer<NetworkInterfaceDraft> draft) {
    draft.accept(enis.computeIfAbsent(networkInterfaceId, NetworkInterfaceDraft::new));
    absent.remove(Section.NETWORK_INTERFACES);
    return this;
  }

  /**
   * Adds or edits an EFS file system, its mount targets (each with its network interface) and its policy.
   *
   * @param fileSystemId the file system id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder efsFileSystem(String fileSystemId, Consumer<EfsFileSystemDraft> draft) {
    draft.accept(efs.computeIfAbsent(fileSystemId, id -> new EfsFileSystemDraft(id, this)));
    absent.remove(Section.EFS_FILE_SYSTEMS);
    return this;
  }

  /**
   * Adds or edits an FSx for Lustre file system (with its network interfaces).
   *
   * @param fileSystemId the file system id
   * @param draft edits the resource
   * @return this builder
   */
  public NetworkBuilder fsxLustre(String fileSystemId, Consumer<FsxFileSystemDraft> draft) {
    draft.accept(fsx.computeIfAbsent(fileSystemId, FsxFileSystemDraft::new));
    absent.remove(Section.FSX_FILE_SYSTEMS);
    return this;
  }

  /**
   * Records that {@code operation}'s capture was filtered ({@code captureFilters}).
   *
   * @param operation the operation
   * @param name the name
   * @param values the values
   * @return this builder
   */
  public NetworkBuilder captureFilter(String operation, String name, String... values) {
    captureFilters.computeIfAbsent(operation, k -> new ArrayList<>()).add(CaptureFilter.of(name, Arrays.asList(values)));
    return this;
  }

  EfsMountTargetDraft mountTargetOf(String fileSystemId, String mountTargetId) {
    EfsMountTargetDraft m = mountTargets.computeIfAbsent(mountTargetId, id -> new EfsMountTargetDraft(id, fileSystemId));
    if (!m.fileSystemId.equals(fileSystemId)) {
      throw new IllegalArgumentException("mount target " + mountTargetId + " belongs to file system " + m.fileSystemId
          + ", not " + fileSystemId);
    }
    absent.remove(Section.EFS_MOUNT_TARGETS);
    return m;
  }

  void efsPolicy(EfsFileSystemPolicy policy) {
    efsPolicies.put(policy.fileSystemId(), policy);
  }

  /**
   * Records a failed capture call, for example {@code ("ec2:DescribeNetworkAcls", "UnauthorizedOperation", "…")}.
   * The fake answers that call with this error while the section is unknown.
   *
   * @param operation the operation
   * @param code the code
   * @param message what was found, in one sentence or more
   * @return this builder
   */
  public NetworkBuilder captureError(String operation, String code, String message) {
    errors.add(CaptureError.of(operation, code, message));
    return this;
  }

  /**
   * Makes {@code sections} unknown (not captured): their resources are dropped.
   *
   * @param sections the sections
   * @return this builder
   */
  public NetworkBuilder forget(Section... sections) {
    for (Section s : sections) {
      absent.add(s);
      switch (s) {
        case VPCS:
          vpcs.clear();
          break;
        case DHCP_OPTIONS:
          dhcp.clear();
          break;
        case SUBNETS:
          subnets.clear();
          break;
        case SECURITY_GROUPS:
          groups.clear();
          break;
        case ROUTE_TABLES:
          routeTables.clear();
          break;
        case VPC_ENDPOINTS:
          endpoints.clear();
          break;
        case NAT_GATEWAYS:
          nats.clear();
          break;
        case INTERNET_GATEWAYS:
          igws.clear();
          break;
        case NETWORK_ACLS:
          acls.clear();
          break;
        case PREFIX_LISTS:
          prefixLists.clear();
          break;
        case NETWORK_INTERFACES:
          enis.clear();
          break;
        case EFS_FILE_SYSTEMS:
          efs.clear();
          break;
        case EFS_MOUNT_TARGETS:
          mountTargets.clear();
          break;
        case EFS_MOUNT_TARGET_SECURITY_GROUPS:
          mountTargets.replaceAll((id, m) -> m.withoutGroups());
          unlistedTargetGroups.clear();
          break;
        case EFS_FILE_SYSTEM_POLICIES:
          efsPolicies.clear();
          break;
        case FSX_FILE_SYSTEMS:
          fsx.clear();
          break;
        default:
          break;
      }
    }
    return this;
  }

  /**
   * Deletes resources by id. A deleted gateway endpoint takes its routes along; routes to a deleted
   * NAT or internet gateway stay, as {@code blackhole}, as in EC2.
   *
   * @param resourceIds the resource ids
   * @return this builder
   */
  public NetworkBuilder remove(String... resourceIds) {
    for (String id : resourceIds) {
      // every map drops the id (no short-circuit)
      boolean found = vpcs.remove(id) != null;
      found |= dhcp.remove(id) != null;
      found |= subnets.remove(id) != null;
      found |= groups.remove(id) != null;
      found |= routeTables.remove(id) != null;
      found |= prefixLists.remove(id) != null;
      found |= buckets.remove(id) != null;
      found |= acls.remove(id) != null;
      found |= enis.remove(id) != null;
      found |= removeFileSystem(id);
      EfsMountTargetDraft mt = mountTargets.remove(id);
      if (mt != null) {
        mt.networkInterfaceId().ifPresent(enis::remove);
        Optional.ofNullable(efs.get(mt.fileSystemId)).ifPresent(f -> f.recount = true);
        found = true;
      }
      if (endpoints.remove(id) != null) {
        routeTables.values().forEach(r -> r.removeRoutesTo(id));
        found = true;
      }
      if (nats.remove(id) != null || igws.remove(id) != null) {
        routeTables.values().forEach(r -> r.blackhole(id));
        found = true;
      }
      if (!found) {
        throw new IllegalArgumentException("there is no resource " + id + " to remove");
      }
    }
    return this;
  }

  private boolean removeFileSystem(String id) {
    EfsFileSystemDraft e = efs.remove(id);
    FsxFileSystemDraft f = fsx.remove(id);
    if (e == null && f == null) {
      return false;
    }
    for (EfsMountTargetDraft m : List.copyOf(mountTargets.values())) {
      if (m.fileSystemId.equals(id)) {
        mountTargets.remove(m.id);
        m.networkInterfaceId().ifPresent(enis::remove);
      }
    }
    efsPolicies.remove(id);
    if (f != null) {
      f.networkInterfaceIds().forEach(enis::remove);
    }
    return true;
  }

  /** {@return the snapshot of the network built so far: every VPC, subnet, route table, group, endpoint and file system drafted, with their ids resolved} */
  public NetworkSnapshot build() {
    String owner = accountId.orElse(DEFAULT_ACCOUNT);
    addVpcDefaults();
    Map<String, String> subnetVpc = new LinkedHashMap<>();
    Map<String, Integer> freshPerVpc = new LinkedHashMap<>();
    List<Subnet> subnetList = new ArrayList<>();
    for (SubnetDraft s : subnets.values()) {
      String vpc = vpcOf("subnet " + s.id, s.vpcId());
      subnetVpc.put(s.id, vpc);
      int n = freshPerVpc.merge(vpc, 1, Integer::sum);
      String defaultCidr = s.fresh && s.cidr().isEmpty() ? nthSlash24(vpc, n) : null;
      String az = region + (char) ('a' + (n - 1) % 3);
      subnetList.add(s.build(vpc, defaultCidr, az, owner));
    }
    associateDefaultAcls(subnetVpc);
    addEndpointRoutes();
    Map<String, Subnet> subnetIndex = new LinkedHashMap<>();
    subnetList.forEach(s -> subnetIndex.put(s.subnetId(), s));
    addFileSystemInterfaces(subnetIndex);

    List<RouteTable> tables = new ArrayList<>();
    for (RouteTableDraft t : routeTables.values()) {
      String vpc = vpcOf("route table " + t.id, t.vpcId());
      for (String s : t.associatedSubnets()) {
        requireKnown("route table " + t.id + " is associated with subnet " + s, subnets, s);
      }
      tables.add(t.build(vpc, cidrsOf(vpc), owner, () -> ids.next("rtbassoc")));
    }
    List<VpcEndpoint> endpointList = new ArrayList<>();
    for (EndpointDraft e : endpoints.values()) {
      String vpc = vpcOf("VPC endpoint " + e.id, e.vpcId());
      endpointList.add(e.build(vpc, owner, () -> ids.next("eni")));
    }
    List<NatGateway> natList = new ArrayList<>();
    for (NatGatewayDraft n : nats.values()) {
      n.subnetId().ifPresent(s -> requireKnown("NAT gateway " + n.id + " sits in subnet " + s, subnets, s));
      natList.add(n.build(n.subnetId().map(subnetVpc::get)));
    }
    List<InternetGateway> igwList = new ArrayList<>();
    igws.values().forEach(g -> igwList.add(g.build(onlyVpc(), owner)));
    List<NetworkAcl> aclList = new ArrayList<>();
    for (NetworkAclDraft a : acls.values()) {
      aclList.add(a.build(vpcOf("network ACL " + a.id, a.vpcId()), owner));
    }
    List<SecurityGroup> groupList = new ArrayList<>();
    groups.values().forEach(g -> groupList.add(g.build(vpcOf("security group " + g.id, g.vpcId()), owner)));
    List<Vpc> vpcList = new ArrayList<>();
    vpcs.values().forEach(v -> vpcList.add(v.build(owner)));

    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(region).accountId(accountId).capturedAt(capturedAt);
    section(Section.VPCS, vpcList, b::vpcs);
    section(Section.DHCP_OPTIONS, new ArrayList<>(dhcp.values()), b::dhcpOptions);
    section(Section.SUBNETS, subnetList, b::subnets);
    section(Section.SECURITY_GROUPS, groupList, b::securityGroups);
    section(Section.ROUTE_TABLES, tables, b::routeTables);
    section(Section.VPC_ENDPOINTS, endpointList, b::vpcEndpoints);
    section(Section.NAT_GATEWAYS, natList, b::natGateways);
    section(Section.INTERNET_GATEWAYS, igwList, b::internetGateways);
    section(Section.NETWORK_ACLS, aclList, b::networkAcls);
    section(Section.PREFIX_LISTS, new ArrayList<>(prefixLists.values()), b::prefixLists);
    Map<String, BucketFacts> bucketFacts = new LinkedHashMap<>();
    buckets.forEach((name, d) -> bucketFacts.put(name, d.build(region)));
    buildInVpc(b, subnetIndex, owner);
    if (iamBase != null || !roles.isEmpty() || !managedPolicies.isEmpty()) {
      List<IamRole> roleList = new ArrayList<>();
      roles.values().forEach(r -> roleList.add(r.build(owner)));
      List<ManagedPolicy> policyList = new ArrayList<>(managedPolicies.values());
      b.iam(iamBase != null ? iamBase.withRoles(roleList).withPolicies(policyList)
          : IamEvidence.builder().roles(roleList).policies(policyList).build());
    }
    return b.buckets(bucketFacts).errors(errors).build();
  }

  /** The resources inside the VPC: network interfaces, EFS, FSx, and the capture filters. */
  private void buildInVpc(NetworkSnapshot.Builder b, Map<String, Subnet> subnetIndex, String owner) {
    Set<String> used = usedAddresses();
    List<NetworkInterface> interfaces = new ArrayList<>();
    for (NetworkInterfaceDraft n : enis.values()) {
      Optional<Subnet> subnet = n.subnetId().map(subnetIndex::get);
      if (n.fresh && subnet.isEmpty()) {
        n.subnetId().ifPresent(s -> requireKnown("network interface " + n.id + " sits in subnet " + s, subnets, s));
      }
      interfaces.add(n.build(subnet, owner, () -> nextFree(subnet, n.id, used)));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<EfsMountTarget> targets = new ArrayList<>();
    Map<String, List<String>> targetGroups = new LinkedHashMap<>(unlistedTargetGroups);
    for (EfsMountTargetDraft m : mountTargets.values()) {
      targets.add(m.build(m.subnetId().map(subnetIndex::get), owner));
      m.groups().ifPresent(g -> targetGroups.put(m.id, g));
      counts.merge(m.fileSystemId, 1, Integer::sum);
    }
    List<EfsFileSystem> fileSystems = new ArrayList<>();
    efs.values().forEach(f -> fileSystems.add(f.build(region, owner, counts.getOrDefault(f.id, 0))));
    List<FsxFileSystem> lustre = new ArrayList<>();
    for (FsxFileSystemDraft f : fsx.values()) {
      Optional<String> vpc = f.subnetIds().stream().findFirst().map(subnetIndex::get).map(Subnet::vpcId);
      lustre.add(f.build(region, owner, vpc));
    }
    section(Section.NETWORK_INTERFACES, interfaces, b::networkInterfaces);
    section(Section.EFS_FILE_SYSTEMS, fileSystems, b::efsFileSystems);
    section(Section.EFS_MOUNT_TARGETS, targets, b::efsMountTargets);
    section(Section.FSX_FILE_SYSTEMS, lustre, b::fsxFileSystems);
    b.efsMountTargetSecurityGroups(targetGroups).efsFileSystemPolicies(efsPolicies).captureFilters(captureFilters);
  }

  /**
   * The network interfaces the file systems bring along, as EFS and FSx create them: one per new
   * mount target (type {@code efs}, managed by EFS, the mount target's address and groups), and
   * the interfaces of a new FSx file system in its subnet. Security groups set on a mount target
   * or an FSx file system go to their interfaces.
   */
  private void addFileSystemInterfaces(Map<String, Subnet> subnetIndex) {
    Set<String> used = usedAddresses();
    for (EfsMountTargetDraft m : mountTargets.values()) {
      if (!m.fresh && !m.touched) {
        continue;
      }
      Optional<Subnet> subnet = m.subnetId().map(subnetIndex::get);
      if (m.fresh) {
        String s = m.subnetId().orElseThrow(() -> new IllegalArgumentException(
            "EFS mount target " + m.id + " needs its subnet: call subnet(\"subnet-…\") on it"));
        requireKnown("EFS mount target " + m.id + " sits in subnet " + s, subnets, s);
      }
      m.complete(() -> nextFree(subnet, m.id, used), () -> ids.next("eni"));
      String eni = m.networkInterfaceId().orElse(null);
      if (eni == null || (!m.fresh && !enis.containsKey(eni))) {
        continue;
      }
      networkInterface(eni, n -> {
        m.subnetId().ifPresent(n::subnet);
        m.ipAddress().ifPresent(n::address);
        m.groups().ifPresent(g -> n.securityGroups(g.toArray(String[]::new)));
        if (n.fresh) {
          n.type("efs").requesterManaged(true)
              .description("EFS mount target for " + m.fileSystemId + " (" + m.id + ")");
        }
      });
    }
    for (FsxFileSystemDraft f : fsx.values()) {
      f.complete(() -> ids.next("eni"));
      Optional<String> subnet = f.subnetIds().stream().findFirst();
      for (String eni : f.networkInterfaceIds()) {
        if (!enis.containsKey(eni) && (!f.fresh || subnet.isEmpty())) {
          continue;
        }
        networkInterface(eni, n -> {
          if (n.fresh) {
            requireKnown("FSx file system " + f.id + " sits in subnet " + subnet.get(), subnets, subnet.get());
            n.subnet(subnet.get()).requesterManaged(true);
            if (n.addresses().isEmpty()) {
              n.address(nextFree(Optional.ofNullable(subnetIndex.get(subnet.get())), f.id, used));
            }
          }
          f.groups().ifPresent(g -> n.securityGroups(g.toArray(String[]::new)));
        });
      }
    }
  }

  private Set<String> usedAddresses() {
    Set<String> used = new HashSet<>();
    enis.values().forEach(n -> used.addAll(n.addresses()));
    mountTargets.values().forEach(m -> m.ipAddress().ifPresent(used::add));
    return used;
  }

  /** The next address of {@code subnet} no interface holds, from {@code .100} of its block up. */
  private static String nextFree(Optional<Subnet> subnet, String what, Set<String> used) {
    Cidr block = subnet.flatMap(Subnet::cidrBlock).flatMap(Cidr::tryParseIpv4).orElseThrow(() ->
        new IllegalArgumentException(what + " needs an address: give it one, or put it in a subnet with an IPv4 CIDR"));
    for (long i = 100; i < block.size() - 1; i++) {
      String ip = Cidr.formatIpv4(block.ipv4Network() + (int) i);
      if (used.add(ip)) {
        return ip;
      }
    }
    for (long i = 4; i < 100 && i < block.size() - 1; i++) {
      String ip = Cidr.formatIpv4(block.ipv4Network() + (int) i);
      if (used.add(ip)) {
        return ip;
      }
    }
    throw new IllegalArgumentException(what + ": subnet " + subnet.get().subnetId() + " has no free address left");
  }

  private <T> void section(Section s, List<T> items, Consumer<List<T>> set) {
    if (!absent.contains(s)) {
      set.accept(items);
    }
  }

  private void addVpcDefaults() {
    if (fresh && !absent.contains(Section.PREFIX_LISTS)) {
      ensurePrefixList("s3");
    }
    for (VpcDraft v : List.copyOf(vpcs.values())) {
      if (!v.fresh) {
        continue;
      }
      if (v.dhcpOptionsId().isEmpty() && !absent.contains(Section.DHCP_OPTIONS)) {
        String id = ids.next("dopt");
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("domain-name", List.of(region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal"));
        config.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        dhcpOptions(id, config);
        v.dhcpOptions(id);
      }
      boolean hasMain = routeTables.values().stream()
          .anyMatch(t -> t.isMain() && t.vpcId().or(this::onlyVpc).map(v.id::equals).orElse(false));
      if (!hasMain && !absent.contains(Section.ROUTE_TABLES)) {
        routeTable(ids.next("rtb"), t -> t.vpc(v.id).main());
      }
      boolean hasDefaultAcl = acls.values().stream()
          .anyMatch(a -> a.isDefault() && a.vpcId().or(this::onlyVpc).map(v.id::equals).orElse(false));
      if (!hasDefaultAcl && !absent.contains(Section.NETWORK_ACLS)) {
        networkAcl(ids.next("acl"), a -> a.vpc(v.id).asDefault().allowAll());
      }
    }
  }

  private void associateDefaultAcls(Map<String, String> subnetVpc) {
    if (absent.contains(Section.NETWORK_ACLS)) {
      return;
    }
    for (SubnetDraft s : subnets.values()) {
      if (!s.fresh || acls.values().stream().anyMatch(a -> a.subnets().contains(s.id))) {
        continue;
      }
      String vpc = subnetVpc.get(s.id);
      acls.values().stream()
          .filter(a -> a.isDefault() && a.vpcId().or(this::onlyVpc).map(vpc::equals).orElse(false))
          .findFirst()
          .ifPresent(a -> a.associate(s.id));
    }
  }

  private void addEndpointRoutes() {
    for (EndpointDraft e : endpoints.values()) {
      if (e.type != EndpointType.GATEWAY) {
        continue;
      }
      for (String rtb : e.routeTableIds()) {
        requireKnown("gateway endpoint " + e.id + " routes route table " + rtb, routeTables, rtb);
        String suffix = e.serviceName.substring(e.serviceName.lastIndexOf('.') + 1);
        String pl = ensurePrefixList(suffix);
        routeTables.get(rtb).addEndpointRoute(pl, e.id);
      }
    }
  }

  private String ensurePrefixList(String service) {
    String name = "com.amazonaws." + region + "." + service;
    for (PrefixList p : prefixLists.values()) {
      if (p.prefixListName().equals(name)) {
        return p.prefixListId();
      }
    }
    PrefixList p = KnownPrefixLists.of(region, service);
    prefixLists.put(p.prefixListId(), p);
    absent.remove(Section.PREFIX_LISTS);
    return p.prefixListId();
  }

  private Optional<String> onlyVpc() {
    return vpcs.size() == 1 ? Optional.of(vpcs.keySet().iterator().next()) : Optional.empty();
  }

  private String vpcOf(String what, Optional<String> declared) {
    if (declared.isPresent()) {
      if (!vpcs.containsKey(declared.get()) && !absent.contains(Section.VPCS)) {
        throw new IllegalArgumentException(what + " belongs to VPC " + declared.get()
            + ", which the network does not have; known VPCs: " + vpcs.keySet());
      }
      return declared.get();
    }
    return onlyVpc().orElseThrow(() -> new IllegalArgumentException(what + " needs its VPC: call vpc(\"vpc-…\") on it"
        + (vpcs.isEmpty() ? " after adding the VPC with NetworkBuilder.vpc(…)" : "; the network has VPCs " + vpcs.keySet())));
  }

  private List<String> cidrsOf(String vpcId) {
    VpcDraft v = vpcs.get(vpcId);
    if (v == null || v.cidr() == null) {
      return List.of();
    }
    return List.of(v.cidr());
  }

  private String nthSlash24(String vpcId, int n) {
    VpcDraft v = vpcs.get(vpcId);
    String base = v == null || v.cidr() == null ? "10.0.0.0/16" : v.cidr();
    Optional<Cidr> block = base.indexOf('/') < 0 ? Optional.empty() : Cidr.tryParseIpv4(base);
    if (block.isEmpty()) {
      throw new IllegalArgumentException("VPC " + vpcId + " has CIDR " + base + ", not an IPv4 CIDR block such as 10.0.0.0/16");
    }
    int network = block.get().ipv4Network();
    return (network >>> 24) + "." + ((network >>> 16) & 0xFF) + "." + n + ".0/24";
  }

  private static void requireKnown(String what, Map<String, ?> known, String id) {
    if (!known.containsKey(id)) {
      throw new IllegalArgumentException(what + ", which the network does not have; known: " + known.keySet());
    }
  }
}
