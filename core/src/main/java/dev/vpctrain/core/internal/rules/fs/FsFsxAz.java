package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fs.fsx.az}: per job subnet and FSx for Lustre channel, the job subnet's
 * {@code AvailabilityZoneId} should be that of the file system's subnet ({@code SubnetIds[0]}). The
 * SageMaker guide asks for a subnet that maps to the file system's AZ ID and gives cross-AZ cost
 * and latency as the reason; that SageMaker rejects another AZ is not documented, hence WARNING.
 * AZ names are compared only when an ID is missing on either side (names are per account, and
 * both subnets come from one snapshot).
 */
public final class FsFsxAz extends FsRule {
  /** Subnets named in the remediation at most. */
  private static final int MAX_CANDIDATES = 5;

  public FsFsxAz() {
    super("fs.fsx.az", Severity.WARNING,
        "Each job subnet maps to the Availability Zone ID of the FSx for Lustre file system",
        FileSystemChannel::isLustre, "The job has no FSx for Lustre channel.");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> lustre) {
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    Map<String, String> remediations = new HashMap<>();
    for (FileSystemChannel c : lustre) {
      Optional<FsxFileSystem> fs = c.fsx();
      if (fs.isEmpty()) {
        out.add(unverified("The Availability Zone of " + c.label() + " is unknown: "
            + (n.has(Section.FSX_FILE_SYSTEMS) ? "fsx.DescribeFileSystems does not list it (see fs.not-found)"
                : n.unknownReason(Section.FSX_FILE_SYSTEMS)) + ".", null, c.fileSystemId()));
        continue;
      }
      if (!fs.get().isLustre()) {
        continue; // fs.not-found reports the type
      }
      if (fs.get().subnetIds().isEmpty()) {
        out.add(unverified("The Availability Zone of " + c.label() + " is unknown: the file system lists no subnet.", null,
            c.fileSystemId()));
        continue;
      }
      String fsSubnet = fs.get().subnetIds().get(0);
      Zone fsZone = fileSystemZone(n, fs.get(), fsSubnet);
      for (String s : JobSubnets.ids(ctx)) {
        Optional<Subnet> subnet = n.subnet(s);
        Zone jobZone = subnet.map(Zone::of).orElse(Zone.UNKNOWN);
        Optional<Boolean> same = jobZone.sameAs(fsZone);
        String[] res = {s, c.fileSystemId(), fsSubnet};
        if (same.isEmpty()) {
          String why = fsZone.isKnown()
              ? "the Availability Zone ID of job subnet " + s + " is unknown"
                  + (subnet.isEmpty() ? ": " + (n.has(Section.SUBNETS) ? "it is not in the snapshot"
                      : n.unknownReason(Section.SUBNETS)) : "")
              : "the Availability Zone ID of the file system's subnet " + fsSubnet + " is unknown"
                  + (n.has(Section.SUBNETS) ? " (neither the subnet nor an interface of the file system in it is in the snapshot)"
                      : ": " + n.unknownReason(Section.SUBNETS));
          out.add(unverified("Whether job subnet " + s + " is in the Availability Zone of " + c.label() + " is unknown: "
              + why + ".", null, res));
        } else if (!same.get()) {
          out.add(fail("Job subnet " + JobSubnets.label(ctx, s) + " is in " + jobZone + ", but " + c.label()
                  + " is in " + fsZone + " (its subnet " + fsSubnet + "). The SageMaker guide asks for a subnet that maps "
                  + "to the file system's Availability Zone ID: across zones every read crosses an AZ boundary, with "
                  + "cross-AZ data charges and latency.",
              remediations.computeIfAbsent(fsSubnet, k -> remediation(ctx, fsZone, fsSubnet)), res));
        } else {
          passed.add(s + " and " + c.fileSystemId() + " (" + fsZone + ")");
        }
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every job subnet is in the Availability Zone of its FSx for Lustre file system: "
          + String.join("; ", passed) + ".", JobSubnets.ids(ctx).toArray(new String[0])));
    }
    return out;
  }

  /** The zone of the file system's subnet: the subnet's when in the snapshot, else one of its interfaces' in that subnet. */
  private static Zone fileSystemZone(NetworkSnapshot n, FsxFileSystem fs, String fsSubnet) {
    Optional<Subnet> subnet = n.subnet(fsSubnet);
    if (subnet.isPresent() && Zone.of(subnet.get()).isKnown()) {
      return Zone.of(subnet.get());
    }
    for (String eni : fs.networkInterfaceIds()) {
      Optional<NetworkInterface> ni = n.networkInterface(eni).filter(i -> i.subnetId().equals(fsSubnet));
      if (ni.isPresent()) {
        Zone z = new Zone(ni.get().availabilityZoneId(), ni.get().availabilityZone());
        if (z.isKnown()) {
          return z;
        }
      }
    }
    return Zone.UNKNOWN;
  }

  private String remediation(RuleContext ctx, Zone fsZone, String fsSubnet) {
    List<String> candidates = new ArrayList<>();
    int more = 0;
    String vpcId = ctx.network().subnet(fsSubnet).map(Subnet::vpcId)
        .or(() -> JobSubnets.found(ctx).stream().findFirst().map(Subnet::vpcId)).orElse("");
    for (Subnet s : ctx.network().subnets().orElse(List.of())) {
      if (s.vpcId().equals(vpcId) && Zone.of(s).sameAs(fsZone).orElse(false)) {
        if (candidates.size() == MAX_CANDIDATES) {
          more++;
          break;
        }
        candidates.add(s.subnetId());
      }
    }
    return "Place the job in a subnet of " + fsZone + ": list only such subnets in VpcConfig.Subnets"
        + (candidates.isEmpty() ? "" : " (in this VPC: " + String.join(", ", candidates)
            + (more > 0 ? " and others" : "") + ")")
        + ", or accept the cross-AZ charges and latency and suppress this rule.";
  }

  /** An Availability Zone by ID and name, either possibly unknown. */
  private record Zone(Optional<String> id, Optional<String> name) {
    static final Zone UNKNOWN = new Zone(Optional.empty(), Optional.empty());

    static Zone of(Subnet s) {
      return new Zone(s.availabilityZoneId(), s.availabilityZone());
    }

    boolean isKnown() {
      return id.isPresent() || name.isPresent();
    }

    /** Same zone by ID when both have one, else by name; empty when undecidable. */
    Optional<Boolean> sameAs(Zone other) {
      if (id.isPresent() && other.id.isPresent()) {
        return Optional.of(id.get().equals(other.id.get()));
      }
      if (name.isPresent() && other.name.isPresent()) {
        return Optional.of(name.get().equals(other.name.get()));
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      if (id.isPresent() && name.isPresent()) {
        return name.get() + ", AZ ID " + id.get();
      }
      return id.map(i -> "AZ ID " + i).orElseGet(() -> name.orElse("an unknown zone"));
    }
  }
}
