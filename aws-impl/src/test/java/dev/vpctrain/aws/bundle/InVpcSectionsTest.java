package dev.vpctrain.aws.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * formats.md §2a: {@code ec2.DescribeNetworkInterfaces} with {@code captureFilters}, {@code efs} and
 * {@code fsx} are read into the model, written back the same, unknown enum values kept, epoch and
 * ISO timestamps read, {@code errors} entries make (parts of) them unknown, and malformed input is
 * rejected naming the file and JSON path.
 */
class InVpcSectionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "in-vpc.json";
  private static final String VPC = "vpc-0a1b2c3d4e5f60001";
  private static final String EFS = "fs-0a1b2c3d4e5f60601";
  private static final String EFS_ONE_ZONE = "fs-0a1b2c3d4e5f60602";
  private static final String MOUNT_TARGET = "fsmt-0a1b2c3d4e5f60701";

  static ObjectNode bundle() {
    try (InputStream in = InVpcSectionsTest.class.getResourceAsStream("/bundles/in-vpc-resources.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NetworkSnapshot read(Consumer<ObjectNode> change) {
    ObjectNode b = bundle();
    change.accept(b);
    return SnapshotBundle.parse(b.toPrettyString(), FILE);
  }

  private static InvalidInputException rejected(Consumer<ObjectNode> change) {
    Throwable t = catchThrowable(() -> read(change));
    assertThat(t).isInstanceOf(InvalidInputException.class);
    InvalidInputException e = (InvalidInputException) t;
    assertThat(e.file()).isEqualTo(FILE);
    return e;
  }

  private static ObjectNode at(ObjectNode b, String path) {
    JsonNode n = b;
    for (String part : path.split("/")) {
      n = part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return (ObjectNode) n;
  }

  private static void addError(ObjectNode b, String operation, String resource) {
    ObjectNode e = ((ArrayNode) b.get("errors")).addObject().put("operation", operation)
        .put("code", "AccessDeniedException").put("message", "denied");
    if (!resource.isEmpty()) {
      e.put("resource", resource);
    }
  }

  @Test
  void readsNetworkInterfacesWithTheirAddressesPrefixesAndGroups() {
    NetworkSnapshot s = read(b -> { });
    assertThat(s.networkInterfaces().orElseThrow()).hasSize(3);
    NetworkInterface db = s.networkInterface("eni-0a1b2c3d4e5f60501").orElseThrow();
    assertThat(db.subnetId()).isEqualTo("subnet-0a1b2c3d4e5f60102");
    assertThat(db.vpcId()).isEqualTo(VPC);
    assertThat(db.availabilityZoneId()).contains("use1-az2");
    assertThat(db.privateIpAddresses()).containsExactly("10.20.2.15");
    assertThat(db.groupIds()).containsExactly("sg-0a1b2c3d4e5f60403");
    assertThat(db.requesterManaged()).contains(true);
    assertThat(db.status()).contains("in-use");
    assertThat(db.description()).contains("RDSNetworkInterface");
    NetworkInterface efs = s.networkInterface("eni-0a1b2c3d4e5f60502").orElseThrow();
    assertThat(efs.interfaceType()).contains("efs"); // outside the SDK's enum: kept
    assertThat(efs.hasInterfaceType("EFS")).isTrue();
    NetworkInterface fsx = s.networkInterface("eni-0a1b2c3d4e5f60503").orElseThrow();
    assertThat(fsx.privateIpAddresses()).containsExactly("10.20.1.30", "10.20.1.31");
    assertThat(fsx.ipv4Prefixes()).containsExactly(Cidr.parse("10.20.1.64/28"));
    assertThat(s.networkInterfacesHolding("10.20.1.70")).containsExactly(fsx);
    assertThat(s.networkInterfacesHolding("10.20.1.31")).containsExactly(fsx);
    assertThat(s.networkInterfacesHolding("10.20.1.99")).isEmpty();
  }

  @Test
  void captureFiltersSayForWhichVpcTheInterfaceListIsComplete() {
    NetworkSnapshot s = read(b -> { });
    assertThat(s.captureFiltersOf(Section.NETWORK_INTERFACES)).singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("vpc-id"));
    assertThat(s.isNetworkInterfaceListComplete(VPC)).isTrue();
    assertThat(s.isNetworkInterfaceListComplete("vpc-0a1b2c3d4e5f69999")).isFalse();

    NetworkSnapshot byAddress = read(b -> at(b, "captureFilters").putArray("ec2:DescribeNetworkInterfaces").addObject()
        .put("Name", "addresses.private-ip-address").putArray("Values").add("10.20.2.15"));
    assertThat(byAddress.isNetworkInterfaceListComplete(VPC)).isFalse();

    NetworkSnapshot unfiltered = read(b -> b.remove("captureFilters"));
    assertThat(unfiltered.isNetworkInterfaceListComplete(VPC)).isTrue();
    assertThat(unfiltered.isNetworkInterfaceListComplete("vpc-0a1b2c3d4e5f69999")).isTrue();

    NetworkSnapshot failed = read(b -> addError(b, "ec2:DescribeNetworkInterfaces", ""));
    assertThat(failed.has(Section.NETWORK_INTERFACES)).isFalse();
    assertThat(failed.isNetworkInterfaceListComplete(VPC)).isFalse();
  }

  @Test
  void readsEfsFileSystemsMountTargetsGroupsAndPolicies() {
    NetworkSnapshot s = read(b -> { });
    EfsFileSystem fs = s.efsFileSystem(EFS).orElseThrow();
    assertThat(fs.isAvailable()).isTrue();
    assertThat(fs.isOneZone()).isFalse();
    assertThat(fs.name()).contains("training-data");
    assertThat(fs.numberOfMountTargets()).contains(1);
    assertThat(fs.creationTime()).contains(Instant.ofEpochSecond(1764400000L)); // epoch seconds
    EfsFileSystem oneZone = s.efsFileSystem(EFS_ONE_ZONE).orElseThrow();
    assertThat(oneZone.lifeCycleState()).contains("available"); // AVAILABLE, case-insensitive
    assertThat(oneZone.isOneZone()).isTrue();
    assertThat(oneZone.creationTime()).contains(Instant.parse("2026-11-20T10:00:00Z")); // ISO 8601

    List<EfsMountTarget> targets = s.efsMountTargetsOf(EFS).orElseThrow();
    assertThat(targets).singleElement().satisfies(m -> {
      assertThat(m.mountTargetId()).isEqualTo(MOUNT_TARGET);
      assertThat(m.isAvailable()).isTrue();
      assertThat(m.ipAddress()).contains("10.20.1.20");
      assertThat(m.availabilityZoneId()).contains("use1-az1");
      assertThat(m.networkInterfaceId()).contains("eni-0a1b2c3d4e5f60502");
    });
    assertThat(s.efsMountTargetsOf(EFS_ONE_ZONE)).contains(List.of()); // NumberOfMountTargets 0
    assertThat(s.efsMountTargetsOf("fs-0a1b2c3d4e5f69999")).isEmpty();
    assertThat(s.efsMountTargetGroups(targets.get(0))).contains(List.of("sg-0a1b2c3d4e5f60404"));

    assertThat(s.efsFileSystemPolicy(EFS).policyState()).isEqualTo(PolicyState.PRESENT);
    assertThat(s.efsFileSystemPolicy(EFS).policy().orElseThrow()).contains("elasticfilesystem:ClientMount");
    assertThat(s.efsFileSystemPolicy(EFS_ONE_ZONE).policyState()).isEqualTo(PolicyState.NONE);
    assertThat(s.efsFileSystemPolicy("fs-0a1b2c3d4e5f69999").policyState()).isEqualTo(PolicyState.UNKNOWN);
  }

  @Test
  void mountTargetGroupsFallBackToTheMountTargetsInterface() {
    NetworkSnapshot s = read(b -> at(b, "efs").remove("DescribeMountTargetSecurityGroups"));
    EfsMountTarget m = s.efsMountTargetsOf(EFS).orElseThrow().get(0);
    assertThat(s.efsMountTargetGroups(m)).contains(List.of("sg-0a1b2c3d4e5f60404"));
    NetworkSnapshot neither = read(b -> {
      at(b, "efs").remove("DescribeMountTargetSecurityGroups");
      at(b, "ec2").remove("DescribeNetworkInterfaces");
    });
    assertThat(neither.efsMountTargetGroups(m)).isEmpty();
  }

  @Test
  void readsFsxFileSystemsKeepingUnknownValues() {
    NetworkSnapshot s = read(b -> { });
    FsxFileSystem lustre = s.fsxFileSystem("fs-0a1b2c3d4e5f60801").orElseThrow();
    assertThat(lustre.isLustre()).isTrue();
    assertThat(lustre.hasLifecycle("available")).isTrue();
    assertThat(lustre.subnetIds()).containsExactly("subnet-0a1b2c3d4e5f60101");
    assertThat(lustre.networkInterfaceIds()).containsExactly("eni-0a1b2c3d4e5f60503");
    assertThat(lustre.dnsName()).contains("fs-0a1b2c3d4e5f60801.fsx.us-east-1.amazonaws.com");
    assertThat(lustre.lustreDeploymentType()).contains("PERSISTENT_2");
    assertThat(lustre.mountName()).contains("abcdefgh");
    assertThat(lustre.efaEnabled()).contains(false);
    assertThat(lustre.creationTime()).contains(Instant.ofEpochSecond(1764400000L, 500_000_000));
    assertThat(s.fsxSecurityGroups(lustre)).contains(List.of("sg-0a1b2c3d4e5f60405"));

    FsxFileSystem failed = s.fsxFileSystem("fs-0a1b2c3d4e5f60802").orElseThrow();
    assertThat(failed.fileSystemType()).contains("LUSTRE"); // "lustre", case-insensitive
    assertThat(failed.lifecycle()).contains("MISCONFIGURED_UNAVAILABLE");
    assertThat(failed.failureMessage().orElseThrow()).contains("port 988");
    assertThat(failed.lustreDeploymentType()).contains("SCRATCH_9"); // unknown: kept
    assertThat(failed.efaEnabled()).contains(true);
    assertThat(s.fsxSecurityGroups(failed)).isEmpty(); // names no interface

    FsxFileSystem other = s.fsxFileSystem("fs-0a1b2c3d4e5f60803").orElseThrow();
    assertThat(other.fileSystemType()).contains("QUANTUMFS");
    assertThat(other.isLustre()).isFalse();
    assertThat(other.mountName()).isEmpty();
  }

  @Test
  void writesTheSectionsBackAndReadsTheSameSnapshot() throws IOException {
    NetworkSnapshot s = read(b -> { });
    String written = SnapshotBundle.write(s);
    assertThat(SnapshotBundle.parse(written, "written")).isEqualTo(s);
    assertThat(SnapshotBundle.write(SnapshotBundle.parse(written, "written"))).isEqualTo(written);

    JsonNode w = MAPPER.readTree(written);
    List<String> order = new java.util.ArrayList<>();
    w.fieldNames().forEachRemaining(order::add);
    assertThat(order).containsExactly("vpctrainSnapshot", "region", "accountId", "capturedAt", "ec2",
        "captureFilters", "efs", "fsx", "s3", "errors");
    // timestamps written as ISO 8601, whatever they were read as
    assertThat(w.at("/efs/DescribeFileSystems/FileSystems/0/CreationTime").textValue()).isEqualTo("2025-11-29T07:06:40Z");
    assertThat(w.at("/fsx/DescribeFileSystems/FileSystems/0/CreationTime").textValue())
        .isEqualTo("2025-11-29T07:06:40.500Z");
    assertThat(w.at("/efs/DescribeFileSystemPolicy/" + EFS_ONE_ZONE).isNull()).isTrue();
    assertThat(w.at("/efs/DescribeFileSystemPolicy/" + EFS + "/FileSystemId").textValue()).isEqualTo(EFS);
    assertThat(w.at("/ec2/DescribeNetworkInterfaces/NetworkInterfaces/1/InterfaceType").textValue()).isEqualTo("efs");
    assertThat(w.at("/fsx/DescribeFileSystems/FileSystems/1/LustreConfiguration/DeploymentType").textValue())
        .isEqualTo("SCRATCH_9");
    assertThat(w.at("/fsx/DescribeFileSystems/FileSystems/0/DNSName").textValue())
        .isEqualTo("fs-0a1b2c3d4e5f60801.fsx.us-east-1.amazonaws.com");
    assertThat(w.at("/captureFilters/ec2:DescribeNetworkInterfaces/0/Values/0").textValue()).isEqualTo(VPC);
  }

  @Test
  void aBundleWithoutTheSectionsLeavesThemUnknownAndWritesNoneOfThem() throws IOException {
    NetworkSnapshot s = SnapshotBundle.parse(BundleValidationTest.ready().toPrettyString(), "ready");
    for (Section section : List.of(Section.NETWORK_INTERFACES, Section.EFS_FILE_SYSTEMS, Section.EFS_MOUNT_TARGETS,
        Section.EFS_MOUNT_TARGET_SECURITY_GROUPS, Section.EFS_FILE_SYSTEM_POLICIES, Section.FSX_FILE_SYSTEMS)) {
      assertThat(s.has(section)).as(section.name()).isFalse();
    }
    assertThat(s.isNetworkInterfaceListComplete(VPC)).isFalse();
    JsonNode w = MAPPER.readTree(SnapshotBundle.write(s));
    assertThat(w.has("captureFilters") || w.has("efs") || w.has("fsx")).isFalse();
    assertThat(w.get("ec2").has("DescribeNetworkInterfaces")).isFalse();
  }

  @Test
  void emptyOutputsAreKnownEmpty() {
    NetworkSnapshot s = read(b -> {
      ((ArrayNode) at(b, "ec2/DescribeNetworkInterfaces").get("NetworkInterfaces")).removeAll();
      ((ArrayNode) at(b, "fsx/DescribeFileSystems").get("FileSystems")).removeAll();
    });
    assertThat(s.networkInterfaces()).contains(List.of());
    assertThat(s.fsxFileSystems()).contains(List.of());
    assertThat(s.has(Section.FSX_FILE_SYSTEMS)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "elasticfilesystem:DescribeFileSystems, EFS_FILE_SYSTEMS",
      "efs:DescribeFileSystems, EFS_FILE_SYSTEMS",
      "elasticfilesystem:DescribeMountTargets, EFS_MOUNT_TARGETS",
      "elasticfilesystem:DescribeMountTargetSecurityGroups, EFS_MOUNT_TARGET_SECURITY_GROUPS",
      "elasticfilesystem:DescribeFileSystemPolicy, EFS_FILE_SYSTEM_POLICIES",
      "fsx:DescribeFileSystems, FSX_FILE_SYSTEMS",
      "ec2:DescribeNetworkInterfaces, NETWORK_INTERFACES",
  })
  void anErrorWithoutResourceMakesTheWholeSectionUnknown(String operation, Section section) {
    NetworkSnapshot s = read(b -> addError(b, operation, ""));
    assertThat(s.has(section)).isFalse();
    assertThat(s.unknownReason(section)).contains("failed during capture");
  }

  @Test
  void anErrorNamingAResourceMakesThatResourceUnknownOnly() {
    NetworkSnapshot s = read(b -> {
      addError(b, "elasticfilesystem:DescribeMountTargets", EFS_ONE_ZONE);
      addError(b, "efs:DescribeFileSystemPolicy", EFS);
      addError(b, "elasticfilesystem:DescribeMountTargetSecurityGroups", MOUNT_TARGET);
    });
    assertThat(s.efsMountTargetsOf(EFS).orElseThrow()).hasSize(1);
    assertThat(s.efsMountTargetsOf(EFS_ONE_ZONE)).isEmpty(); // failed: no longer "none"
    assertThat(s.efsFileSystemPolicy(EFS).policyState()).isEqualTo(PolicyState.UNKNOWN);
    assertThat(s.efsFileSystemPolicy(EFS_ONE_ZONE).policyState()).isEqualTo(PolicyState.NONE);
    assertThat(s.efsMountTargetSecurityGroups()).doesNotContainKey(MOUNT_TARGET);
    // the mount target's interface still says
    assertThat(s.efsMountTargetGroups(s.efsMountTargetsOf(EFS).orElseThrow().get(0)))
        .contains(List.of("sg-0a1b2c3d4e5f60404"));

    NetworkSnapshot mountTargetsOfEfs = read(b -> addError(b, "elasticfilesystem:DescribeMountTargets", EFS));
    assertThat(mountTargetsOfEfs.efsMountTargetsOf(EFS)).isEmpty();
    assertThat(mountTargetsOfEfs.efsMountTargets()).contains(List.of());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ec2/DescribeNetworkInterfaces/NetworkInterfaces/0/PrivateIpAddresses/0|PrivateIpAddress|10.20.2.300"
          + "|ec2.DescribeNetworkInterfaces.NetworkInterfaces[0].PrivateIpAddresses[0].PrivateIpAddress|an IPv4 address",
      "ec2/DescribeNetworkInterfaces/NetworkInterfaces/2/Ipv4Prefixes/0|Ipv4Prefix|10.20.1.64"
          + "|ec2.DescribeNetworkInterfaces.NetworkInterfaces[2].Ipv4Prefixes[0].Ipv4Prefix|an IPv4 CIDR block",
      "ec2/DescribeNetworkInterfaces/NetworkInterfaces/0/Groups/0|GroupId|feature-store-db"
          + "|ec2.DescribeNetworkInterfaces.NetworkInterfaces[0].Groups[0].GroupId|an id sg-",
      "ec2/DescribeNetworkInterfaces/NetworkInterfaces/1|NetworkInterfaceId|eni-XYZ"
          + "|ec2.DescribeNetworkInterfaces.NetworkInterfaces[1].NetworkInterfaceId|an id eni-",
      "efs/DescribeFileSystems/FileSystems/0|FileSystemId|fs-XYZ"
          + "|efs.DescribeFileSystems.FileSystems[0].FileSystemId|an id fs-",
      "efs/DescribeFileSystems/FileSystems/0|CreationTime|yesterday"
          + "|efs.DescribeFileSystems.FileSystems[0].CreationTime|ISO-8601 timestamp",
      "efs/DescribeMountTargets/0/MountTargets/0|IpAddress|10.20.1"
          + "|efs.DescribeMountTargets[0].MountTargets[0].IpAddress|an IPv4 address",
      "efs/DescribeMountTargets/0/MountTargets/0|MountTargetId|mt-1"
          + "|efs.DescribeMountTargets[0].MountTargets[0].MountTargetId|an id fsmt-",
      "efs/DescribeFileSystemPolicy/fs-0a1b2c3d4e5f60601|FileSystemId|fs-0a1b2c3d4e5f60602"
          + "|efs.DescribeFileSystemPolicy.fs-0a1b2c3d4e5f60601.FileSystemId|the file system the entry is keyed by",
      "fsx/DescribeFileSystems/FileSystems/0|VpcId|vpc_1"
          + "|fsx.DescribeFileSystems.FileSystems[0].VpcId|an id vpc-",
      "fsx/DescribeFileSystems/FileSystems/0/LustreConfiguration|EfaEnabled|yes"
          + "|fsx.DescribeFileSystems.FileSystems[0].LustreConfiguration.EfaEnabled|true or false",
      "captureFilters/ec2:DescribeNetworkInterfaces/0|Name|"
          + "|captureFilters.ec2:DescribeNetworkInterfaces[0].Name|a string",
  })
  void malformedValuesAreRejectedNamingTheirPath(String object, String member, String value, String path,
      String expected) {
    InvalidInputException e = rejected(b -> {
      if (value == null) {
        at(b, object).putNull(member);
      } else {
        at(b, object).put(member, value);
      }
    });
    assertThat(e.jsonPath()).isEqualTo(path);
    assertThat(e.getMessage()).startsWith(FILE + ": " + path).contains(expected);
  }

  @Test
  void aMountTargetListedInTwoOutputsNamesBothPaths() {
    InvalidInputException e = rejected(b -> ((ArrayNode) at(b, "efs/DescribeMountTargets/1").get("MountTargets"))
        .add(at(b, "efs/DescribeMountTargets/0/MountTargets/0").deepCopy()));
    assertThat(e.jsonPath()).isEqualTo("efs.DescribeMountTargets[1].MountTargets[0]");
    assertThat(e.getMessage()).contains("mount target fsmt-0a1b2c3d4e5f60701 is listed twice")
        .contains("efs.DescribeMountTargets[0].MountTargets[0]");
  }

  @Test
  void aFileSystemOrInterfaceListedTwiceIsRejected() {
    InvalidInputException fsx = rejected(b -> {
      ArrayNode l = (ArrayNode) at(b, "fsx/DescribeFileSystems").get("FileSystems");
      l.add(l.get(0).deepCopy());
    });
    assertThat(fsx.jsonPath()).isEqualTo("fsx.DescribeFileSystems.FileSystems[3]");
    assertThat(fsx.getMessage()).contains("fsx.DescribeFileSystems.FileSystems[0]");
    InvalidInputException eni = rejected(b -> {
      ArrayNode l = (ArrayNode) at(b, "ec2/DescribeNetworkInterfaces").get("NetworkInterfaces");
      l.add(l.get(2).deepCopy());
    });
    assertThat(eni.jsonPath()).isEqualTo("ec2.DescribeNetworkInterfaces.NetworkInterfaces[3]");
  }

  @Test
  void structuralMistakesAreRejectedNamingTheirPath() {
    InvalidInputException noList = rejected(b -> at(b, "efs/DescribeMountTargets/0").remove("MountTargets"));
    assertThat(noList.jsonPath()).isEqualTo("efs.DescribeMountTargets[0].MountTargets");
    InvalidInputException nullList = rejected(b -> at(b, "fsx/DescribeFileSystems").putNull("FileSystems"));
    assertThat(nullList.jsonPath()).isEqualTo("fsx.DescribeFileSystems.FileSystems");
    InvalidInputException nullGroups = rejected(b -> at(b, "efs/DescribeMountTargetSecurityGroups")
        .putNull(MOUNT_TARGET));
    assertThat(nullGroups.jsonPath()).isEqualTo("efs.DescribeMountTargetSecurityGroups." + MOUNT_TARGET);
    InvalidInputException badKey = rejected(b -> at(b, "efs/DescribeMountTargetSecurityGroups")
        .set("mt-1", at(b, "efs/DescribeMountTargetSecurityGroups/" + MOUNT_TARGET).deepCopy()));
    assertThat(badKey.jsonPath()).isEqualTo("efs.DescribeMountTargetSecurityGroups.mt-1");
    InvalidInputException noPolicy = rejected(b -> at(b, "efs/DescribeFileSystemPolicy/" + EFS).remove("Policy"));
    assertThat(noPolicy.jsonPath()).isEqualTo("efs.DescribeFileSystemPolicy." + EFS + ".Policy");
    InvalidInputException operation = rejected(b -> at(b, "captureFilters")
        .set("DescribeNetworkInterfaces", MAPPER.createArrayNode()));
    assertThat(operation.jsonPath()).isEqualTo("captureFilters.DescribeNetworkInterfaces");
    InvalidInputException values = rejected(b -> at(b, "captureFilters/ec2:DescribeNetworkInterfaces/0")
        .remove("Values"));
    assertThat(values.jsonPath()).isEqualTo("captureFilters.ec2:DescribeNetworkInterfaces[0].Values");
    InvalidInputException typed = rejected(b -> at(b, "efs/DescribeFileSystems/FileSystems/0")
        .put("NumberOfMountTargets", "one"));
    assertThat(typed.jsonPath()).isEqualTo("efs.DescribeFileSystems.FileSystems[0].NumberOfMountTargets");
  }
}
