package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.aws.internal.efs.EfsMapping;
import dev.vpctrain.aws.internal.fsx.FsxMapping;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetSecurityGroupsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;
import software.amazon.awssdk.services.fsx.model.FileSystem;

/**
 * The optional bundle sections besides {@code ec2.DescribeNetworkInterfaces}
 * (which is an {@link Ec2Section}): {@code captureFilters}, {@code efs} and {@code fsx}. As for the
 * EC2 sections, each output is checked (id shapes, addresses, uniqueness), read into its SDK shape by
 * {@link SdkJson} and mapped by {@link EfsMapping} / {@link FsxMapping}; writing is the reverse. A
 * section absent from the bundle stays unknown and is not written back.
 */
final class InVpcSections {
  private static final String[] FS = {"fs"};
  private static final String[] MOUNT_TARGET = {"fsmt"};
  private static final Pattern OPERATION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");

  private InVpcSections() {}

  // ---- reading ------------------------------------------------------------------------------

  static void read(JsonInput root, NetworkSnapshot.Builder b) {
    root.optObject("captureFilters").ifPresent(f -> captureFilters(f, b));
    root.optObject("efs").ifPresent(efs -> efs(efs, b));
    root.optObject("fsx").ifPresent(fsx -> fsx(fsx, b));
  }

  private static void captureFilters(JsonInput filters, NetworkSnapshot.Builder b) {
    for (String operation : filters.memberNames()) {
      JsonInput list = filters.member(operation);
      if (!OPERATION.matcher(operation).matches()) {
        throw list.error("expected an operation such as ec2:DescribeNetworkInterfaces as the member name but was \""
            + operation + "\"");
      }
      UniqueKeys names = new UniqueKeys("filter name of an operation");
      List<CaptureFilter> out = new ArrayList<>();
      for (JsonInput f : list.elements()) {
        f.requireObject();
        names.add(f, f.string("Name"), "filter " + f.string("Name"));
        if (!f.member("Values").isPresent()) {
          throw new InvalidInputException(f.file(), f.pathOf("Values"),
              "expected an array of the values the filter selected but the member is missing");
        }
        f.strings("Values");
        out.add(Ec2Mapping.captureFilter(BundleReader.sdk(Filter::builder, f)));
      }
      b.putCaptureFilter(operation, out);
    }
  }

  private static void efs(JsonInput efs, NetworkSnapshot.Builder b) {
    efs.optObject(Section.EFS_FILE_SYSTEMS.bundleKey()).ifPresent(op -> {
      List<EfsFileSystem> out = new ArrayList<>();
      DescribeFileSystemsResponse r = BundleReader.sdk(DescribeFileSystemsResponse::builder,
          checkedList(op, "FileSystems", "FileSystemId", FS, "file system", InVpcSections::efsFileSystem));
      r.fileSystems().forEach(f -> out.add(EfsMapping.fileSystem(f)));
      b.efsFileSystems(out);
    });
    efs.optArray(Section.EFS_MOUNT_TARGETS.bundleKey()).ifPresent(outputs -> {
      UniqueKeys ids = new UniqueKeys("mount target");
      List<EfsMountTarget> out = new ArrayList<>();
      for (JsonInput output : outputs) {
        output.requireObject();
        requireList(output, "MountTargets");
        for (JsonInput m : output.member("MountTargets").elements()) {
          m.requireObject();
          String id = BundleValues.id(m, "MountTargetId", MOUNT_TARGET);
          ids.add(m, id, "mount target " + id);
          mountTarget(m);
        }
        DescribeMountTargetsResponse r = BundleReader.sdk(DescribeMountTargetsResponse::builder, output);
        r.mountTargets().forEach(m -> out.add(EfsMapping.mountTarget(m)));
      }
      b.efsMountTargets(out);
    });
    efs.optObject(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS.bundleKey()).ifPresent(op -> {
      for (String id : op.memberNames()) {
        JsonInput o = op.member(id);
        BundleValues.idValue(o, id, MOUNT_TARGET);
        if (!o.isPresent()) {
          throw o.error("expected an object such as {\"SecurityGroups\": [\"sg-0a1b2c3d4e5f60718\"]} but was null");
        }
        o.requireObject();
        requireList(o, "SecurityGroups");
        BundleValues.ids(o, "SecurityGroups", "sg");
        b.putEfsMountTargetSecurityGroup(id,
            EfsMapping.securityGroups(BundleReader.sdk(DescribeMountTargetSecurityGroupsResponse::builder, o)));
      }
    });
    efs.optObject(Section.EFS_FILE_SYSTEM_POLICIES.bundleKey()).ifPresent(op -> {
      for (String id : op.memberNames()) {
        JsonInput o = op.member(id);
        BundleValues.idValue(o, id, FS);
        DescribeFileSystemPolicyResponse r = null;
        if (o.isPresent()) { // null: PolicyNotFound, the default policy
          o.requireObject();
          BundleValues.optId(o, "FileSystemId", FS).ifPresent(named -> {
            if (!named.equals(id)) {
              throw o.member("FileSystemId").error("expected the file system the entry is keyed by, " + id
                  + ", but was \"" + named + "\" (the bundle is ambiguous)");
            }
          });
          o.string("Policy");
          r = BundleReader.sdk(DescribeFileSystemPolicyResponse::builder, o);
        }
        b.putEfsFileSystemPolicy(id, EfsMapping.policy(id, r));
      }
    });
  }

  private static void fsx(JsonInput fsx, NetworkSnapshot.Builder b) {
    fsx.optObject(Section.FSX_FILE_SYSTEMS.bundleKey()).ifPresent(op -> {
      List<FsxFileSystem> out = new ArrayList<>();
      software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse r = BundleReader.sdk(
          software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse::builder,
          checkedList(op, "FileSystems", "FileSystemId", FS, "file system", InVpcSections::fsxFileSystem));
      r.fileSystems().forEach(f -> out.add(FsxMapping.fileSystem(f)));
      b.fsxFileSystems(out);
    });
  }

  /** {@code op}, after checking each item of its list {@code key}: an object with a unique id, passing {@code check}. */
  private static JsonInput checkedList(JsonInput op, String key, String idMember, String[] prefixes, String what,
      Consumer<JsonInput> check) {
    requireList(op, key);
    UniqueKeys ids = new UniqueKeys(what);
    for (JsonInput e : op.member(key).elements()) {
      e.requireObject();
      String id = BundleValues.id(e, idMember, prefixes);
      ids.add(e, id, what + " " + id);
      check.accept(e);
    }
    return op;
  }

  private static void requireList(JsonInput op, String key) {
    if (!op.has(key)) {
      throw new InvalidInputException(op.file(), op.pathOf(key),
          "expected an array (the output has a " + key + " list) but the member is missing");
    }
    if (!op.member(key).isPresent()) {
      throw op.member(key).error("expected an array but was null");
    }
  }

  private static void efsFileSystem(JsonInput o) {
    o.optString("FileSystemArn");
    o.optString("Name");
    o.optString("OwnerId");
    o.optLower("LifeCycleState");
    BundleValues.optIntIn(o, "NumberOfMountTargets", 0, Integer.MAX_VALUE, "a count of mount targets");
    o.optString("AvailabilityZoneName");
    o.optString("AvailabilityZoneId");
  }

  private static void mountTarget(JsonInput o) {
    BundleValues.id(o, "FileSystemId", FS);
    BundleValues.optId(o, "SubnetId", "subnet");
    BundleValues.optId(o, "VpcId", "vpc");
    o.optString("AvailabilityZoneId");
    o.optString("AvailabilityZoneName");
    o.optLower("LifeCycleState");
    BundleValues.optIpv4(o, "IpAddress");
    BundleValues.optId(o, "NetworkInterfaceId", "eni");
    o.optString("OwnerId");
  }

  private static void fsxFileSystem(JsonInput o) {
    o.optString("FileSystemType");
    o.optString("Lifecycle");
    BundleValues.optId(o, "VpcId", "vpc");
    BundleValues.ids(o, "SubnetIds", "subnet");
    BundleValues.ids(o, "NetworkInterfaceIds", "eni");
    o.optString("DNSName");
    o.optString("OwnerId");
    o.optObject("FailureDetails").ifPresent(f -> f.optString("Message"));
    o.optObject("LustreConfiguration").ifPresent(l -> {
      l.optString("DeploymentType");
      l.optString("MountName");
      l.optBoolean("EfaEnabled");
    });
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Writes the sections {@code s} knows into {@code root}, after {@code ec2}; nothing when it knows none. */
  static void write(NetworkSnapshot s, ObjectNode root, SdkJson.Style style) {
    if (!s.captureFilters().isEmpty()) {
      ObjectNode filters = root.putObject("captureFilters");
      s.captureFilters().forEach((operation, list) -> {
        ArrayNode a = filters.putArray(operation);
        list.forEach(f -> a.add(SdkJson.toJson(Ec2Mapping.sdkFilter(f), style)));
      });
    }
    ObjectNode efs = root.objectNode();
    s.efsFileSystems().ifPresent(l -> {
      List<FileSystemDescription> sdk = new ArrayList<>();
      l.forEach(f -> sdk.add(EfsMapping.sdkFileSystem(f)));
      efs.set(Section.EFS_FILE_SYSTEMS.bundleKey(),
          SdkJson.toJson(DescribeFileSystemsResponse.builder().fileSystems(sdk).build(), style));
    });
    s.efsMountTargets().ifPresent(l -> {
      Map<String, List<MountTargetDescription>> byFileSystem = new LinkedHashMap<>();
      l.forEach(m -> byFileSystem.computeIfAbsent(m.fileSystemId(), k -> new ArrayList<>())
          .add(EfsMapping.sdkMountTarget(m)));
      ArrayNode outputs = efs.putArray(Section.EFS_MOUNT_TARGETS.bundleKey());
      byFileSystem.values().forEach(targets -> outputs.add(
          SdkJson.toJson(DescribeMountTargetsResponse.builder().mountTargets(targets).build(), style)));
    });
    if (!s.efsMountTargetSecurityGroups().isEmpty()) {
      ObjectNode groups = efs.putObject(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS.bundleKey());
      s.efsMountTargetSecurityGroups().forEach((id, list) ->
          groups.set(id, SdkJson.toJson(EfsMapping.sdkSecurityGroups(list), style)));
    }
    Map<String, EfsFileSystemPolicy> policies = new LinkedHashMap<>();
    s.efsFileSystemPolicies().forEach((id, p) -> {
      if (p.policyState() != PolicyState.UNKNOWN) {
        policies.put(id, p);
      }
    });
    if (!policies.isEmpty()) {
      ObjectNode out = efs.putObject(Section.EFS_FILE_SYSTEM_POLICIES.bundleKey());
      policies.forEach((id, p) -> {
        Optional<DescribeFileSystemPolicyResponse> r = EfsMapping.sdkPolicy(p);
        if (r.isPresent()) {
          out.set(id, SdkJson.toJson(r.get(), style));
        } else {
          out.putNull(id);
        }
      });
    }
    if (!efs.isEmpty()) {
      root.set("efs", efs);
    }
    s.fsxFileSystems().ifPresent(l -> {
      List<FileSystem> sdk = new ArrayList<>();
      l.forEach(f -> sdk.add(FsxMapping.sdkFileSystem(f)));
      root.putObject("fsx").set(Section.FSX_FILE_SYSTEMS.bundleKey(), SdkJson.toJson(
          software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse.builder().fileSystems(sdk).build(),
          style));
    });
  }
}
