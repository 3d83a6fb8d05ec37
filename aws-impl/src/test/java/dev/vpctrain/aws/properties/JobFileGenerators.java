package dev.vpctrain.aws.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of job files: valid CreateTrainingJob requests (the shared examples' job.json files
 * with their channels, instances, subnets, security groups, hyperparameters and tags varied), their
 * equivalent spellings, and mutations of them.
 */
final class JobFileGenerators {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final Path EXAMPLES = Path.of("..", "testdata", "shared-examples");

  /** The network every generated job is checked against. */
  static final Path BUNDLE = EXAMPLES.resolve("ready-private-endpoints").resolve("network.json");

  private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102",
      "subnet-0a1b2c3d4e5f60201", "subnet-0123abcd", "subnet-0fffffffffffffff0");
  private static final List<String> GROUPS = List.of("sg-0a1b2c3d4e5f60401", "sg-0a1b2c3d4e5f60402", "sg-0123abcd",
      "sg-0eeeeeeeeeeeeeee0");
  private static final List<String> BUCKETS = List.of("acme-ml-data", "acme-ml-artifacts", "other-bucket-01",
      "Bad_Bucket");
  private static final List<String> TYPES = List.of("ml.m5.xlarge", "ml.p4d.24xlarge", "ml.c5.2xlarge",
      "ml.g5.12xlarge", "ml.trn1.32xlarge", "p4d.24xlarge");

  /** Small lists most of the time, the API's limit now and then. */
  private static final net.jqwik.api.RandomDistribution BIASED = net.jqwik.api.RandomDistribution.biased();

  private JobFileGenerators() {}

  /** The shared examples' job files, as trees. */
  static List<ObjectNode> exampleJobs() {
    if (!Files.isDirectory(EXAMPLES)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      List<Path> files = dirs.map(d -> d.resolve("job.json")).filter(Files::isRegularFile).sorted()
          .collect(Collectors.toList());
      List<ObjectNode> out = new ArrayList<>();
      for (Path f : files) {
        out.add((ObjectNode) MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A shared example job, unchanged. */
  static Arbitrary<ObjectNode> examples() {
    return Arbitraries.of(exampleJobs()).map(ObjectNode::deepCopy);
  }

  /** Valid requests: an example job with its lists and counts varied within the API's ranges. */
  static Arbitrary<ObjectNode> validJobs() {
    Arbitrary<ArrayNode> channels = channel().list().ofMinSize(1).ofMaxSize(20).withSizeDistribution(BIASED).map(list -> {
      ArrayNode a = NODES.arrayNode();
      for (int i = 0; i < list.size(); i++) {
        a.add(list.get(i).put("ChannelName", "ch" + i));
      }
      return a;
    });
    Arbitrary<ObjectNode> vpc = Combinators.combine(
        Arbitraries.of(SUBNETS).list().ofMinSize(1).ofMaxSize(16).withSizeDistribution(BIASED),
        Arbitraries.of(GROUPS).list().ofMinSize(1).ofMaxSize(5)).as((subnets, groups) -> {
          ObjectNode v = NODES.objectNode();
          ArrayNode sg = v.putArray("SecurityGroupIds");
          groups.forEach(sg::add);
          ArrayNode sn = v.putArray("Subnets");
          subnets.forEach(sn::add);
          return v;
        });
    Arbitrary<ObjectNode> hyperParameters = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-').ofMinLength(1).ofMaxLength(20),
        text().ofMaxLength(30)).as(Map::entry).list().ofMaxSize(100).map(entries -> {
          ObjectNode m = NODES.objectNode();
          entries.forEach(e -> m.put(e.getKey(), e.getValue()));
          return m;
        });
    Arbitrary<ArrayNode> tags = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
        text().ofMaxLength(20)).as((k, v) -> NODES.objectNode().put("Key", k).put("Value", v))
        .list().ofMaxSize(50).map(list -> {
          ArrayNode a = NODES.arrayNode();
          list.forEach(a::add);
          return a;
        });
    Arbitrary<long[]> numbers = Arbitraries.longs().between(0, Long.MAX_VALUE).array(long[].class).ofSize(4);
    return Combinators.combine(examples(), channels, resources(), vpc.injectNull(0.1), hyperParameters.injectNull(0.2),
        tags.injectNull(0.3), numbers).as((job, ch, res, v, hp, tg, n) -> {
          job.set("InputDataConfig", ch);
          job.set("ResourceConfig", res);
          if (v == null) {
            job.remove("VpcConfig");
          } else {
            job.set("VpcConfig", v);
          }
          if (hp != null) {
            job.set("HyperParameters", hp);
          }
          if (tg != null) {
            job.set("Tags", tg);
          }
          job.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 1 + n[0] % 2_419_200);
          job.put("EnableNetworkIsolation", n[1] % 2 == 0);
          job.put("EnableInterContainerTrafficEncryption", n[2] % 3 != 0);
          if (n[3] % 4 == 0) {
            job.remove("CheckpointConfig");
          }
          return job;
        });
  }

  /** Any text without unpaired surrogates (which no UTF-8 file can hold): controls, accents, CJK, emoji. */
  private static net.jqwik.api.arbitraries.StringArbitrary text() {
    return Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u00a0', '\u07ff')
        .withCharRange('\u4e00', '\u4e20').withChars('\u2603', '\uFEFF', '\u200b');
  }

  private static Arbitrary<ObjectNode> channel() {
    Arbitrary<ObjectNode> s3 = Combinators.combine(Arbitraries.of(BUCKETS),
        Arbitraries.strings().withCharRange('a', 'z').withChars('/', '-', '.', 'é').ofMaxLength(20),
        Arbitraries.of("S3Prefix", "ManifestFile", "AugmentedManifestFile"),
        Arbitraries.of("FullyReplicated", "ShardedByS3Key").injectNull(0.5),
        Arbitraries.of("File", "Pipe", "FastFile").injectNull(0.7)).as((bucket, key, type, dist, mode) -> {
          ObjectNode c = NODES.objectNode();
          ObjectNode src = c.putObject("DataSource").putObject("S3DataSource");
          src.put("S3DataType", type).put("S3Uri", "s3://" + bucket + "/" + key);
          if (dist != null) {
            src.put("S3DataDistributionType", dist);
          }
          if (mode != null) {
            c.put("InputMode", mode);
          }
          return c;
        });
    Arbitrary<ObjectNode> fileSystem = Arbitraries.of("EFS", "FSxLustre").map(type -> {
      ObjectNode c = NODES.objectNode();
      c.putObject("DataSource").putObject("FileSystemDataSource").put("FileSystemId", "fs-0123456789abcdef0")
          .put("FileSystemType", type).put("FileSystemAccessMode", "ro").put("DirectoryPath", "/data");
      return c;
    });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, s3), net.jqwik.api.Tuple.of(1, fileSystem));
  }

  private static Arbitrary<ObjectNode> resources() {
    Arbitrary<Integer> counts = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 64)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, Integer.MAX_VALUE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE)));
    Arbitrary<ObjectNode> single = Combinators.combine(Arbitraries.of(TYPES), counts,
        Arbitraries.integers().between(1, 16_384)).as((type, count, volume) -> NODES.objectNode()
        .put("InstanceType", type).put("InstanceCount", count).put("VolumeSizeInGB", volume));
    Arbitrary<ObjectNode> groups = Combinators.combine(Arbitraries.of(TYPES), counts).as((t, c) -> new Object[] {t, c})
        .list().ofMinSize(1).ofMaxSize(5).map(list -> {
          ObjectNode r = NODES.objectNode().put("VolumeSizeInGB", 100);
          ArrayNode a = r.putArray("InstanceGroups");
          for (int i = 0; i < list.size(); i++) {
            a.addObject().put("InstanceType", (String) list.get(i)[0]).put("InstanceCount", (Integer) list.get(i)[1])
                .put("InstanceGroupName", "group" + i);
          }
          return r;
        });
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, single), net.jqwik.api.Tuple.of(1, groups));
  }

  /** Equivalent spellings of one document: members reordered, strings escaped, whitespace, BOM. */
  static Arbitrary<JobJsonText.Style> equivalentStyles() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((seed, reorder, escape, pretty, bom) -> new JobJsonText.Style(seed, reorder, escape, pretty, bom, -1));
  }

  /** What a mutation does to a valid file. */
  enum Mutation {
    NONE, DROP_MEMBER, DUPLICATE_MEMBER, TRUNCATE, OUT_OF_RANGE, WRONG_TYPE, NULL_VALUE, UNKNOWN_MEMBER,
    LIST_TOO_LONG, TRAILING_CONTENT, INVALID_BYTES, UTF16;

    /** Mutations that keep the document well-formed JSON: a rejection must name a JSON path. */
    boolean keepsTheSyntax() {
      return this == DROP_MEMBER || this == OUT_OF_RANGE || this == WRONG_TYPE || this == NULL_VALUE
          || this == UNKNOWN_MEMBER || this == LIST_TOO_LONG;
    }
  }

  /** A mutated file: the bytes and how they were made (for the report of a failing try). */
  static final class Mutant {
    final Mutation mutation;
    final String detail;
    final byte[] bytes;

    Mutant(Mutation mutation, String detail, byte[] bytes) {
      this.mutation = mutation;
      this.detail = detail;
      this.bytes = bytes;
    }

    @Override
    public String toString() {
      return mutation + " " + detail + "\n" + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static Arbitrary<Mutant> mutants() {
    return Combinators.combine(validJobs(), Arbitraries.of(Mutation.values()), Arbitraries.longs(), equivalentStyles())
        .as((job, m, seed, style) -> mutate(job, m, new Random(seed), style));
  }

  static Mutant mutate(ObjectNode job, Mutation m, Random r, JobJsonText.Style style) {
    switch (m) {
      case DROP_MEMBER: {
        Slot s = pick(job, r, true);
        ((ObjectNode) s.parent).remove(s.name);
        return new Mutant(m, "dropped " + s.path, JobJsonText.bytes(job, style));
      }
      case DUPLICATE_MEMBER: {
        int members = countMembers(job);
        int which = r.nextInt(members);
        JobJsonText.Style dup = new JobJsonText.Style(style.seed, style.reorder, style.escapeStrings, style.pretty,
            style.bom, which);
        return new Mutant(m, "member #" + which + " twice", JobJsonText.bytes(job, dup));
      }
      case TRUNCATE: {
        byte[] all = JobJsonText.bytes(job, style);
        int keep = r.nextInt(all.length);
        byte[] cut = new byte[keep];
        System.arraycopy(all, 0, cut, 0, keep);
        return new Mutant(m, "first " + keep + " of " + all.length + " bytes", cut);
      }
      case OUT_OF_RANGE: {
        List<String[]> targets = new ArrayList<>();
        if (job.path("ResourceConfig").has("InstanceCount")) {
          targets.add(new String[] {"ResourceConfig", "InstanceCount"});
        }
        targets.add(new String[] {"ResourceConfig", "VolumeSizeInGB"});
        targets.add(new String[] {"StoppingCondition", "MaxRuntimeInSeconds"});
        String[] t = targets.get(r.nextInt(targets.size()));
        JsonNode[] values = {NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MIN_VALUE),
            NODES.numberNode(2147483648L), NODES.numberNode(new BigInteger("99999999999999999999999")),
            NODES.numberNode(new BigDecimal("1.5")), NODES.numberNode(new BigDecimal("1e30"))};
        JsonNode v = values[r.nextInt(values.length)];
        ((ObjectNode) job.get(t[0])).set(t[1], v);
        return new Mutant(m, t[0] + "." + t[1] + " = " + v, JobJsonText.bytes(job, style));
      }
      case WRONG_TYPE: {
        Slot s = pick(job, r, false);
        JsonNode[] values = {NODES.textNode("x"), NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode(),
            NODES.objectNode()};
        JsonNode v = values[r.nextInt(values.length)];
        s.set(v);
        return new Mutant(m, s.path + " = " + v, JobJsonText.bytes(job, style));
      }
      case NULL_VALUE: {
        Slot s = pick(job, r, false);
        s.set(NODES.nullNode());
        return new Mutant(m, s.path + " = null", JobJsonText.bytes(job, style));
      }
      case UNKNOWN_MEMBER: {
        List<Slot> objects = new ArrayList<>();
        slots(job, "", objects);
        // HyperParameters and Environment are maps: any key is valid there
        objects.removeIf(s -> !s.value().isObject() || s.path.equals("HyperParameters") || s.path.equals("Environment"));
        ObjectNode target = objects.isEmpty() || r.nextInt(4) == 0 ? job : (ObjectNode) objects.get(r.nextInt(objects.size())).value();
        target.put("NotAMember" + r.nextInt(100), "x");
        return new Mutant(m, "unknown member", JobJsonText.bytes(job, style));
      }
      case LIST_TOO_LONG: {
        String what = new String[] {"InputDataConfig", "Tags", "HyperParameters", "VpcConfig"}[r.nextInt(4)];
        int size = 21 + r.nextInt(3000);
        switch (what) {
          case "InputDataConfig": {
            ArrayNode a = job.putArray("InputDataConfig");
            for (int i = 0; i < size; i++) {
              a.addObject().put("ChannelName", "c" + i).putObject("DataSource").putObject("S3DataSource")
                  .put("S3DataType", "S3Prefix").put("S3Uri", "s3://acme-ml-data/c" + i + "/");
            }
            break;
          }
          case "Tags": {
            ArrayNode a = job.putArray("Tags");
            for (int i = 0; i < size + 30; i++) {
              a.addObject().put("Key", "k" + i).put("Value", "v");
            }
            break;
          }
          case "HyperParameters": {
            ObjectNode o = job.putObject("HyperParameters");
            for (int i = 0; i < size + 80; i++) {
              o.put("p" + i, "v");
            }
            break;
          }
          default: {
            ObjectNode v = job.putObject("VpcConfig");
            v.putArray("SecurityGroupIds").add(GROUPS.get(0));
            ArrayNode s = v.putArray("Subnets");
            for (int i = 0; i < 17 + r.nextInt(100); i++) {
              s.add(String.format("subnet-%017x", i));
            }
          }
        }
        return new Mutant(m, what + " beyond the limit", JobJsonText.bytes(job, style));
      }
      case TRAILING_CONTENT: {
        String[] tails = {"{}", "garbage", "]", "1", "\"x\"", "{\"TrainingJobName\": \"b\"}", "null", "/* c */"};
        String tail = tails[r.nextInt(tails.length)];
        byte[] doc = JobJsonText.bytes(job, style);
        byte[] t = ("\n" + tail).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[doc.length + t.length];
        System.arraycopy(doc, 0, out, 0, doc.length);
        System.arraycopy(t, 0, out, doc.length, t.length);
        return new Mutant(m, "then " + tail, out);
      }
      case INVALID_BYTES: {
        byte[] doc = JobJsonText.bytes(job, style);
        int at = style.bom ? 3 + r.nextInt(doc.length - 3) : r.nextInt(doc.length);
        byte[] bad = {(byte) 0x80, (byte) 0xC0, (byte) 0xFF, (byte) 0xFE, (byte) 0xED};
        byte b = bad[r.nextInt(bad.length)];
        byte[] out = new byte[doc.length + 1];
        System.arraycopy(doc, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(doc, at, out, at + 1, doc.length - at);
        return new Mutant(m, String.format("byte 0x%02X at %d", b & 0xFF, at), out);
      }
      case UTF16:
        return new Mutant(m, "UTF-16", JobJsonText.text(job, style).getBytes(r.nextBoolean()
            ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE));
      default:
        return new Mutant(m, "", JobJsonText.bytes(job, style));
    }
  }

  /** A member of an object or an element of an array, somewhere in the tree. */
  static final class Slot {
    final JsonNode parent;
    final String name;
    final int index;
    final String path;

    Slot(JsonNode parent, String name, int index, String path) {
      this.parent = parent;
      this.name = name;
      this.index = index;
      this.path = path;
    }

    JsonNode value() {
      return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode v) {
      if (name != null) {
        ((ObjectNode) parent).set(name, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }
  }

  private static void slots(JsonNode n, String path, List<Slot> out) {
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(name -> {
        String p = path.isEmpty() ? name : path + "." + name;
        out.add(new Slot(n, name, -1, p));
        slots(n.get(name), p, out);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(n, null, i, p));
        slots(n.get(i), p, out);
      }
    }
  }

  /** A random slot; only object members when {@code membersOnly}. */
  private static Slot pick(ObjectNode root, Random r, boolean membersOnly) {
    List<Slot> all = new ArrayList<>();
    slots(root, "", all);
    if (membersOnly) {
      all.removeIf(s -> s.name == null);
    }
    return all.get(r.nextInt(all.size()));
  }

  private static int countMembers(JsonNode n) {
    int count = n.isObject() ? n.size() : 0;
    for (JsonNode child : n) {
      count += countMembers(child);
    }
    return count;
  }
}
