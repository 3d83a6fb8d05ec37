package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One file-system channel of the job and what the snapshot says of its file system: the EFS or FSx
 * record when found, and, per job subnet, the {@link FsEndpoint endpoints} the subnet would mount
 * (the EFS mount target of its AZ, else every available one; every FSx network interface).
 */
public final class FileSystemChannel {
  /** TCP port of NFS (EFS). */
  public static final int NFS_PORT = 2049;
  /** TCP port of the Lustre service (FSx for Lustre). */
  public static final int LUSTRE_PORT = 988;

  private final RuleContext ctx;
  private final InputChannel channel;
  private final int index;

  FileSystemChannel(RuleContext ctx, InputChannel channel, int index) {
    this.ctx = ctx;
    this.channel = channel;
    this.index = index;
  }

  public InputChannel channel() {
    return channel;
  }

  /** The channel's index in {@code InputDataConfig}. */
  public int index() {
    return index;
  }

  /** {@code InputDataConfig[i].DataSource.FileSystemDataSource}, for findings that name a field. */
  public String field() {
    return "InputDataConfig[" + index + "].DataSource.FileSystemDataSource";
  }

  /** The {@code FileSystemId}, or {@code ""} when the request has none. */
  public String fileSystemId() {
    return channel.fileSystemId().orElse("");
  }

  /** {@code FileSystemType: EFS} (case-insensitive). */
  public boolean isEfs() {
    return channel.fileSystemType().map(t -> t.equalsIgnoreCase("EFS")).orElse(false);
  }

  /** {@code FileSystemType: FSxLustre} (case-insensitive). */
  public boolean isLustre() {
    return channel.fileSystemType().map(t -> t.toLowerCase(Locale.ROOT).equals("fsxlustre")).orElse(false);
  }

  /** The channel's input mode: its own {@code InputMode}, else the job's {@code TrainingInputMode}. */
  public Optional<String> inputMode() {
    return channel.inputMode().or(() -> ctx.job().trainingInputMode());
  }

  /** {@code rw} unless the request says {@code ro}. */
  public boolean isReadWrite() {
    return !channel.fileSystemAccessMode().map("ro"::equalsIgnoreCase).orElse(false);
  }

  /** The EFS file system when this is an EFS channel the snapshot has. */
  public Optional<EfsFileSystem> efs() {
    return isEfs() ? ctx.network().efsFileSystem(fileSystemId()) : Optional.empty();
  }

  /** The FSx file system when this is a Lustre channel the snapshot has (of any FSx type). */
  public Optional<FsxFileSystem> fsx() {
    return isLustre() ? ctx.network().fsxFileSystem(fileSystemId()) : Optional.empty();
  }

  /** The section that lists file systems of this channel's type. */
  public Section fileSystemSection() {
    return isEfs() ? Section.EFS_FILE_SYSTEMS : Section.FSX_FILE_SYSTEMS;
  }

  /** {@code EFS file system fs-… (channel train)} or {@code FSx for Lustre file system fs-… (channel train)}, for messages. */
  public String label() {
    return fileSystemLabel() + " (channel " + channel.name() + ")";
  }

  /** {@code EFS file system fs-…} or {@code FSx for Lustre file system fs-…}, without the channel. */
  public String fileSystemLabel() {
    return (isEfs() ? "EFS file system " : "FSx for Lustre file system ") + fileSystemId();
  }

  /** True when the request names a {@code FileSystemType} this model knows ({@code EFS} or {@code FSxLustre}). */
  public boolean isKnownType() {
    return isEfs() || isLustre();
  }

  /**
   * The Lustre {@code MountName} of this channel's FSx file system: {@code LustreConfiguration.MountName},
   * else {@code fsx} for a {@code SCRATCH_1} file system; empty when the snapshot cannot say.
   */
  public Optional<String> mountName() {
    Optional<FsxFileSystem> fs = fsx();
    return fs.flatMap(FsxFileSystem::mountName).filter(m -> !m.isBlank())
        .or(() -> fs.flatMap(FsxFileSystem::lustreDeploymentType).filter("SCRATCH_1"::equalsIgnoreCase).map(t -> "fsx"));
  }

  /**
   * The available EFS mount targets in the job's VPC ({@code vpcId}); empty when the mount targets are
   * unknown. Only mount targets in state {@code available} count.
   */
  public Optional<List<EfsMountTarget>> availableMountTargetsIn(String vpcId) {
    return ctx.network().efsMountTargetsOf(fileSystemId()).map(all -> all.stream()
        .filter(EfsMountTarget::isAvailable)
        .filter(m -> m.vpcId().map(vpcId::equals).orElseGet(() -> m.subnetId()
            .flatMap(ctx.network()::subnet).map(s -> s.vpcId().equals(vpcId)).orElse(false)))
        .toList());
  }

  /**
   * What job subnet {@code jobSubnet} mounts: for EFS the available mount target in its AZ, else
   * every available one (in the job's VPC, else anywhere: the route then decides); for FSx every
   * network interface of the file system. Empty with the reason when the snapshot cannot say.
   */
  public Endpoints endpointsFor(Subnet jobSubnet) {
    NetworkSnapshot n = ctx.network();
    if (isEfs()) {
      Optional<List<EfsMountTarget>> all = n.efsMountTargetsOf(fileSystemId());
      if (all.isEmpty()) {
        return Endpoints.unknown("the mount targets of " + fileSystemId() + " are not known: "
            + n.unknownReason(Section.EFS_MOUNT_TARGETS));
      }
      List<EfsMountTarget> available = all.get().stream().filter(EfsMountTarget::isAvailable).toList();
      List<EfsMountTarget> inVpc = availableMountTargetsIn(jobSubnet.vpcId()).orElse(List.of());
      List<EfsMountTarget> pool = inVpc.isEmpty() ? available : inVpc;
      List<EfsMountTarget> sameAz = pool.stream().filter(m -> sameAz(m, jobSubnet)).toList();
      List<EfsMountTarget> chosen = sameAz.isEmpty() ? pool : sameAz;
      List<FsEndpoint> out = new ArrayList<>();
      for (EfsMountTarget m : chosen) {
        out.add(new FsEndpoint(m.mountTargetId(), m.ipAddress(), m.subnetId(), n.efsMountTargetGroups(m),
            m.networkInterfaceId()));
      }
      return Endpoints.known(out);
    }
    Optional<FsxFileSystem> fs = fsx();
    if (fs.isEmpty()) {
      return Endpoints.unknown(fileSystemId() + " is not in the snapshot");
    }
    if (fs.get().networkInterfaceIds().isEmpty()) {
      return Endpoints.unknown(fileSystemId() + " lists no network interfaces");
    }
    List<FsEndpoint> out = new ArrayList<>();
    for (String eni : fs.get().networkInterfaceIds()) {
      Optional<NetworkInterface> ni = n.networkInterface(eni);
      if (ni.isEmpty()) {
        return Endpoints.unknown("network interface " + eni + " of " + fileSystemId() + " is not in the snapshot: "
            + (n.has(Section.NETWORK_INTERFACES) ? "DescribeNetworkInterfaces does not list it"
                : n.unknownReason(Section.NETWORK_INTERFACES)));
      }
      out.add(new FsEndpoint(eni, ni.get().privateIpAddresses().stream().findFirst(), Optional.of(ni.get().subnetId()),
          Optional.of(ni.get().groupIds()), Optional.of(eni)));
    }
    return Endpoints.known(out);
  }

  private boolean sameAz(EfsMountTarget m, Subnet s) {
    return sameAvailabilityZone(m, s) == Tri.YES;
  }

  /**
   * Whether mount target {@code m} is in the Availability Zone of subnet {@code s}: by zone id when
   * both have one, else by zone name; a mount target without either is placed by its subnet when the
   * snapshot has it. UNKNOWN when neither comparison can be made.
   */
  public Tri sameAvailabilityZone(EfsMountTarget m, Subnet s) {
    Optional<String> mtId = m.availabilityZoneId();
    Optional<String> mtName = m.availabilityZoneName();
    if (mtId.isEmpty() && mtName.isEmpty()) {
      Optional<Subnet> own = m.subnetId().flatMap(ctx.network()::subnet);
      mtId = own.flatMap(Subnet::availabilityZoneId);
      mtName = own.flatMap(Subnet::availabilityZone);
    }
    if (mtId.isPresent() && s.availabilityZoneId().isPresent()) {
      return Tri.of(mtId.equals(s.availabilityZoneId()));
    }
    if (mtName.isPresent() && s.availabilityZone().isPresent()) {
      return Tri.of(mtName.equals(s.availabilityZone()));
    }
    return Tri.UNKNOWN;
  }

  @Override
  public String toString() {
    return label();
  }

  /** The endpoints a job subnet mounts, or why they are unknown. */
  public record Endpoints(List<FsEndpoint> endpoints, Optional<String> unknownReason) {
    static Endpoints known(List<FsEndpoint> endpoints) {
      return new Endpoints(List.copyOf(endpoints), Optional.empty());
    }

    static Endpoints unknown(String reason) {
      return new Endpoints(List.of(), Optional.of(reason));
    }

    public boolean isKnown() {
      return unknownReason.isEmpty();
    }
  }

  /**
   * Where a client connects: a mount target ({@code fsmt-…}) or an FSx network interface, its
   * address and subnet when known, and its security groups (empty when unknown).
   */
  public record FsEndpoint(String id, Optional<String> address, Optional<String> subnetId,
      Optional<List<String>> groups, Optional<String> networkInterfaceId) {}
}
