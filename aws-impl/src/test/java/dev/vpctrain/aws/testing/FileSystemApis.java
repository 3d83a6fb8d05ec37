package dev.vpctrain.aws.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire protocols of the EFS and FSx read calls discovery makes, answered from a
 * {@link NetworkSnapshot}'s {@code efs}/{@code fsx} sections:
 * <ul>
 *   <li>EFS, REST-JSON (API version 2015-02-01): {@code GET /2015-02-01/file-systems?FileSystemId=},
 *       {@code GET /2015-02-01/mount-targets?FileSystemId=},
 *       {@code GET /2015-02-01/mount-targets/{id}/security-groups},
 *       {@code GET /2015-02-01/file-systems/{id}/policy}; errors are a status, the
 *       {@code x-amzn-ErrorType} header and {@code {"ErrorCode": …, "Message": …}};</li>
 *   <li>FSx, JSON 1.1: {@code POST /} with {@code X-Amz-Target: AWSSimbaAPIService_v20180301.DescribeFileSystems};
 *       errors are {@code {"__type": …, "Message": …}} with status 400.</li>
 * </ul>
 * Timestamps go out as epoch seconds, as both services send them.
 */
final class FileSystemApis {
  static final String FSX_TARGET_PREFIX = "AWSSimbaAPIService_v20180301.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MT_GROUPS = Pattern.compile("/2015-02-01/mount-targets/([^/?]+)/security-groups");
  private static final Pattern POLICY = Pattern.compile("/2015-02-01/file-systems/([^/?]+)/policy");

  /** A response: status, {@code x-amzn-ErrorType} (EFS errors only; FSx names the error in {@code __type}) and JSON body. */
  record Reply(int status, String errorType, String body) {}

  private FileSystemApis() {}

  static boolean isEfs(String url) {
    return url.startsWith("/2015-02-01/");
  }

  static Reply efs(NetworkSnapshot n, String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, String> query = query(q < 0 ? "" : url.substring(q + 1));
    Matcher groups = MT_GROUPS.matcher(path);
    if (groups.matches()) {
      return mountTargetGroups(n, groups.group(1));
    }
    Matcher policy = POLICY.matcher(path);
    if (policy.matches()) {
      return policy(n, policy.group(1));
    }
    if (path.equals("/2015-02-01/file-systems")) {
      String id = query.get("FileSystemId");
      List<EfsFileSystem> all = n.efsFileSystems().orElse(List.of());
      List<EfsFileSystem> out = id == null ? all : all.stream().filter(f -> f.fileSystemId().equals(id)).toList();
      if (id != null && out.isEmpty()) {
        return efsError(404, "FileSystemNotFound", "File system '" + id + "' does not exist.");
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("FileSystems");
      out.forEach(f -> efsFileSystem(list.addObject(), f));
      return ok(body);
    }
    if (path.equals("/2015-02-01/mount-targets")) {
      String id = query.get("FileSystemId");
      if (id == null) {
        return efsError(400, "BadRequest", "Specify FileSystemId, MountTargetId or AccessPointId.");
      }
      if (n.efsFileSystem(id).isEmpty()) {
        return efsError(404, "FileSystemNotFound", "File system '" + id + "' does not exist.");
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("MountTargets");
      n.efsMountTargets().orElse(List.of()).stream().filter(m -> m.fileSystemId().equals(id))
          .forEach(m -> mountTarget(list.addObject(), m));
      return ok(body);
    }
    return efsError(400, "BadRequest", "unsupported request " + url);
  }

  private static Reply mountTargetGroups(NetworkSnapshot n, String id) {
    Optional<EfsMountTarget> m = n.efsMountTargets().orElse(List.of()).stream()
        .filter(x -> x.mountTargetId().equals(id)).findFirst();
    if (m.isEmpty()) {
      return efsError(404, "MountTargetNotFound", "Mount target '" + id + "' does not exist.");
    }
    List<String> groups = n.efsMountTargetGroups(m.get()).orElse(List.of());
    ObjectNode body = JSON.createObjectNode();
    groups.forEach(body.putArray("SecurityGroups")::add);
    return ok(body);
  }

  private static Reply policy(NetworkSnapshot n, String id) {
    if (n.efsFileSystem(id).isEmpty()) {
      return efsError(404, "FileSystemNotFound", "File system '" + id + "' does not exist.");
    }
    EfsFileSystemPolicy p = n.efsFileSystemPolicy(id);
    if (p.policyState() != PolicyState.PRESENT) {
      return efsError(404, "PolicyNotFound", "None of the policies found for the file system '" + id + "'.");
    }
    ObjectNode body = JSON.createObjectNode().put("FileSystemId", id).put("Policy", p.policy().orElseThrow());
    return ok(body);
  }

  private static void efsFileSystem(ObjectNode o, EfsFileSystem f) {
    o.put("OwnerId", f.ownerId().orElse("123456789012"));
    o.put("CreationToken", "console-" + f.fileSystemId());
    o.put("FileSystemId", f.fileSystemId());
    f.fileSystemArn().ifPresent(a -> o.put("FileSystemArn", a));
    epoch(o, "CreationTime", f.creationTime());
    f.lifeCycleState().ifPresent(s -> o.put("LifeCycleState", s));
    f.name().ifPresent(s -> o.put("Name", s));
    f.numberOfMountTargets().ifPresent(c -> o.put("NumberOfMountTargets", c));
    o.putObject("SizeInBytes").put("Value", 6144);
    o.put("PerformanceMode", "generalPurpose");
    o.put("Encrypted", true);
    o.put("ThroughputMode", "elastic");
    f.availabilityZoneName().ifPresent(s -> o.put("AvailabilityZoneName", s));
    f.availabilityZoneId().ifPresent(s -> o.put("AvailabilityZoneId", s));
    o.putArray("Tags");
  }

  private static void mountTarget(ObjectNode o, EfsMountTarget m) {
    m.ownerId().ifPresent(s -> o.put("OwnerId", s));
    o.put("MountTargetId", m.mountTargetId());
    o.put("FileSystemId", m.fileSystemId());
    m.subnetId().ifPresent(s -> o.put("SubnetId", s));
    m.lifeCycleState().ifPresent(s -> o.put("LifeCycleState", s));
    m.ipAddress().ifPresent(s -> o.put("IpAddress", s));
    m.networkInterfaceId().ifPresent(s -> o.put("NetworkInterfaceId", s));
    m.availabilityZoneId().ifPresent(s -> o.put("AvailabilityZoneId", s));
    m.availabilityZoneName().ifPresent(s -> o.put("AvailabilityZoneName", s));
    m.vpcId().ifPresent(s -> o.put("VpcId", s));
  }

  static Reply fsx(NetworkSnapshot n, String target, String body) {
    if (!(FSX_TARGET_PREFIX + "DescribeFileSystems").equals(target)) {
      return fsxError("BadRequest", "unsupported operation " + target);
    }
    List<String> ids = new ArrayList<>();
    try {
      JSON.readTree(body.isEmpty() ? "{}" : body).path("FileSystemIds").forEach(i -> ids.add(i.asText()));
    } catch (IOException e) {
      return fsxError("BadRequest", "the request body is not JSON");
    }
    List<FsxFileSystem> all = n.fsxFileSystems().orElse(List.of());
    List<FsxFileSystem> out = new ArrayList<>();
    for (String id : ids) {
      Optional<FsxFileSystem> f = n.fsxFileSystem(id);
      if (f.isEmpty()) {
        return fsxError("FileSystemNotFound", "File system " + id + " does not exist.");
      }
      out.add(f.get());
    }
    ObjectNode r = JSON.createObjectNode();
    ArrayNode list = r.putArray("FileSystems");
    (ids.isEmpty() ? all : out).forEach(f -> fsxFileSystem(list.addObject(), f));
    return ok(r);
  }

  private static void fsxFileSystem(ObjectNode o, FsxFileSystem f) {
    f.ownerId().ifPresent(s -> o.put("OwnerId", s));
    epoch(o, "CreationTime", f.creationTime());
    o.put("FileSystemId", f.fileSystemId());
    f.fileSystemType().ifPresent(s -> o.put("FileSystemType", s));
    f.lifecycle().ifPresent(s -> o.put("Lifecycle", s));
    f.failureMessage().ifPresent(s -> o.putObject("FailureDetails").put("Message", s));
    o.put("StorageCapacity", 1200);
    o.put("StorageType", "SSD");
    f.vpcId().ifPresent(s -> o.put("VpcId", s));
    f.subnetIds().forEach(o.withArray("SubnetIds")::add);
    f.networkInterfaceIds().forEach(o.withArray("NetworkInterfaceIds")::add);
    f.dnsName().ifPresent(s -> o.put("DNSName", s));
    o.put("ResourceARN", "arn:aws:fsx:us-east-1:" + f.ownerId().orElse("123456789012") + ":file-system/"
        + f.fileSystemId());
    if (f.lustreDeploymentType().isPresent() || f.mountName().isPresent() || f.efaEnabled().isPresent()) {
      ObjectNode l = o.putObject("LustreConfiguration");
      l.put("WeeklyMaintenanceStartTime", "1:05:00");
      f.lustreDeploymentType().ifPresent(s -> l.put("DeploymentType", s));
      f.mountName().ifPresent(s -> l.put("MountName", s));
      f.efaEnabled().ifPresent(b -> l.put("EfaEnabled", b));
    }
  }

  private static void epoch(ObjectNode o, String name, Optional<Instant> t) {
    // the services send fractional epoch seconds
    o.put(name, t.map(i -> i.getEpochSecond() + i.getNano() / 1e9).orElse(1.7e9));
  }

  /** The EC2 Query XML of one network interface ({@code DescribeNetworkInterfaces}). */
  static void networkInterface(Xml x, NetworkInterface n) {
    x.el("networkInterfaceId", n.networkInterfaceId())
        .el("subnetId", n.subnetId())
        .el("vpcId", n.vpcId())
        .el("availabilityZone", n.availabilityZone())
        .el("availabilityZoneId", n.availabilityZoneId())
        .el("description", n.description())
        .el("ownerId", n.ownerId())
        .el("requesterManaged", n.requesterManaged())
        .el("status", n.status())
        .el("privateIpAddress", n.privateIpAddresses().isEmpty() ? null : n.privateIpAddresses().get(0))
        .el("sourceDestCheck", true)
        .set("groupSet", n.groupIds(), (xx, g) -> xx.el("groupId", g).el("groupName", "group-" + g))
        .set("privateIpAddressesSet", n.privateIpAddresses(), (xx, a) -> xx.el("privateIpAddress", a)
            .el("primary", a.equals(n.privateIpAddresses().get(0))))
        .set("ipv4PrefixSet", n.ipv4Prefixes(), (xx, p) -> xx.el("ipv4Prefix", p.toString()))
        .el("interfaceType", n.interfaceType());
  }

  private static Map<String, String> query(String q) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : q.split("&")) {
      if (!p.isEmpty()) {
        int eq = p.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Reply ok(ObjectNode body) {
    return new Reply(200, null, body.toString());
  }

  static Reply efsError(int status, String code, String message) {
    return new Reply(status, code, JSON.createObjectNode().put("ErrorCode", code).put("Message", message).toString());
  }

  static Reply fsxError(String code, String message) {
    return new Reply(400, null, JSON.createObjectNode().put("__type", code).put("Message", message).toString());
  }
}
