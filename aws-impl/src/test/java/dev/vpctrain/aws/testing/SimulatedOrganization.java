package dev.vpctrain.aws.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated AWS organisation served over the real wire protocols by one loopback WireMock server,
 * for tests and benchmarks of a multi-account audit: STS {@code AssumeRole} (and
 * {@code GetCallerIdentity}), Organizations {@code ListAccounts}, SageMaker's list and describe calls
 * of training, processing and tuning jobs, EC2's network reads and S3's bucket reads.
 *
 * <p>Every SDK client gets {@code endpointOverride(org.endpoint())} (S3 also
 * {@code forcePathStyle(true)}). A request belongs to the account whose access key signed it (the
 * {@code Credential=} of its SigV4 {@code Authorization} header): the keys {@code AssumeRole} hands out
 * are {@code ASIA} + the 12-digit account id + {@code SIMU}; any other key is the management
 * account's. The region is the credential scope's.
 *
 * <p>The content is deterministic and generated lazily per (account, region); only a bounded number
 * of generated account-regions is cached, so a thousand accounts stay small in memory.
 *
 * <p>Member accounts ({@code 111100000000 + i}, i = 1..n, named {@code acct-<i>}) have, in each
 * region, {@link Builder#vpcsPerRegion} VPCs (VPC {@code v}: CIDR {@code 10.v.0.0/16}, subnets
 * {@code 10.v.s.0/24} in zones a, b, c…, one security group {@code sagemaker-jobs} admitting itself
 * and allowing all egress, one route table with the local route and an S3 gateway endpoint route,
 * the S3 gateway endpoint, a network ACL allowing everything, and the region's S3 prefix list) and
 * {@link Builder#jobsPerRegion} jobs, job {@code j} in VPC {@code j % vpcs + 1} with all its
 * subnets and its group. Faults on purpose ({@link #fault}): account index {@code % 5 == 1} — VPC 2
 * has neither the S3 route nor the S3 endpoint; {@code % 5 == 2} — VPC 3's group does not admit
 * itself (with fewer VPCs, the last VPC). Buckets: {@code acme-<account>-data} in the first region,
 * and {@code acme-<account>-data-<region>} in each other region; jobs read {@code data/} and write
 * {@code output/} of their region's bucket. Accounts with index {@code % 3 == 0} have a bucket
 * policy (denying insecure transport), the others none.
 */
public final class SimulatedOrganization implements AutoCloseable {
  /** The first member account is {@code BASE_ACCOUNT + 1}. */
  public static final long BASE_ACCOUNT = 111100000000L;
  static final String SECRET_PREFIX = "simulated-secret-";

  /** A job's kind. */
  public enum JobKind {
    TRAINING, PROCESSING, TUNING
  }

  /** A fault built into some member accounts' networks, in every region. */
  public enum Fault {
    /** VPC 2's route table has no S3 route and the VPC has no S3 endpoint. */
    NO_S3_ROUTE(2),
    /** VPC 3's security group does not admit itself (no ingress at all). */
    GROUP_NOT_SELF_REFERENCING(3);

    private final int vpc;

    Fault(int vpc) {
      this.vpc = vpc;
    }

    /** The VPC (1-based) of the fault when the region has that many VPCs. */
    public int vpcIndex() {
      return vpc;
    }
  }

  /**
   * What a generated job is: its name, kind, status ({@code Completed}, {@code Failed},
   * {@code InProgress}), creation and end time ({@code endTime} null while in progress), its VPC
   * (1-based), the subnets and groups of its VPC config, its data bucket, and the failure reason of a
   * failed job (null otherwise).
   */
  public record JobFacts(String name, JobKind kind, String status, Instant creationTime, Instant endTime,
      int vpcIndex, List<String> subnetIds, List<String> securityGroupIds, String bucket, String failureReason) {
    public Optional<Instant> end() {
      return Optional.ofNullable(endTime);
    }

    public Optional<String> failure() {
      return Optional.ofNullable(failureReason);
    }
  }

  /** One generated account-region: what EC2 and S3 serve, and the SageMaker jobs by creation time. */
  record World(FakeAccount fake, List<JobFacts> jobs, Map<String, JobFacts> byName) {}

  static final String DATA_DOWNLOAD_FAILED = "ClientError: Data download failed:Please ensure that the subnet's route "
      + "table has a route to an S3 VPC endpoint or a NAT device, and both the security groups and the subnet's "
      + "network ACL allow outbound traffic to S3.";
  static final String PROCESSING_DOWNLOAD_FAILED = "ClientError: Failed to download data. Please ensure that the "
      + "subnet's route table has a route to an S3 VPC endpoint or a NAT device, and both the security groups and "
      + "the subnet's network ACL allow outbound traffic to S3.";
  static final String NOT_ENOUGH_IPS = "ClientError: Failed to invoke sagemaker:CreateTrainingJob. Error Details: "
      + "The subnet does not have enough free IP addresses for the requested instances.";
  static final String TUNING_FAILED = "No training job succeeded after 5 attempts. For additional details, please take "
      + "a look at the training job failures by listing training jobs for the hyperparameter tuning job.";

  private static final int CACHED_WORLDS = 256;

  final Config config;
  private final List<String> accountIds;
  private final Map<String, World> worlds = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, World> eldest) {
          return size() > CACHED_WORLDS;
        }
      });
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private WireMockServer wm;

  private SimulatedOrganization(Config config) {
    this.config = config;
    List<String> ids = new ArrayList<>(config.accounts);
    for (int i = 1; i <= config.accounts; i++) {
      ids.add(accountId(i));
    }
    this.accountIds = List.copyOf(ids);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the server (once); returns this. */
  public synchronized SimulatedOrganization start() {
    if (wm != null) {
      return this;
    }
    SimulatedOrganizationTransformer transformer = new SimulatedOrganizationTransformer(this);
    WireMockServer server = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .containerThreads(200)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(64)
        .disableRequestJournal()
        .extensions(transformer));
    server.start();
    ResponseDefinitionBuilder response = aResponse().withTransformers(SimulatedOrganizationTransformer.NAME);
    if (!config.latency.isZero()) {
      response.withFixedDelay(Math.toIntExact(config.latency.toMillis()));
    }
    server.stubFor(any(anyUrl()).willReturn(response));
    wm = server;
    return this;
  }

  /** The one endpoint of every service. */
  public URI endpoint() {
    if (wm == null) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://127.0.0.1:" + wm.port());
  }

  @Override
  public synchronized void close() {
    if (wm != null) {
      wm.stop();
      wm = null;
    }
  }

  /** The member accounts, in order (the management account is not one of them). */
  /** The instant the organisation's jobs are dated before (the audit's "now"). */
  public Instant now() {
    return config.now;
  }

  public List<String> accountIds() {
    return accountIds;
  }

  public String managementAccount() {
    return config.management;
  }

  public List<String> regions() {
    return config.regions;
  }

  public String roleName() {
    return config.roleName;
  }

  /** Calls received, by operation ({@code AssumeRole}, {@code ListTrainingJobs}, {@code DescribeSubnets}, …), throttled ones included. */
  public Map<String, Long> calls() {
    return snapshot(calls);
  }

  /** Calls answered with a throttling error, by operation. */
  public Map<String, Long> throttled() {
    return snapshot(throttled);
  }

  /** Every call received. */
  public long totalCalls() {
    return total.sum();
  }

  public void resetCounters() {
    calls.clear();
    throttled.clear();
    total.reset();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  void counted(String operation) {
    total.increment();
    calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  void throttledOnce(String operation) {
    throttled.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  /** The number of jobs (of all kinds) in {@code accountId}'s {@code region}. */
  public int jobsIn(String accountId, String region) {
    return jobs(accountId, region).size();
  }

  /** The jobs of {@code accountId}'s {@code region}, by creation time (empty for an unknown account or region). */
  public List<JobFacts> jobs(String accountId, String region) {
    return world(accountId, region).jobs();
  }

  /** The jobs of one kind in {@code accountId}'s {@code region}, by creation time. */
  public List<JobFacts> jobs(String accountId, String region, JobKind kind) {
    return jobs(accountId, region).stream().filter(j -> j.kind() == kind).toList();
  }

  /** The network EC2 serves for {@code accountId}'s {@code region} (without a deleted VPC). */
  public NetworkSnapshot network(String accountId, String region) {
    return world(accountId, region).fake().network();
  }

  /** The fault built into {@code accountId}'s networks, if any. */
  public Optional<Fault> fault(String accountId) {
    int i = memberIndex(accountId);
    if (i <= 0) {
      return Optional.empty();
    }
    return switch (i % 5) {
      case 1 -> Optional.of(Fault.NO_S3_ROUTE);
      case 2 -> Optional.of(Fault.GROUP_NOT_SELF_REFERENCING);
      default -> Optional.empty();
    };
  }

  /** The VPC (1-based) of {@code fault} in a region of this organisation. */
  public int faultyVpc(Fault fault) {
    return Math.min(fault.vpcIndex(), config.vpcsPerRegion);
  }

  /** The data bucket of {@code accountId}'s jobs in {@code region}. */
  public String bucket(String accountId, String region) {
    return region.equals(config.regions.get(0)) ? "acme-" + accountId + "-data" : "acme-" + accountId + "-data-" + region;
  }

  /** The name of account {@code accountId} ({@code acct-<i>}, {@code management} for the management account). */
  public String accountName(String accountId) {
    int i = memberIndex(accountId);
    return i > 0 ? "acct-" + i : "management";
  }

  static String accountId(int index) {
    return String.format("%012d", BASE_ACCOUNT + index);
  }

  /** The index (1..n) of a member account, 0 for the management account, -1 otherwise. */
  int memberIndex(String accountId) {
    if (accountId.equals(config.management)) {
      return 0;
    }
    if (accountId.length() != 12) {
      return -1;
    }
    try {
      long i = Long.parseLong(accountId) - BASE_ACCOUNT;
      return i >= 1 && i <= config.accounts ? (int) i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  boolean denied(String accountId) {
    return config.deniedAccounts.contains(accountId);
  }

  boolean disabled(String accountId, String region) {
    return config.disabledRegions.contains(accountId + "/" + region);
  }

  World world(String accountId, String region) {
    String key = accountId + "/" + region;
    World w = worlds.get(key);
    if (w == null) {
      w = generate(accountId, region);
      worlds.put(key, w);
    }
    return w;
  }

  // ---- generation ----

  private World generate(String accountId, String region) {
    int account = memberIndex(accountId);
    int r = config.regions.indexOf(region);
    Map<String, FakeAccount.Bucket> buckets = new LinkedHashMap<>();
    if (account > 0) {
      for (String each : config.regions) {
        buckets.put(bucket(accountId, each), new FakeAccount.Bucket(each.equals("us-east-1") ? null : each,
            account % 3 == 0 ? policy(bucket(accountId, each)) : null));
      }
    }
    if (account <= 0 || r < 0) {
      return new World(withBuckets(FakeAccount.of(NetworkSnapshot.builder().region(region).accountId(accountId)
          .build()), buckets), List.of(), Map.of());
    }
    boolean deleted = config.deletedVpcs.contains(accountId + "/" + region);
    List<List<String>> subnetsByVpc = new ArrayList<>();
    List<List<String>> groupsByVpc = new ArrayList<>();
    NetworkSnapshot network = network(accountId, account, r, region, deleted, subnetsByVpc, groupsByVpc);
    List<JobFacts> jobs = jobs(account, r, region, subnetsByVpc, groupsByVpc, bucket(accountId, region));
    Map<String, JobFacts> byName = new HashMap<>();
    jobs.forEach(j -> byName.put(j.name(), j));
    return new World(withBuckets(FakeAccount.of(network), buckets).withPageSize(config.ec2PageSize), jobs, byName);
  }

  private static FakeAccount withBuckets(FakeAccount fake, Map<String, FakeAccount.Bucket> buckets) {
    FakeAccount out = fake;
    for (Map.Entry<String, FakeAccount.Bucket> b : buckets.entrySet()) {
      out = out.withBucket(b.getKey(), b.getValue().locationConstraint(), b.getValue().policy());
    }
    return out;
  }

  private static String policy(String bucket) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::"
        + bucket + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
  }

  /** A 17-hex-digit id unique per (account, region, kind of resource, sequence). */
  static String id(String prefix, int account, int region, int seq) {
    return String.format("%s-0%06x%02x%08x", prefix, account & 0xffffff, region & 0xff, seq);
  }

  static String prefixListId(String region) {
    return switch (region) {
      case "us-east-1" -> "pl-63a5400a";
      case "eu-west-1" -> "pl-6da54004";
      case "us-west-2" -> "pl-68a54001";
      default -> String.format("pl-%08x", region.hashCode());
    };
  }

  /** {@code us-east-1} → {@code use1}, as zone ids are named. */
  static String shortRegion(String region) {
    String[] parts = region.split("-", -1);
    if (parts.length < 3) {
      return region;
    }
    return parts[0] + parts[1].charAt(0) + parts[2];
  }

  private NetworkSnapshot network(String accountId, int account, int r, String region, boolean deleteFirst,
      List<List<String>> subnetsByVpc, List<List<String>> groupsByVpc) {
    Optional<Fault> fault = fault(accountId);
    int brokenVpc = fault.map(this::faultyVpc).orElse(-1);
    String s3PrefixList = prefixListId(region);
    List<Vpc> vpcs = new ArrayList<>();
    List<DhcpOptions> dhcp = new ArrayList<>();
    List<Subnet> subnets = new ArrayList<>();
    List<SecurityGroup> groups = new ArrayList<>();
    List<RouteTable> tables = new ArrayList<>();
    List<VpcEndpoint> endpoints = new ArrayList<>();
    List<NetworkAcl> acls = new ArrayList<>();
    String dopt = id("dopt", account, r, 0);
    dhcp.add(DhcpOptions.builder().dhcpOptionsId(dopt)
        .putConfiguration("domain-name", List.of(region.equals("us-east-1") ? "ec2.internal"
            : region + ".compute.internal"))
        .putConfiguration("domain-name-servers", List.of("AmazonProvidedDNS"))
        .build());
    String shortRegion = shortRegion(region);
    for (int v = 1; v <= config.vpcsPerRegion; v++) {
      String vpcId = id("vpc", account, r, v);
      String cidr = "10." + v + ".0.0/16";
      String sg = id("sg", account, r, v);
      String rtb = id("rtb", account, r, v);
      String vpce = id("vpce", account, r, v);
      List<String> subnetIds = new ArrayList<>();
      for (int s = 1; s <= config.subnetsPerVpc; s++) {
        subnetIds.add(id("subnet", account, r, v * 256 + s));
      }
      subnetsByVpc.add(List.copyOf(subnetIds));
      groupsByVpc.add(List.of(sg));
      if (deleteFirst && v == 1) {
        continue;
      }
      boolean noS3 = fault.isPresent() && fault.get() == Fault.NO_S3_ROUTE && v == brokenVpc;
      boolean notSelf = fault.isPresent() && fault.get() == Fault.GROUP_NOT_SELF_REFERENCING && v == brokenVpc;
      vpcs.add(Vpc.builder().vpcId(vpcId).cidrBlock(cidr).addCidrBlock(cidr).instanceTenancy("default")
          .dhcpOptionsId(dopt).ownerId(accountId).state("available").enableDnsSupport(true).enableDnsHostnames(true)
          .addTag(Tag.of("Name", "ml-vpc-" + v)).build());
      RouteTable.Builder table = RouteTable.builder().routeTableId(rtb).vpcId(vpcId).ownerId(accountId)
          .addAssociation(RouteTableAssociation.builder().main(true)
              .routeTableAssociationId(id("rtbassoc", account, r, v * 256)).state("associated").build())
          .addRoute(Route.builder().destinationCidrBlock(cidr).gatewayId("local").state("active")
              .origin("CreateRouteTable").build())
          .addTag(Tag.of("Name", "ml-private-" + v));
      NetworkAcl.Builder acl = NetworkAcl.builder().networkAclId(id("acl", account, r, v)).vpcId(vpcId)
          .isDefault(true).ownerId(accountId)
          .addEntry(AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true)
              .cidrBlock("0.0.0.0/0").build())
          .addEntry(AclEntry.builder().ruleNumber(32767).egress(false).protocol("-1").allow(false)
              .cidrBlock("0.0.0.0/0").build())
          .addEntry(AclEntry.builder().ruleNumber(100).egress(true).protocol("-1").allow(true)
              .cidrBlock("0.0.0.0/0").build())
          .addEntry(AclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").allow(false)
              .cidrBlock("0.0.0.0/0").build());
      for (int s = 1; s <= config.subnetsPerVpc; s++) {
        String subnetId = subnetIds.get(s - 1);
        int zone = (s - 1) % 3;
        subnets.add(Subnet.builder().subnetId(subnetId).vpcId(vpcId).cidrBlock("10." + v + "." + s + ".0/24")
            .availabilityZone(region + (char) ('a' + zone)).availabilityZoneId(shortRegion + "-az" + (zone + 1))
            .availableIpAddressCount(200 + (account * 7 + s * 13 + v) % 51).state("available")
            .mapPublicIpOnLaunch(false).ownerId(accountId).addTag(Tag.of("Name", "ml-private-" + v + "-" + s))
            .build());
        table.addAssociation(RouteTableAssociation.builder()
            .routeTableAssociationId(id("rtbassoc", account, r, v * 256 + s)).subnetId(subnetId).state("associated")
            .build());
        acl.addSubnetId(subnetId);
      }
      if (!noS3) {
        table.addRoute(Route.builder().destinationPrefixListId(s3PrefixList).gatewayId(vpce).state("active")
            .origin("CreateRoute").build());
        endpoints.add(VpcEndpoint.builder().vpcEndpointId(vpce).type(EndpointType.GATEWAY).vpcId(vpcId)
            .serviceName("com.amazonaws." + region + ".s3").state("available")
            .policyDocument(Networks.ENDPOINT_POLICY).addRouteTableId(rtb).ownerId(accountId).build());
      }
      SecurityGroup.Builder group = SecurityGroup.builder().groupId(sg).groupName("sagemaker-jobs")
          .description("SageMaker jobs").vpcId(vpcId).ownerId(accountId)
          .addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build());
      if (!notSelf) { // EFA needs all traffic to and from the group itself, both ways
        group.addIngress(Permission.builder().ipProtocol("-1").addGroupId(sg).build());
        group.addEgress(Permission.builder().ipProtocol("-1").addGroupId(sg).build());
      }
      groups.add(group.build());
      tables.add(table.build());
      acls.add(acl.build());
    }
    return NetworkSnapshot.builder()
        .region(region)
        .accountId(accountId)
        .vpcs(vpcs)
        .dhcpOptions(dhcp)
        .subnets(subnets)
        .securityGroups(groups)
        .routeTables(tables)
        .vpcEndpoints(endpoints)
        .natGateways(List.of())
        .internetGateways(List.of())
        .networkAcls(acls)
        .prefixLists(List.of(PrefixList.builder().prefixListId(s3PrefixList)
            .prefixListName("com.amazonaws." + region + ".s3")
            .addCidrs("3.5.0.0/19", "16.182.0.0/16", "52.216.0.0/15", "54.231.0.0/16").build()))
        .build();
  }

  private List<JobFacts> jobs(int account, int r, String region, List<List<String>> subnetsByVpc,
      List<List<String>> groupsByVpc, String bucket) {
    SplittableRandom rng = new SplittableRandom(account * 1_000_003L + r * 7919L + 17);
    String shortRegion = shortRegion(region);
    List<JobFacts> jobs = new ArrayList<>(config.jobsPerRegion);
    long window = Duration.ofDays(60).toMillis();
    for (int j = 0; j < config.jobsPerRegion; j++) {
      double k = rng.nextDouble();
      JobKind kind = k < 0.80 ? JobKind.TRAINING : k < 0.92 ? JobKind.PROCESSING : JobKind.TUNING;
      double s = rng.nextDouble();
      String status = s < 0.15 ? "Failed" : s < 0.19 ? "InProgress" : "Completed";
      long ageMillis = status.equals("InProgress") ? 60_000 + rng.nextLong(Duration.ofHours(6).toMillis())
          : 3_600_000 + rng.nextLong(window - 3_600_000);
      Instant created = config.now.minusMillis(ageMillis);
      Instant end = null;
      if (!status.equals("InProgress")) {
        long runMillis = 300_000 + rng.nextLong(Duration.ofHours(4).toMillis());
        end = created.plusMillis(Math.min(runMillis, ageMillis - 60_000));
      }
      String failure = null;
      if (status.equals("Failed")) {
        double f = rng.nextDouble();
        failure = switch (kind) {
          case TRAINING -> f < 0.8 ? DATA_DOWNLOAD_FAILED : NOT_ENOUGH_IPS;
          case PROCESSING -> PROCESSING_DOWNLOAD_FAILED;
          case TUNING -> TUNING_FAILED;
        };
      }
      String prefix = switch (kind) {
        case TRAINING -> "train";
        case PROCESSING -> "prep";
        case TUNING -> "tune";
      };
      String name = String.format("%s-%s-%04d", prefix, shortRegion, j);
      int vpc = j % config.vpcsPerRegion + 1;
      jobs.add(new JobFacts(name, kind, status, created, end, vpc, subnetsByVpc.get(vpc - 1),
          groupsByVpc.get(vpc - 1), bucket, failure));
    }
    jobs.sort((a, b) -> a.creationTime().compareTo(b.creationTime()));
    return List.copyOf(jobs);
  }

  // ---- configuration ----

  static final class Config {
    int accounts = 10;
    String management = String.format("%012d", BASE_ACCOUNT);
    List<String> regions = List.of("us-east-1", "eu-west-1");
    int vpcsPerRegion = 3;
    int subnetsPerVpc = 2;
    int jobsPerRegion = 50;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String roleName = "VpcTrainAudit";
    Set<String> deniedAccounts = new HashSet<>();
    Set<String> disabledRegions = new HashSet<>();
    Set<String> deletedVpcs = new HashSet<>();
    Duration latency = Duration.ZERO;
    int pageSize = 100;
    /** EC2 answers up to 1,000 items a page (its own cap) unless {@code pageSize} asks for smaller pages. */
    int ec2PageSize = 1000;
    double callsPerSecond;
    int burst;

    Config copy() {
      Config c = new Config();
      c.accounts = accounts;
      c.management = management;
      c.regions = regions;
      c.vpcsPerRegion = vpcsPerRegion;
      c.subnetsPerVpc = subnetsPerVpc;
      c.jobsPerRegion = jobsPerRegion;
      c.now = now;
      c.roleName = roleName;
      c.deniedAccounts = Set.copyOf(deniedAccounts);
      c.disabledRegions = Set.copyOf(disabledRegions);
      c.deletedVpcs = Set.copyOf(deletedVpcs);
      c.latency = latency;
      c.pageSize = pageSize;
      c.ec2PageSize = ec2PageSize;
      c.callsPerSecond = callsPerSecond;
      c.burst = burst;
      return c;
    }
  }

  /** Builds a {@link SimulatedOrganization}; every setting has the default documented on it. */
  public static final class Builder {
    private final Config c = new Config();

    private Builder() {}

    /** Member accounts {@code 111100000001}…, named {@code acct-1}…; default 10. */
    public Builder accounts(int n) {
      if (n < 0 || n > 0xffffff) {
        throw new IllegalArgumentException("accounts: " + n);
      }
      c.accounts = n;
      return this;
    }

    /** Default {@code 111100000000}. */
    public Builder managementAccount(String accountId) {
      c.management = Objects.requireNonNull(accountId);
      return this;
    }

    /** Default us-east-1 and eu-west-1; the first holds the account's main bucket. */
    public Builder regions(String... regions) {
      if (regions.length == 0) {
        throw new IllegalArgumentException("at least one region");
      }
      c.regions = List.of(regions);
      return this;
    }

    /** Default 3. */
    public Builder vpcsPerRegion(int n) {
      c.vpcsPerRegion = positive(n, "vpcsPerRegion");
      return this;
    }

    /** Default 2 (at most 255). */
    public Builder subnetsPerVpc(int n) {
      c.subnetsPerVpc = positive(Math.min(n, 255), "subnetsPerVpc");
      return this;
    }

    /** Default 50. */
    public Builder jobsPerRegion(int n) {
      if (n < 0 || n > 10_000) {
        throw new IllegalArgumentException("jobsPerRegion: " + n);
      }
      c.jobsPerRegion = n;
      return this;
    }

    /** Jobs are created in the 60 days before {@code now}; default the start of the builder, to the second. */
    public Builder now(Instant now) {
      c.now = Objects.requireNonNull(now);
      return this;
    }

    /** The role AssumeRole admits in every account; default {@code VpcTrainAudit}. */
    public Builder roleName(String roleName) {
      c.roleName = Objects.requireNonNull(roleName);
      return this;
    }

    /** AssumeRole into {@code accountId} answers AccessDenied. */
    public Builder denyAssumeRole(String accountId) {
      c.deniedAccounts.add(accountId);
      return this;
    }

    /** {@code region} is an opt-in region not enabled in {@code accountId}. */
    public Builder disabledRegion(String accountId, String region) {
      c.disabledRegions.add(accountId + "/" + region);
      return this;
    }

    /** The first VPC of {@code accountId}'s {@code region} is deleted; its jobs still name its subnets and group. */
    public Builder deletedVpc(String accountId, String region) {
      c.deletedVpcs.add(accountId + "/" + region);
      return this;
    }

    /** Every answer is delayed by {@code latency} (without holding a server thread); default none. */
    public Builder latency(Duration latency) {
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency: " + latency);
      }
      c.latency = latency;
      return this;
    }

    /** The largest page of SageMaker, EC2 (and, up to 20, Organizations) lists; default 100 (EC2: 1,000, its cap). */
    public Builder pageSize(int pageSize) {
      c.pageSize = positive(pageSize, "pageSize");
      c.ec2PageSize = pageSize;
      return this;
    }

    /**
     * Per account, region and operation, a token bucket of {@code burst} calls refilled at
     * {@code callsPerSecond}; calls beyond it answer the service's throttling error. Default none.
     */
    public Builder throttle(double callsPerSecond, int burst) {
      if (callsPerSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("throttle: " + callsPerSecond + "/s, burst " + burst);
      }
      c.callsPerSecond = callsPerSecond;
      c.burst = burst;
      return this;
    }

    /** The organisation, not yet started. */
    public SimulatedOrganization build() {
      return new SimulatedOrganization(c.copy());
    }

    /** The organisation, started. */
    public SimulatedOrganization start() {
      return build().start();
    }

    private static int positive(int n, String what) {
      if (n < 1) {
        throw new IllegalArgumentException(what + ": " + n);
      }
      return n;
    }
  }
}
