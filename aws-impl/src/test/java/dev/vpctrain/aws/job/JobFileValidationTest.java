package dev.vpctrain.aws.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the job file reader rejects at the door (formats.md §1): each rejection names file and JSON path. */
class JobFileValidationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A complete, valid request. */
  static ObjectNode valid() {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree("{" + JobFileTest.MINIMAL + "}");
      root.putArray("InputDataConfig").addObject().put("ChannelName", "train").putObject("DataSource")
          .putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "s3://acme-data/train/");
      ObjectNode vpc = root.putObject("VpcConfig");
      vpc.putArray("SecurityGroupIds").add("sg-0a1b2c3d4e5f60401");
      vpc.putArray("Subnets").add("subnet-0a1b2c3d4e5f60101");
      return root;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static InvalidInputException rejected(Consumer<ObjectNode> edit) {
    ObjectNode root = valid();
    edit.accept(root);
    String json = root.toString();
    try {
      JobFile.parse(json, "job.json");
    } catch (InvalidInputException e) {
      assertThat(e.file()).isEqualTo("job.json");
      assertThat(e.getMessage()).startsWith("job.json: " + e.jsonPath() + ": ");
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  private static ObjectNode at(ObjectNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return (ObjectNode) n;
  }

  @Test
  void theValidRequestIsAccepted() {
    TrainingJobSpec spec = JobFile.parse(valid().toString(), "job.json");
    assertThat(spec.inputChannels()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
      "'', TrainingJobName", "'', RoleArn", "'', AlgorithmSpecification", "'', OutputDataConfig",
      "'', ResourceConfig", "'', StoppingCondition",
      "AlgorithmSpecification, TrainingInputMode", "OutputDataConfig, S3OutputPath",
      "ResourceConfig, VolumeSizeInGB", "InputDataConfig.0, ChannelName", "InputDataConfig.0, DataSource",
      "InputDataConfig.0.DataSource.S3DataSource, S3DataType", "InputDataConfig.0.DataSource.S3DataSource, S3Uri",
      "VpcConfig, Subnets", "VpcConfig, SecurityGroupIds"})
  void aMissingRequiredMemberIsRejectedNamingItsPath(String parent, String member) {
    String path = parent.isEmpty() ? member : parent.replaceAll("\\.(\\d+)", "[$1]") + "." + member;
    InvalidInputException e = rejected(root -> (parent.isEmpty() ? root : at(root, parent)).remove(member));
    assertThat(e.jsonPath()).isEqualTo(path);
    assertThat(e.expectation()).startsWith("missing required member \"" + member + "\"");
  }

  @Test
  void nestedRequiredMembersOfOptionalStructures() {
    assertThat(rejected(r -> r.putObject("CheckpointConfig").put("LocalPath", "/opt/ml/checkpoints")).jsonPath())
        .isEqualTo("CheckpointConfig.S3Uri");
    assertThat(rejected(r -> r.putArray("Tags").addObject().put("Key", "team")).jsonPath()).isEqualTo("Tags[0].Value");
    assertThat(rejected(r -> {
      ObjectNode res = at(r, "ResourceConfig");
      res.remove("InstanceType");
      res.remove("InstanceCount");
      res.putArray("InstanceGroups").addObject().put("InstanceType", "ml.m5.xlarge").put("InstanceGroupName", "g");
    }).jsonPath()).isEqualTo("ResourceConfig.InstanceGroups[0].InstanceCount");
    assertThat(rejected(r -> ((ObjectNode) at(r, "InputDataConfig.0").get("DataSource")).putObject("FileSystemDataSource")
        .put("FileSystemId", "fs-0123456789abcdef0").put("FileSystemType", "EFS").put("FileSystemAccessMode", "ro"))
        .jsonPath()).isEqualTo("InputDataConfig[0].DataSource.FileSystemDataSource.DirectoryPath");
  }

  @Test
  void aServerlessJobNeedsNoAlgorithmResourcesOrStoppingCondition() {
    ObjectNode root = valid();
    root.remove("AlgorithmSpecification");
    root.remove("ResourceConfig");
    root.remove("StoppingCondition");
    root.putObject("ServerlessJobConfig");
    assertThat(JobFile.parse(root.toString(), "job.json").name()).isEqualTo("a");
  }

  @ParameterizedTest
  @CsvSource({
      "ResourceConfig, InstanceCount, 0, expected at least 1 instances but was 0",
      "ResourceConfig, InstanceCount, -3, expected at least 1 instances but was -3",
      "ResourceConfig, InstanceCount, 4294967297, expected at most 2147483647 instances (the API's limit) but was 4294967297",
      "ResourceConfig, VolumeSizeInGB, 0, expected at least 1 GB but was 0",
      "StoppingCondition, MaxRuntimeInSeconds, 0, expected at least 1 seconds but was 0"})
  void aCountOutsideTheApiRangeIsRejected(String parent, String member, String value, String message) {
    InvalidInputException e = rejected(r -> at(r, parent).set(member, MAPPER.getNodeFactory()
        .numberNode(new java.math.BigInteger(value))));
    assertThat(e.jsonPath()).isEqualTo(parent + "." + member);
    assertThat(e.expectation()).isEqualTo(message);
  }

  @Test
  void theLargestIntegerCountIsAccepted() {
    ObjectNode root = valid();
    at(root, "ResourceConfig").put("InstanceCount", Integer.MAX_VALUE);
    assertThat(JobFile.parse(root.toString(), "job.json").instanceCount()).hasValue(Integer.MAX_VALUE);
  }

  @Test
  void instanceGroupCountsAreRangeCheckedAndAZeroInstanceCountBesideGroupsIsAllowed() {
    InvalidInputException e = rejected(r -> {
      ObjectNode res = at(r, "ResourceConfig");
      res.remove("InstanceType");
      res.remove("InstanceCount");
      res.putArray("InstanceGroups").addObject().put("InstanceType", "ml.m5.xlarge").put("InstanceCount", 0)
          .put("InstanceGroupName", "g");
    });
    assertThat(e.jsonPath()).isEqualTo("ResourceConfig.InstanceGroups[0].InstanceCount");
    ObjectNode root = valid();
    ObjectNode res = at(root, "ResourceConfig");
    res.remove("InstanceType");
    res.put("InstanceCount", 0);
    res.putArray("InstanceGroups").addObject().put("InstanceType", "ml.m5.xlarge").put("InstanceCount", 2)
        .put("InstanceGroupName", "g");
    assertThat(JobFile.parse(root.toString(), "job.json").totalInstanceCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
      "InputDataConfig, 21, 'expected at most 20 channels (the API''s limit) but the array has 21'",
      "VpcConfig.Subnets, 17, 'expected at most 16 subnets (the API''s limit) but the array has 17'",
      "VpcConfig.SecurityGroupIds, 6, 'expected at most 5 security groups (the API''s limit) but the array has 6'",
      "Tags, 51, 'expected at most 50 tags (the API''s limit) but the array has 51'",
      "HyperParameters, 101, 'expected at most 100 hyperparameters (the API''s limit) but the object has 101 members'",
      "ResourceConfig.InstanceGroups, 6, 'expected at most 5 instance groups (the API''s limit) but the array has 6'"})
  void aListBeyondTheApiLimitIsRejectedWithTheLimit(String path, int size, String message) {
    InvalidInputException e = rejected(r -> fill(r, path, size));
    assertThat(e.jsonPath()).isEqualTo(path);
    assertThat(e.expectation()).isEqualTo(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"InputDataConfig", "VpcConfig.Subnets", "VpcConfig.SecurityGroupIds"})
  void anEmptyListTheApiNeedsFilledIsRejected(String path) {
    InvalidInputException e = rejected(r -> fill(r, path, 0));
    assertThat(e.jsonPath()).isEqualTo(path);
    assertThat(e.expectation()).startsWith("expected at least 1 ");
  }

  @Test
  void listsAtTheApiLimitAreAccepted() {
    ObjectNode root = valid();
    for (String[] p : new String[][] {{"InputDataConfig", "20"}, {"VpcConfig.Subnets", "16"},
        {"VpcConfig.SecurityGroupIds", "5"}, {"Tags", "50"}, {"HyperParameters", "100"}}) {
      fill(root, p[0], Integer.parseInt(p[1]));
    }
    TrainingJobSpec spec = JobFile.parse(root.toString(), "job.json");
    assertThat(spec.inputChannels()).hasSize(20);
    assertThat(spec.vpc().get().subnets()).hasSize(16);
  }

  @Test
  void aHugeFileIsRejectedQuickly() {
    ObjectNode root = valid();
    fill(root, "InputDataConfig", 20_000);
    fill(root, "HyperParameters", 20_000);
    fill(root, "Tags", 20_000);
    String json = root.toString();
    long start = System.nanoTime();
    assertThatThrownBy(() -> JobFile.parse(json, "job.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(the API's limit)");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void aJobAtTheApiLimitsIsCheckedInWellUnderASecond() throws Exception {
    Path example = Path.of("..", "testdata", "shared-examples", "ready-private-endpoints");
    org.junit.jupiter.api.Assertions.assertTrue(Files.isDirectory(example), "shared examples not found");
    ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(example.resolve("job.json")));
    fill(root, "InputDataConfig", 20);
    fill(root, "VpcConfig.Subnets", 16);
    fill(root, "VpcConfig.SecurityGroupIds", 5);
    ArrayNode subnets = (ArrayNode) root.get("VpcConfig").get("Subnets");
    subnets.set(0, MAPPER.getNodeFactory().textNode("subnet-0a1b2c3d4e5f60101"));
    subnets.set(1, MAPPER.getNodeFactory().textNode("subnet-0a1b2c3d4e5f60102"));
    ((ArrayNode) root.get("VpcConfig").get("SecurityGroupIds")).set(0, MAPPER.getNodeFactory().textNode("sg-0a1b2c3d4e5f60401"));
    fill(root, "Tags", 50);
    fill(root, "HyperParameters", 100);
    dev.vpctrain.core.network.NetworkSnapshot network =
        dev.vpctrain.aws.bundle.SnapshotBundle.read(example.resolve("network.json"));
    dev.vpctrain.core.rules.RuleEngine engine = dev.vpctrain.core.rules.RuleEngine.standard();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      engine.evaluate(JobFile.parse(root.toString(), "job.json"), network);
      best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
    }
    assertThat(best).as("ms to read and check a job at the API's limits").isLessThan(1_000);
  }

  /** Sets the list or map at {@code path} to {@code size} distinct valid entries. */
  static void fill(ObjectNode root, String path, int size) {
    int dot = path.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
    String name = path.substring(dot + 1);
    if (name.equals("HyperParameters")) {
      ObjectNode m = parent.putObject(name);
      for (int i = 0; i < size; i++) {
        m.put("p" + i, String.valueOf(i));
      }
      return;
    }
    ArrayNode a = parent.putArray(name);
    for (int i = 0; i < size; i++) {
      String hex = String.format("%017x", i);
      switch (name) {
        case "InputDataConfig":
          a.addObject().put("ChannelName", "c" + i).putObject("DataSource").putObject("S3DataSource")
              .put("S3DataType", "S3Prefix").put("S3Uri", "s3://acme-data/c" + i + "/");
          break;
        case "Subnets":
          a.add("subnet-" + hex);
          break;
        case "SecurityGroupIds":
          a.add("sg-" + hex);
          break;
        case "Tags":
          a.addObject().put("Key", "k" + i).put("Value", "v");
          break;
        case "InstanceGroups":
          parent.remove("InstanceType");
          parent.remove("InstanceCount");
          a.addObject().put("InstanceType", "ml.m5.xlarge").put("InstanceCount", 1).put("InstanceGroupName", "g" + i);
          break;
        default:
          throw new IllegalArgumentException(name);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "garbage", "[1]", "\"x\"", " 1"})
  void trailingContentIsRejectedWithItsPosition(String trailing) {
    String json = "{" + JobFileTest.MINIMAL + "}\n" + trailing;
    assertThatThrownBy(() -> JobFile.parse(json, "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEmpty();
          assertThat(e.getMessage()).startsWith("job.json: expected one JSON document but found trailing content after it at line 2");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "garbage", "]", "/* comment */"})
  void theTrailingContentIsLocatedWhereItStarts(String trailing) {
    String json = "{" + JobFileTest.MINIMAL + "}\n  " + trailing;
    assertThatThrownBy(() -> JobFile.parse(json, "job.json"))
        .hasMessageContaining("trailing content after it at line 2, column 3 (the document ends at line 1, column ");
  }

  @Test
  void trailingWhitespaceIsFine() {
    assertThat(JobFile.parse("{" + JobFileTest.MINIMAL + "}\n\n  \t\r\n", "job.json").name()).isEqualTo("a");
  }

  @Test
  void invalidUtf8IsRejectedNamingFileAndPosition(@TempDir Path dir) throws Exception {
    byte[] good = ("{" + JobFileTest.MINIMAL + "}").getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 1];
    int at = ("{\"TrainingJobName\": \"").length();
    System.arraycopy(good, 0, bad, 0, at);
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28;
    System.arraycopy(good, at + 1, bad, at + 2, good.length - at - 1);
    Path file = dir.resolve("job.json");
    Files.write(file, bad);
    assertThatThrownBy(() -> JobFile.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.expectation()).isEqualTo("expected UTF-8 text but the file is not valid UTF-8: byte 0xC3 at line 1,"
          + " column " + (at + 1) + " (byte offset " + at + ")");
    });
  }

  @Test
  void utf16IsRejectedSayingItMustBeUtf8(@TempDir Path dir) throws Exception {
    Path withBom = dir.resolve("bom16.json");
    Files.write(withBom, ("{" + JobFileTest.MINIMAL + "}").getBytes(StandardCharsets.UTF_16));
    Path withoutBom = dir.resolve("le16.json");
    Files.write(withoutBom, ("{" + JobFileTest.MINIMAL + "}").getBytes(StandardCharsets.UTF_16LE));
    for (Path file : new Path[] {withBom, withoutBom}) {
      assertThatThrownBy(() -> JobFile.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.expectation()).startsWith("expected UTF-8 text but the file is UTF-16");
      });
    }
  }

  @Test
  void aUtf8ByteOrderMarkIsTolerated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("job.json");
    byte[] text = ("{" + JobFileTest.MINIMAL + "}").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(file, withBom);
    assertThat(JobFile.read(file).name()).isEqualTo("a");
  }

  @Test
  void aDirectoryOrAMissingFileIsAFileSystemErrorNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> JobFile.read(dir)).isInstanceOfSatisfying(FileSystemException.class, e -> {
      assertThat(e.getFile()).isEqualTo(dir.toString());
      assertThat(e.getReason()).isEqualTo("is a directory, not a file");
    });
    assertThatThrownBy(() -> JobFile.read(dir.resolve("nope.json"))).isInstanceOfSatisfying(NoSuchFileException.class,
        e -> assertThat(e.getFile()).isEqualTo(dir.resolve("nope.json").toString()));
  }
}
