package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One discovery in two rounds of concurrent calls. Round one describes the job's subnets and
 * groups by id (to learn the VPC) while everything that needs no VPC id starts too: the region's
 * S3 prefix list, the DHCP option sets, every bucket's location and policy, and the first calls
 * about the file systems and targets the job names ({@link InVpcRound}). Round two
 * ({@link VpcRound}) describes the rest of the VPC, with the mount targets' security groups and the
 * network interfaces round one pointed to. The execution role's and its KMS keys' calls
 * ({@link RoleRound}) start with round one and follow their own answers. Failures are recorded by {@link Calls}.
 */
final class DiscoveryRun {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRun.class);

  private final Ec2Reads ec2;
  private final S3Client s3;
  private final FileSystemReads fileSystems;
  private final IamClient iam;
  private final KmsClient kms;
  private final String region;
  private final Calls calls;

  DiscoveryRun(Ec2Client ec2, S3Client s3, FileSystemReads fileSystems, IamClient iam, KmsClient kms, String region,
      Executor executor) {
    this.ec2 = new Ec2Reads(ec2);
    this.s3 = s3;
    this.fileSystems = fileSystems;
    this.iam = iam;
    this.kms = kms;
    this.region = region;
    this.calls = new Calls(executor);
  }

  NetworkSnapshot run(Target target, Instant capturedAt) {
    long start = System.nanoTime();
    boolean inVpc = !target.subnetIds().isEmpty() || !target.groupIds().isEmpty() || !target.vpcIds().isEmpty();
    CompletableFuture<Optional<List<Subnet>>> jobSubnets = target.subnetIds().isEmpty() ? Calls.skipped()
        : calls.start(Section.SUBNETS.operation(), () -> ec2.subnets(Ec2Reads.filter("subnet-id", target.subnetIds())));
    CompletableFuture<Optional<List<SecurityGroup>>> jobGroups = target.groupIds().isEmpty() ? Calls.skipped()
        : calls.start(Section.SECURITY_GROUPS.operation(),
            () -> ec2.securityGroups(Ec2Reads.filter("group-id", target.groupIds())));
    CompletableFuture<Optional<List<PrefixList>>> prefixLists = inVpc
        ? calls.start(Section.PREFIX_LISTS.operation(), () -> ec2.s3PrefixList(region)) : Calls.skipped();
    CompletableFuture<Optional<List<DhcpOptions>>> dhcp = inVpc
        ? calls.start(Section.DHCP_OPTIONS.operation(), ec2::dhcpOptions) : Calls.skipped();
    Map<String, BucketReads> buckets = new LinkedHashMap<>();
    target.buckets().forEach(b -> buckets.put(b, BucketReads.start(s3, b, calls)));
    Optional<InVpcRound> inVpcResources = target.hasInVpcResources()
        ? Optional.of(new InVpcRound(target, fileSystems, ec2, calls)) : Optional.empty();
    RoleRound role = RoleRound.start(target, iam, kms, calls);

    Set<String> vpcIds = new LinkedHashSet<>(target.vpcIds());
    jobSubnets.join().ifPresent(l -> l.forEach(s -> vpcIds.add(s.vpcId())));
    jobGroups.join().ifPresent(l -> l.forEach(g -> vpcIds.add(g.vpcId())));
    // round two: the VPC's calls start at once; then those that wait for the file systems' answers
    Optional<VpcRound> vpcRound = vpcIds.isEmpty() ? Optional.empty() : Optional.of(new VpcRound(vpcIds, ec2, calls));
    inVpcResources.ifPresent(InVpcRound::startRoundTwo);

    NetworkSnapshot.Builder snapshot = NetworkSnapshot.builder().region(region).capturedAt(capturedAt);
    if (vpcRound.isEmpty()) {
      LOG.debug("No VPC found for subnets {} and groups {}", target.subnetIds(), target.groupIds());
      jobSubnets.join().ifPresent(snapshot::subnets);
      jobGroups.join().ifPresent(snapshot::securityGroups);
    } else {
      vpcRound.get().collectInto(snapshot, jobSubnets.join(), jobGroups.join(), dhcp.join());
    }
    inVpcResources.ifPresent(r -> r.collectInto(snapshot));
    prefixLists.join().ifPresent(snapshot::prefixLists);
    buckets.forEach((name, reads) -> reads.facts().ifPresent(f -> snapshot.putBucket(name, f)));
    role.collectInto(snapshot);
    dhcp.join(); // also without a VPC: every call ends before the errors are read
    // a call that failed part-way (the job's subnets read, the VPC-wide call denied) leaves its section unknown
    NetworkSnapshot result = snapshot.errors(calls.errors()).build().withoutIncomplete();
    LOG.debug("Discovered {} VPC(s) in {} ms with {} failed call(s)", vpcIds.size(),
        (System.nanoTime() - start) / 1_000_000, result.errors().size());
    return result.withAccountId(accountId(result));
  }

  private static Optional<String> accountId(NetworkSnapshot s) {
    return s.vpcs().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst()
        .or(() -> s.subnets().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst())
        .or(() -> s.securityGroups().stream().flatMap(List::stream).flatMap(v -> v.ownerId().stream()).findFirst());
  }
}
