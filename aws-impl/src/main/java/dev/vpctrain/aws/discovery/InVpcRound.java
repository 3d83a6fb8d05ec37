package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.job.VpcTargetKind;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The calls about the resources inside the VPC a job names (the optional bundle sections), only when it names
 * some: EFS and FSx for Lustre file systems of its channels, and the network interfaces of its
 * declared targets. They ride in the two rounds of {@link DiscoveryRun}:
 * <ul>
 *   <li>round one (no VPC id needed): per EFS file system {@code DescribeFileSystems},
 *       {@code DescribeMountTargets} and {@code DescribeFileSystemPolicy}; per FSx file system
 *       {@code DescribeFileSystems}; {@code DescribeNetworkInterfaces} by
 *       {@code addresses.private-ip-address} (address targets) and by {@code group-id} (security-group
 *       targets);</li>
 *   <li>round two (after round one's answers): {@code DescribeMountTargetSecurityGroups} per mount
 *       target, and {@code DescribeNetworkInterfaces} by {@code network-interface-id} for the
 *       {@code eni-…} targets, the FSx file systems' interfaces (FSx lists interfaces, not security
 *       groups) and the mount targets' interfaces (a second source of their groups, used when
 *       {@code DescribeMountTargetSecurityGroups} is denied).</li>
 * </ul>
 * CIDR targets are not looked up (no filter selects the interfaces inside a CIDR). The filters are
 * recorded in {@code captureFilters}: with one filter the record is exact; with several (separate
 * calls, a union) all are recorded, which as a conjunction claims completeness for less than was
 * captured, never for more. Without an EFS or FSx client those sections stay unknown.
 */
final class InVpcRound {
  private static final Logger LOG = LoggerFactory.getLogger(InVpcRound.class);

  private final Target target;
  private final FileSystemReads fs;
  private final Ec2Reads ec2;
  private final Calls calls;
  private final Map<String, CompletableFuture<Optional<List<EfsFileSystem>>>> efsFileSystems = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Optional<List<EfsMountTarget>>>> mountTargets = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Optional<Optional<EfsFileSystemPolicy>>>> policies =
      new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Optional<List<FsxFileSystem>>>> fsxFileSystems = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Optional<List<String>>>> mountTargetGroups = new LinkedHashMap<>();
  private final List<Filter> interfaceFilters = new ArrayList<>();
  private final List<CompletableFuture<Optional<List<NetworkInterface>>>> interfaces = new ArrayList<>();

  /** Starts round one's calls. */
  InVpcRound(Target target, FileSystemReads fs, Ec2Reads ec2, Calls calls) {
    this.target = target;
    this.fs = fs;
    this.ec2 = ec2;
    this.calls = calls;
    if (!target.efsIds().isEmpty() && !fs.hasEfs()) {
      LOG.warn("The job mounts EFS file systems {} but no EfsClient was given: the efs sections stay unknown",
          target.efsIds());
    } else {
      for (String id : target.efsIds()) {
        efsFileSystems.put(id, calls.start(Section.EFS_FILE_SYSTEMS.operation(), id, () -> fs.efsFileSystem(id)));
        mountTargets.put(id, calls.start(Section.EFS_MOUNT_TARGETS.operation(), id, () -> fs.mountTargets(id)));
        policies.put(id, calls.start(Section.EFS_FILE_SYSTEM_POLICIES.operation(), id, () -> fs.policy(id)));
      }
    }
    if (!target.fsxIds().isEmpty() && !fs.hasFsx()) {
      LOG.warn("The job mounts FSx file systems {} but no FSxClient was given: the fsx section stays unknown",
          target.fsxIds());
    } else {
      for (String id : target.fsxIds()) {
        fsxFileSystems.put(id, calls.start(Section.FSX_FILE_SYSTEMS.operation(), id, () -> fs.fsxFileSystem(id)));
      }
    }
    findInterfaces("addresses.private-ip-address", targets(VpcTargetKind.ADDRESS));
    findInterfaces("group-id", targets(VpcTargetKind.SECURITY_GROUP));
  }

  /** Waits for round one's file-system calls and starts round two's. */
  void startRoundTwo() {
    Set<String> interfaceIds = new LinkedHashSet<>(targets(VpcTargetKind.NETWORK_INTERFACE));
    for (CompletableFuture<Optional<List<FsxFileSystem>>> f : fsxFileSystems.values()) {
      f.join().ifPresent(l -> l.forEach(x -> interfaceIds.addAll(x.networkInterfaceIds())));
    }
    for (CompletableFuture<Optional<List<EfsMountTarget>>> f : mountTargets.values()) {
      for (EfsMountTarget m : f.join().orElse(List.of())) {
        mountTargetGroups.put(m.mountTargetId(), calls.start(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS.operation(),
            m.mountTargetId(), () -> fs.mountTargetGroups(m.mountTargetId())));
        m.networkInterfaceId().ifPresent(interfaceIds::add);
      }
    }
    findInterfaces("network-interface-id", List.copyOf(interfaceIds));
  }

  private void findInterfaces(String filterName, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    Filter f = Ec2Reads.filter(filterName, values);
    interfaceFilters.add(f);
    interfaces.add(calls.start(Section.NETWORK_INTERFACES.operation(), () -> ec2.networkInterfaces(f)));
  }

  private List<String> targets(VpcTargetKind kind) {
    return target.vpcTargets().stream().filter(t -> t.kind() == kind).map(VpcTarget::value).distinct().toList();
  }

  /** Waits for round two and fills the snapshot; a section whose calls all failed stays unknown. */
  void collectInto(NetworkSnapshot.Builder snapshot) {
    merged(efsFileSystems.values(), EfsFileSystem::fileSystemId).ifPresent(snapshot::efsFileSystems);
    merged(mountTargets.values(), EfsMountTarget::mountTargetId).ifPresent(snapshot::efsMountTargets);
    policies.forEach((id, f) -> f.join().flatMap(p -> p).ifPresent(p -> snapshot.putEfsFileSystemPolicy(id, p)));
    mountTargetGroups.forEach((id, f) -> f.join().ifPresent(g -> snapshot.putEfsMountTargetSecurityGroup(id, g)));
    merged(fsxFileSystems.values(), FsxFileSystem::fileSystemId).ifPresent(snapshot::fsxFileSystems);
    merged(interfaces, NetworkInterface::networkInterfaceId).ifPresent(snapshot::networkInterfaces);
    if (!interfaceFilters.isEmpty()) {
      List<CaptureFilter> filters = new ArrayList<>();
      interfaceFilters.forEach(f -> filters.add(Ec2Mapping.captureFilter(f)));
      snapshot.putCaptureFilter(Section.NETWORK_INTERFACES.operation(), filters);
    }
  }

  /**
   * The union of the calls' answers (first copy of an id kept); absent when no call answered. A call
   * that failed is in the errors, which make the section unknown (see NetworkSnapshot#withoutIncomplete).
   */
  private static <T> Optional<List<T>> merged(Iterable<CompletableFuture<Optional<List<T>>>> futures,
      Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    boolean any = false;
    for (CompletableFuture<Optional<List<T>>> f : futures) {
      Optional<List<T>> r = f.join();
      if (r.isPresent()) {
        any = true;
        r.get().forEach(t -> byId.putIfAbsent(id.apply(t), t));
      }
    }
    return any ? Optional.of(new ArrayList<>(byId.values())) : Optional.empty();
  }
}
