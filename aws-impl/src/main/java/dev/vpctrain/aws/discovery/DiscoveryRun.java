package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One discovery: two rounds of concurrent calls. Round one describes the job's subnets and groups
 * by id (to learn the VPC) while everything that needs no VPC id starts too (S3 prefix list, DHCP
 * option sets, every bucket's location and policy). Round two describes the rest of the VPC,
 * filtered by {@code vpc-id}. Every call is caught: a failure becomes a {@link CaptureError} and
 * leaves its section absent.
 */
final class DiscoveryRun {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRun.class);

  private final Ec2Client ec2;
  private final S3Client s3;
  private final String region;
  private final Executor executor;
  private final List<CaptureError> errors = Collections.synchronizedList(new ArrayList<>());

  DiscoveryRun(Ec2Client ec2, S3Client s3, String region, Executor executor) {
    this.ec2 = ec2;
    this.s3 = s3;
    this.region = region;
    this.executor = executor;
  }

  NetworkSnapshot run(Target target, Instant capturedAt) {
    long start = System.nanoTime();
    // Round one: the job's own subnets and groups, and everything that does not need the VPC id.
    CompletableFuture<Optional<List<Subnet>>> jobSubnets = target.subnetIds().isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : async(Section.SUBNETS.operation(), () -> describeSubnets(filter("subnet-id", target.subnetIds())));
    CompletableFuture<Optional<List<SecurityGroup>>> jobGroups = target.groupIds().isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : async(Section.SECURITY_GROUPS.operation(), () -> describeGroups(filter("group-id", target.groupIds())));
    boolean inVpc = !target.subnetIds().isEmpty() || !target.groupIds().isEmpty() || !target.vpcIds().isEmpty();
    CompletableFuture<Optional<List<PrefixList>>> prefixLists = inVpc
        ? async(Section.PREFIX_LISTS.operation(), this::describeS3PrefixList)
        : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Optional<List<DhcpOptions>>> dhcp = inVpc
        ? async(Section.DHCP_OPTIONS.operation(), this::describeDhcpOptions)
        : CompletableFuture.completedFuture(Optional.empty());
    Map<String, BucketCalls> buckets = new LinkedHashMap<>();
    for (String bucket : target.buckets()) {
      buckets.put(bucket, new BucketCalls(
          async("s3:GetBucketLocation", bucket, () -> bucketRegion(bucket)),
          async("s3:GetBucketPolicy", bucket, () -> bucketPolicy(bucket))));
    }

    Set<String> vpcIds = new LinkedHashSet<>(target.vpcIds());
    jobSubnets.join().ifPresent(l -> l.forEach(s -> vpcIds.add(s.vpcId())));
    jobGroups.join().ifPresent(l -> l.forEach(g -> vpcIds.add(g.vpcId())));

    NetworkSnapshot.Builder snapshot = NetworkSnapshot.builder().region(region).capturedAt(capturedAt);
    if (!vpcIds.isEmpty()) {
      new VpcRound(vpcIds, jobSubnets.join(), jobGroups.join(), dhcp).collectInto(snapshot);
    } else {
      LOG.debug("No VPC found for subnets {} and groups {}: the VPC is not described", target.subnetIds(),
          target.groupIds());
      jobSubnets.join().ifPresent(snapshot::subnets);
      jobGroups.join().ifPresent(snapshot::securityGroups);
      dhcp.join(); // without a VPC no option set is relevant
    }
    prefixLists.join().ifPresent(snapshot::prefixLists);
    buckets.forEach((name, calls) -> calls.facts(name).ifPresent(f -> snapshot.putBucket(name, f)));
    snapshot.errors(sortedErrors());
    NetworkSnapshot result = snapshot.build();
    LOG.debug("Discovered the network of {} VPC(s) in {} ms with {} error(s)", vpcIds.size(),
        (System.nanoTime() - start) / 1_000_000, result.errors().size());
    return result.withAccountId(accountId(result));
  }

  /** Round two: everything filtered by the VPC ids. */
  private final class VpcRound {
    private final List<String> vpcIds;
    private final Optional<List<Subnet>> jobSubnets;
    private final Optional<List<SecurityGroup>> jobGroups;
    private final CompletableFuture<Optional<List<DhcpOptions>>> dhcp;
    private final CompletableFuture<Optional<List<Vpc>>> vpcs;
    private final Map<String, CompletableFuture<Optional<Boolean>>> dnsSupport = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Optional<Boolean>>> dnsHostnames = new LinkedHashMap<>();
    private final CompletableFuture<Optional<List<Subnet>>> subnets;
    private final CompletableFuture<Optional<List<SecurityGroup>>> groups;
    private final CompletableFuture<Optional<List<RouteTable>>> routeTables;
    private final CompletableFuture<Optional<List<VpcEndpoint>>> endpoints;
    private final CompletableFuture<Optional<List<NatGateway>>> natGateways;
    private final CompletableFuture<Optional<List<InternetGateway>>> internetGateways;
    private final CompletableFuture<Optional<List<NetworkAcl>>> networkAcls;

    VpcRound(Set<String> vpcIds, Optional<List<Subnet>> jobSubnets, Optional<List<SecurityGroup>> jobGroups,
        CompletableFuture<Optional<List<DhcpOptions>>> dhcp) {
      this.vpcIds = List.copyOf(vpcIds);
      this.jobSubnets = jobSubnets;
      this.jobGroups = jobGroups;
      this.dhcp = dhcp;
      Filter byVpc = filter("vpc-id", this.vpcIds);
      vpcs = async(Section.VPCS.operation(), () -> pages(ec2.describeVpcsPaginator(r -> r.filters(byVpc)),
          p -> p.vpcs(), Ec2Mapping::vpc));
      for (String vpcId : this.vpcIds) {
        dnsSupport.put(vpcId, async(Section.VPC_ATTRIBUTES.operation(),
            () -> vpcAttribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)));
        dnsHostnames.put(vpcId, async(Section.VPC_ATTRIBUTES.operation(),
            () -> vpcAttribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)));
      }
      subnets = async(Section.SUBNETS.operation(), () -> describeSubnets(byVpc));
      groups = async(Section.SECURITY_GROUPS.operation(), () -> describeGroups(byVpc));
      routeTables = async(Section.ROUTE_TABLES.operation(), () -> pages(
          ec2.describeRouteTablesPaginator(r -> r.filters(byVpc)), p -> p.routeTables(), Ec2Mapping::routeTable));
      endpoints = async(Section.VPC_ENDPOINTS.operation(), () -> pages(
          ec2.describeVpcEndpointsPaginator(r -> r.filters(byVpc)), p -> p.vpcEndpoints(), Ec2Mapping::vpcEndpoint));
      natGateways = async(Section.NAT_GATEWAYS.operation(), () -> pages(
          ec2.describeNatGatewaysPaginator(r -> r.filter(byVpc)), p -> p.natGateways(), Ec2Mapping::natGateway));
      Filter byAttachment = filter("attachment.vpc-id", this.vpcIds);
      internetGateways = async(Section.INTERNET_GATEWAYS.operation(), () -> pages(
          ec2.describeInternetGatewaysPaginator(r -> r.filters(byAttachment)), p -> p.internetGateways(),
          Ec2Mapping::internetGateway));
      networkAcls = async(Section.NETWORK_ACLS.operation(), () -> pages(
          ec2.describeNetworkAclsPaginator(r -> r.filters(byVpc)), p -> p.networkAcls(), Ec2Mapping::networkAcl));
    }

    void collectInto(NetworkSnapshot.Builder snapshot) {
      Optional<List<Vpc>> vpcList = vpcs.join().map(this::withAttributes);
      vpcList.ifPresent(snapshot::vpcs);
      dhcp.join().map(all -> vpcList.map(v -> referenced(all, v)).orElse(all)).ifPresent(snapshot::dhcpOptions);
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
        Optional<Boolean> support = join(dnsSupport.get(v.vpcId()));
        Optional<Boolean> hostnames = join(dnsHostnames.get(v.vpcId()));
        out.add(v.withEnableDnsSupport(support).withEnableDnsHostnames(hostnames));
      }
      return out;
    }

    private List<DhcpOptions> referenced(List<DhcpOptions> all, List<Vpc> vpcList) {
      Set<String> ids = vpcList.stream().flatMap(v -> v.dhcpOptionsId().stream()).collect(Collectors.toSet());
      return all.stream().filter(d -> ids.contains(d.dhcpOptionsId())).toList();
    }
  }

  /** The two S3 calls of one bucket. */
  private record BucketCalls(CompletableFuture<Optional<String>> region,
      CompletableFuture<Optional<Optional<String>>> policy) {
    Optional<BucketFacts> facts(String bucket) {
      Optional<String> where = region.join();
      Optional<Optional<String>> what = policy.join();
      if (where.isEmpty() && what.isEmpty()) {
        return Optional.empty();
      }
      BucketFacts.Builder b = BucketFacts.builder().bucket(bucket).region(where);
      if (what.isPresent()) {
        b.policy(what.get()).policyState(what.get().isPresent() ? PolicyState.PRESENT : PolicyState.NONE);
      } else {
        b.policyState(PolicyState.UNKNOWN);
      }
      return Optional.of(b.build());
    }
  }

  private List<Subnet> describeSubnets(Filter f) {
    return pages(ec2.describeSubnetsPaginator(r -> r.filters(f)), p -> p.subnets(), Ec2Mapping::subnet);
  }

  private List<SecurityGroup> describeGroups(Filter f) {
    return pages(ec2.describeSecurityGroupsPaginator(r -> r.filters(f)), p -> p.securityGroups(),
        Ec2Mapping::securityGroup);
  }

  private List<PrefixList> describeS3PrefixList() {
    Filter byName = filter("prefix-list-name", List.of("com.amazonaws." + region + ".s3"));
    return pages(ec2.describePrefixListsPaginator(r -> r.filters(byName)), p -> p.prefixLists(),
        Ec2Mapping::prefixList);
  }

  private List<DhcpOptions> describeDhcpOptions() {
    return pages(ec2.describeDhcpOptionsPaginator(r -> { }), p -> p.dhcpOptions(), Ec2Mapping::dhcpOptions);
  }

  private Boolean vpcAttribute(String vpcId, VpcAttributeName name) {
    DescribeVpcAttributeResponse r = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(name));
    AttributeBooleanValue value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
        ? r.enableDnsSupport()
        : r.enableDnsHostnames();
    if (value == null || value.value() == null) {
      throw new IllegalStateException("DescribeVpcAttribute for " + vpcId + " did not return " + name);
    }
    return value.value();
  }

  private String bucketRegion(String bucket) {
    String constraint = s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
    if (constraint == null || constraint.isEmpty()) {
      return "us-east-1";
    }
    return constraint.equals("EU") ? "eu-west-1" : constraint;
  }

  private Optional<String> bucketPolicy(String bucket) {
    try {
      return Optional.of(s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Runs {@code work} on the executor; its failure is recorded and yields empty. */
  private <T> CompletableFuture<Optional<T>> async(String operation, Supplier<T> work) {
    return async(operation, "", work);
  }

  private <T> CompletableFuture<Optional<T>> async(String operation, String resource, Supplier<T> work) {
    return CompletableFuture.supplyAsync(() -> attempt(operation, resource, work), executor);
  }

  private <T> Optional<T> attempt(String operation, String resource, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      T value = work.get();
      LOG.debug("{} {} took {} ms", operation, resource, (System.nanoTime() - start) / 1_000_000);
      return Optional.of(value);
    } catch (SdkException e) {
      CaptureError error = Failures.of(operation, resource, e);
      LOG.warn("{} {} failed: {} {}", operation, resource, error.code(), error.message());
      LOG.debug("{} {} failure", operation, resource, e);
      errors.add(error);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("{} {} returned a response that could not be read", operation, resource, e);
      errors.add(Failures.malformed(operation, resource, e));
      return Optional.empty();
    }
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

  private static Filter filter(String name, Collection<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  private static <T> Optional<T> join(CompletableFuture<Optional<T>> f) {
    return f == null ? Optional.empty() : f.join();
  }

  private static <T> Optional<List<T>> union(Optional<List<T>> main, Optional<List<T>> extra, Function<T, String> id) {
    if (main.isEmpty()) {
      return extra;
    }
    if (extra.isEmpty()) {
      return main;
    }
    Map<String, T> byId = new LinkedHashMap<>();
    main.get().forEach(t -> byId.putIfAbsent(id.apply(t), t));
    extra.get().forEach(t -> byId.putIfAbsent(id.apply(t), t));
    return Optional.of(new ArrayList<>(byId.values()));
  }

  private List<CaptureError> sortedErrors() {
    Map<String, CaptureError> unique = new LinkedHashMap<>();
    synchronized (errors) {
      errors.stream()
          .sorted(Comparator.comparing(CaptureError::operation).thenComparing(CaptureError::resource)
              .thenComparing(CaptureError::code).thenComparing(CaptureError::message))
          .forEach(e -> unique.putIfAbsent(e.operation() + "|" + e.resource() + "|" + e.code(), e));
    }
    return new ArrayList<>(unique.values());
  }

  private static Optional<String> accountId(NetworkSnapshot s) {
    return s.vpcs().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst()
        .or(() -> s.subnets().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst())
        .or(() -> s.securityGroups().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst());
  }
}
