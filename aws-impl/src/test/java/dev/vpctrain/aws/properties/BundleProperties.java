package dev.vpctrain.aws.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bundle reader's contract (formats.md §2), checked on mutations of valid bundles: it accepts a
 * bundle or rejects it with an {@link InvalidInputException} naming the file and a JSON path (never
 * another exception); the rules never report "This is a bug in vpctrain" on a bundle it accepted;
 * a listed-twice id and an out-of-range value are rejected at their path; and semantically
 * identical bundles give identical reports. {@code -Djqwik.tries.default=5000} runs it longer.
 */
class BundleProperties {
  private static final String FILE = "bundle.json";
  private static final RuleEngine ENGINE = RuleEngine.standard();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ---- 1. accept, or reject naming file and path; the rules never meet a value they cannot use

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anyMutationIsAcceptedOrRejectedWithFileAndPath(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed,
      @ForAll("mutationCounts") int mutations) {
    Random random = new Random(seed);
    String text;
    if (random.nextInt(8) == 0) {
      String t = c.bundle();
      text = random.nextBoolean() ? t.substring(0, random.nextInt(t.length()))
          : new StringBuilder(t).insert(random.nextInt(t.length()), "{[,\":x}]".charAt(random.nextInt(8))).toString();
    } else {
      JsonNode tree = c.tree();
      for (int i = 0; i < mutations; i++) {
        mutate(tree, random);
      }
      text = tree.toPrettyString();
    }
    NetworkSnapshot snapshot;
    try {
      snapshot = SnapshotBundle.parse(text, FILE);
    } catch (InvalidInputException e) {
      assertNamesFileAndPath(e);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("the reader threw " + e + " instead of InvalidInputException on:\n" + text, e);
    }
    assertRulesCope(snapshot, c, text);
  }

  private static void assertNamesFileAndPath(InvalidInputException e) {
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith(FILE + ": ");
    if (e.jsonPath().isEmpty()) {
      // only a document that is not JSON at all has no path; it names line and column instead
      assertThat(e.expectation()).as(e.getMessage()).containsAnyOf("well-formed JSON", "line ", "JSON document");
    } else {
      assertThat(e.jsonPath()).as(e.getMessage()).doesNotContain("..").doesNotStartWith(".");
    }
    assertThat(e.expectation()).as(e.getMessage()).contains("expected");
  }

  private static void assertRulesCope(NetworkSnapshot snapshot, Corpus.Case c, String text) {
    for (TrainingJobSpec job : jobs(c)) {
      PreflightReport report = ENGINE.evaluate(job, snapshot);
      for (Finding f : report.findings()) {
        if (f.message().contains("This is a bug in vpctrain")) {
          fail("rule " + f.ruleId() + " failed on an accepted bundle (job " + job.name() + "): " + f.message()
              + "\n" + text);
        }
      }
      JsonReport.render(report, true);
    }
  }

  /** One random change: duplicate or drop an element, drop a member, replace a value. */
  private static void mutate(JsonNode tree, Random r) {
    List<Trees.Slot> slots = Trees.slots(tree);
    if (slots.isEmpty()) {
      return;
    }
    Trees.Slot s = slots.get(r.nextInt(slots.size()));
    switch (r.nextInt(5)) {
      case 0 -> {
        if (s.container() instanceof ArrayNode a) {
          a.insert(r.nextInt(a.size() + 1), s.value().deepCopy());
        } else {
          s.set(NODES.arrayNode().add(s.value().deepCopy()));
        }
      }
      case 1 -> s.remove();
      case 2 -> s.set(randomValue(r));
      default -> {
        if (s.value().isValueNode()) {
          s.set(interesting(s, r));
        } else {
          s.remove();
        }
      }
    }
  }

  private static final String[] STRINGS = {"", "x", "-1", "all", "ALL", "tcp", "6", "256", "icmpv6", "local",
      "default", "0.0.0.0/0", "10.0.0.0/33", "300.0.0.0/8", "10.0.0.0/x", "10.0.0.0", "::/0", "::/129", "fe80::1",
      "subnet-0a1b2c3d", "sg-0a1b2c3d", "vpc-0a1b2c3d", "rtb-0a1b2c3d", "acl-0a1b2c3d", "vpce-0a1b2c3d",
      "nat-0a1b2c3d", "igw-0a1b2c3d", "pl-63a5400a", "dopt-0a1b2c3d", "eni-0a1b2c3d", "subnet-", "SG-1",
      "com.amazonaws.us-east-1.s3", "com.amazonaws.eu-west-1.s3", "com.amazonaws.us-east-1.dynamodb",
      "Gateway", "Interface", "available", "Available", "blackhole", "deleted", "failed", "pending", "allow",
      "Deny", "associated", "disassociated", "us-east-1", "eu-west-1", "EU", "{}", "{\"Statement\":[]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\"}]}", "\u00e9\u4e2d\ud83d\ude00", "ec2:DescribeSubnets", "s3:GetBucketPolicy"};

  private static final int[] NUMBERS = {-2, -1, 0, 1, 6, 17, 22, 100, 255, 256, 443, 1024, 32766, 32767, 32768,
      65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE};

  private static JsonNode randomValue(Random r) {
    switch (r.nextInt(7)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(r.nextBoolean());
      case 2:
        return IntNode.valueOf(NUMBERS[r.nextInt(NUMBERS.length)]);
      case 3:
        return NODES.numberNode(r.nextDouble() * 1000);
      case 4:
        return NODES.objectNode();
      case 5:
        return NODES.arrayNode();
      default:
        return TextNode.valueOf(STRINGS[r.nextInt(STRINGS.length)]);
    }
  }

  /** A value of the same JSON type that is often just outside what is valid. */
  private static JsonNode interesting(Trees.Slot s, Random r) {
    JsonNode v = s.value();
    if (v.isIntegralNumber()) {
      return IntNode.valueOf(NUMBERS[r.nextInt(NUMBERS.length)]);
    }
    if (v.isBoolean()) {
      return NODES.booleanNode(!v.booleanValue());
    }
    if (v.isTextual() && r.nextBoolean() && !v.asText().isEmpty()) {
      String t = v.asText();
      int i = r.nextInt(t.length());
      return TextNode.valueOf(r.nextBoolean() ? t.substring(0, i) : t.substring(0, i) + "x" + t.substring(i));
    }
    return TextNode.valueOf(STRINGS[r.nextInt(STRINGS.length)]);
  }

  // ---- 2. an id listed twice in one operation's output names both JSON paths

  private static final Pattern SECTION_ELEMENT =
      Pattern.compile("ec2\\.Describe[A-Za-z]+\\.(Vpcs|DhcpOptions|Subnets|SecurityGroups|RouteTables|VpcEndpoints"
          + "|NatGateways|InternetGateways|NetworkAcls|PrefixLists)\\[\\d+\\]");

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anIdListedTwiceIsRejectedNamingBothPaths(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    JsonNode tree = c.tree();
    List<Trees.Slot> elements = new ArrayList<>();
    for (Trees.Slot s : Trees.slots(tree)) {
      if (SECTION_ELEMENT.matcher(s.path()).matches()) {
        elements.add(s);
      }
    }
    if (elements.isEmpty()) {
      return;
    }
    Trees.Slot s = elements.get(r.nextInt(elements.size()));
    ArrayNode list = (ArrayNode) s.container();
    ObjectNode copy = s.value().deepCopy();
    if (r.nextBoolean()) {
      copy.put("State", r.nextBoolean() ? "available" : "deleted"); // different contents, same id
    }
    int at = r.nextInt(list.size() + 1);
    list.insert(at, copy);
    String listPath = s.path().substring(0, s.path().lastIndexOf('['));
    int original = at <= s.index() ? s.index() + 1 : s.index();
    String first = listPath + "[" + Math.min(at, original) + "]";
    String second = listPath + "[" + Math.max(at, original) + "]";
    try {
      SnapshotBundle.parse(tree.toPrettyString(), FILE);
      fail("a bundle listing an id twice (" + first + ", " + second + ") was accepted");
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).contains(first + " ").contains(second).contains("listed twice");
    }
  }

  // ---- 3. an out-of-range value is rejected at its JSON path

  private enum Kind {
    CIDR4("10.0.0.0/33", "300.0.0.0/8", "10.0.0.0/x", "10.0.0.0", "x", "", "1.2.3.4.5/8", "10.0.0.0/-1", "10.0.0.0/8 "),
    CIDR6("::/129", "x", "10.0.0.0/8", "2600:::/56", "2600::1::/56", "12345::/16"),
    PORT(65536, -2, 70000, Integer.MIN_VALUE),
    COUNT(-1, Integer.MIN_VALUE),
    SG_PROTOCOL("all", "x", "256", "-2", "", "tcp6", "1000"),
    ACL_PROTOCOL("all", "x", "256", "-2", "", "1000"),
    RULE_NUMBER(0, -1, 32768, 100000),
    ID("x", "", "SUBNET-0A1B", "0a1b2c3d", "thing-0a1b2c3d", "subnet-0a1b2c3g", "subnet_0a1b");

    final List<JsonNode> bad = new ArrayList<>();

    Kind(Object... values) {
      for (Object v : values) {
        bad.add(v instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf((String) v));
      }
    }
  }

  private record Typed(Pattern path, Kind kind) {}

  private static final String SG_RULE = "ec2\\.DescribeSecurityGroups\\.SecurityGroups\\[\\d+\\]\\.IpPermissions(Egress)?\\[\\d+\\]";
  private static final String ACL_ENTRY = "ec2\\.DescribeNetworkAcls\\.NetworkAcls\\[\\d+\\]\\.Entries\\[\\d+\\]";
  private static final String ROUTE = "ec2\\.DescribeRouteTables\\.RouteTables\\[\\d+\\]\\.Routes\\[\\d+\\]";

  private static final List<Typed> TYPED = List.of(
      typed("ec2\\.DescribeVpcs\\.Vpcs\\[\\d+\\]\\.CidrBlock", Kind.CIDR4),
      typed("ec2\\.DescribeVpcs\\.Vpcs\\[\\d+\\]\\.CidrBlockAssociationSet\\[\\d+\\]\\.CidrBlock", Kind.CIDR4),
      typed("ec2\\.DescribeSubnets\\.Subnets\\[\\d+\\]\\.CidrBlock", Kind.CIDR4),
      typed("ec2\\.DescribeSubnets\\.Subnets\\[\\d+\\]\\.AvailableIpAddressCount", Kind.COUNT),
      typed("ec2\\.Describe[A-Za-z]+\\.[A-Za-z]+\\[\\d+\\]\\.(VpcId|SubnetId|GroupId|RouteTableId|NetworkAclId"
          + "|VpcEndpointId|NatGatewayId|InternetGatewayId|PrefixListId|DhcpOptionsId)", Kind.ID),
      typed(SG_RULE + "\\.IpProtocol", Kind.SG_PROTOCOL),
      typed(SG_RULE + "\\.(FromPort|ToPort)", Kind.PORT),
      typed(SG_RULE + "\\.IpRanges\\[\\d+\\]\\.CidrIp", Kind.CIDR4),
      typed(SG_RULE + "\\.Ipv6Ranges\\[\\d+\\]\\.CidrIpv6", Kind.CIDR6),
      typed(SG_RULE + "\\.(UserIdGroupPairs\\[\\d+\\]\\.GroupId|PrefixListIds\\[\\d+\\]\\.PrefixListId)", Kind.ID),
      typed(ACL_ENTRY + "\\.RuleNumber", Kind.RULE_NUMBER),
      typed(ACL_ENTRY + "\\.Protocol", Kind.ACL_PROTOCOL),
      typed(ACL_ENTRY + "\\.CidrBlock", Kind.CIDR4),
      typed(ACL_ENTRY + "\\.Ipv6CidrBlock", Kind.CIDR6),
      typed(ACL_ENTRY + "\\.PortRange\\.(From|To)", Kind.PORT),
      typed("ec2\\.DescribeNetworkAcls\\.NetworkAcls\\[\\d+\\]\\.Associations\\[\\d+\\]\\.SubnetId", Kind.ID),
      typed(ROUTE + "\\.DestinationCidrBlock", Kind.CIDR4),
      typed(ROUTE + "\\.DestinationIpv6CidrBlock", Kind.CIDR6),
      typed(ROUTE + "\\.(DestinationPrefixListId|NatGatewayId|TransitGatewayId|VpcPeeringConnectionId)", Kind.ID),
      typed("ec2\\.DescribePrefixLists\\.PrefixLists\\[\\d+\\]\\.Cidrs\\[\\d+\\]", Kind.CIDR4),
      typed("ec2\\.DescribeVpcEndpoints\\.VpcEndpoints\\[\\d+\\]\\.(RouteTableIds|SubnetIds)\\[\\d+\\]", Kind.ID));

  private static Typed typed(String regex, Kind kind) {
    return new Typed(Pattern.compile(regex), kind);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anOutOfRangeValueIsRejectedAtItsPath(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    JsonNode tree = c.tree();
    List<Trees.Slot> slots = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    typedSlots(tree, slots, kinds);
    if (slots.isEmpty()) {
      return;
    }
    int i = r.nextInt(slots.size());
    Trees.Slot s = slots.get(i);
    JsonNode bad = kinds.get(i).bad.get(r.nextInt(kinds.get(i).bad.size()));
    s.set(bad);
    try {
      SnapshotBundle.parse(tree.toPrettyString(), FILE);
      fail(s.path() + " = " + bad + " was accepted");
    } catch (InvalidInputException e) {
      assertThat(e.file()).isEqualTo(FILE);
      assertThat(e.jsonPath()).as(e.getMessage()).isEqualTo(s.path());
    }
  }

  /** The value slots of {@code tree} that {@link #TYPED} knows, each with its kind (parallel lists). */
  private static void typedSlots(JsonNode tree, List<Trees.Slot> slots, List<Kind> kinds) {
    for (Trees.Slot s : Trees.slots(tree)) {
      for (Typed t : TYPED) {
        if (t.path().matcher(s.path()).matches()) {
          slots.add(s);
          kinds.add(t.kind());
          break;
        }
      }
    }
  }

  // ---- 3b. any value the format allows is accepted, and the rules cope with it

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anyValueInRangeIsAcceptedAndTheRulesCope(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed,
      @ForAll("mutationCounts") int changes) {
    Random r = new Random(seed);
    JsonNode tree = c.tree();
    List<String> changed = new ArrayList<>();
    for (int n = 0; n < changes; n++) {
      List<Trees.Slot> slots = new ArrayList<>();
      List<Kind> kinds = new ArrayList<>();
      typedSlots(tree, slots, kinds);
      if (slots.isEmpty()) {
        return;
      }
      int i = r.nextInt(slots.size());
      changed.add(slots.get(i).path() + " (" + kinds.get(i) + ")");
      setValid(tree, slots.get(i), kinds.get(i), r);
    }
    String text = tree.toPrettyString();
    NetworkSnapshot snapshot;
    try {
      snapshot = SnapshotBundle.parse(text, FILE);
    } catch (RuntimeException e) {
      throw new AssertionError("values in range were rejected (changed " + changed + "): " + e.getMessage()
          + "\n" + text, e);
    }
    assertRulesCope(snapshot, c, text);
  }

  /** Sets {@code s} to a random value that the format allows, keeping what goes with it consistent. */
  private static void setValid(JsonNode tree, Trees.Slot s, Kind kind, Random r) {
    ObjectNode parent = s.container() instanceof ObjectNode o ? o : null;
    switch (kind) {
      case CIDR4 -> s.set(TextNode.valueOf(r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
          + r.nextInt(256) + "/" + r.nextInt(33)));
      case CIDR6 -> s.set(TextNode.valueOf(Integer.toHexString(r.nextInt(0x10000)) + ":" + Integer.toHexString(r.nextInt(0x10000))
          + "::" + (r.nextBoolean() ? Integer.toHexString(r.nextInt(0x10000)) : "") + "/" + r.nextInt(129)));
      case COUNT -> s.set(IntNode.valueOf(r.nextBoolean() ? r.nextInt(300) : r.nextInt(Integer.MAX_VALUE)));
      case ID -> {
        String prefix = s.value().asText().equals("default") ? "dopt" : s.value().asText().replaceAll("-.*", "");
        s.set(TextNode.valueOf(prefix + "-" + Long.toHexString(r.nextLong() & 0xfffffffffL)));
      }
      case SG_PROTOCOL -> {
        String[] names = {"-1", "tcp", "udp", "icmp", "icmpv6", "TCP", "6", "17", "1", "58", "50", "0", "255"};
        String p = names[r.nextInt(names.length)];
        s.set(TextNode.valueOf(p));
        sgPorts(parent, p.toLowerCase(java.util.Locale.ROOT), r);
      }
      case PORT -> {
        if (parent != null && parent.has("IpProtocol")) {
          sgPorts(parent, parent.get("IpProtocol").asText().toLowerCase(java.util.Locale.ROOT), r);
        } else if (parent != null) {
          int from = r.nextInt(65536);
          parent.put("From", from).put("To", from + r.nextInt(65536 - from));
        }
      }
      case ACL_PROTOCOL -> {
        String[] numbers = {"-1", "6", "17", "1", "58", "0", "255", "47"};
        s.set(TextNode.valueOf(numbers[r.nextInt(numbers.length)]));
      }
      case RULE_NUMBER -> s.set(IntNode.valueOf(uniqueRuleNumber(tree, s, r)));
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  private static final Pattern ACL_ENTRY_PATH =
      Pattern.compile("ec2\\.DescribeNetworkAcls\\.NetworkAcls\\[(\\d+)\\]\\.Entries\\[(\\d+)\\]\\.RuleNumber");

  /** A rule number 1–32766 that no other entry of the same ACL and direction has. */
  private static int uniqueRuleNumber(JsonNode tree, Trees.Slot s, Random r) {
    var m = ACL_ENTRY_PATH.matcher(s.path());
    if (!m.matches()) {
      throw new IllegalStateException(s.path());
    }
    JsonNode entries = tree.at("/ec2/DescribeNetworkAcls/NetworkAcls/" + m.group(1) + "/Entries");
    int self = Integer.parseInt(m.group(2));
    boolean egress = entries.get(self).path("Egress").asBoolean();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int k = 0; k < entries.size(); k++) {
      if (k != self && entries.get(k).path("Egress").asBoolean() == egress) {
        used.add(entries.get(k).path("RuleNumber").asInt());
      }
    }
    int n;
    do {
      n = 1 + r.nextInt(32766);
    } while (used.contains(n));
    return n;
  }

  /** Ports that go with {@code protocol}: a range for TCP/UDP, type and code for ICMP, none otherwise. */
  private static void sgPorts(ObjectNode rule, String protocol, Random r) {
    if (rule == null) {
      return;
    }
    switch (protocol) {
      case "tcp", "udp", "6", "17" -> {
        if (r.nextInt(5) == 0) {
          rule.put("FromPort", -1).put("ToPort", -1);
        } else {
          int from = r.nextInt(65536);
          rule.put("FromPort", from).put("ToPort", from + r.nextInt(65536 - from));
        }
      }
      case "icmp", "icmpv6", "1", "58" -> rule.put("FromPort", r.nextInt(257) - 1).put("ToPort", r.nextInt(257) - 1);
      default -> {
        rule.remove("FromPort");
        rule.remove("ToPort");
      }
    }
  }

  // ---- 4. semantically identical inputs give identical reports

  /** Arrays whose order carries no meaning in the bundle (the ACL evaluates entries by rule number). */
  private static final Pattern UNORDERED = Pattern.compile(".*\\.(Vpcs|DescribeVpcAttribute|DhcpOptions|Subnets"
      + "|SecurityGroups|RouteTables|VpcEndpoints|NatGateways|InternetGateways|NetworkAcls|PrefixLists|Tags"
      + "|IpPermissions|IpPermissionsEgress|IpRanges|Ipv6Ranges|PrefixListIds|UserIdGroupPairs|Routes|Associations"
      + "|Entries|Cidrs|RouteTableIds|SubnetIds|Groups|NetworkInterfaceIds|Attachments|NatGatewayAddresses"
      + "|CidrBlockAssociationSet|DhcpConfigurations)|ec2\\.DescribeVpcAttribute");

  @Property(edgeCases = EdgeCasesMode.NONE)
  void semanticallyIdenticalBundlesGiveIdenticalReports(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    JsonNode tree = c.tree();
    if (r.nextBoolean()) {
      addUnknownMembers(tree, r);
    }
    if (r.nextBoolean()) {
      recaseEnums(tree, r);
    }
    boolean shuffle = r.nextBoolean();
    String same = Trees.write(tree, r, r.nextBoolean(), path -> shuffle && UNORDERED.matcher(path).matches());
    NetworkSnapshot variant;
    try {
      variant = SnapshotBundle.parse(same, FILE);
    } catch (InvalidInputException e) {
      throw new AssertionError("a re-encoded valid bundle was rejected: " + e.getMessage() + "\n" + same, e);
    }
    for (TrainingJobSpec job : jobs(c)) {
      String a = ORIGINAL_REPORTS.computeIfAbsent(c.name() + "|" + job.name(),
          k -> JsonReport.render(ENGINE.evaluate(job, SnapshotBundle.parse(c.bundle(), FILE)), true));
      String b = JsonReport.render(ENGINE.evaluate(job, variant), true);
      assertThat(b).as("report of job %s on the re-encoded bundle:\n%s", job.name(), same).isEqualTo(a);
    }
  }

  private static final Map<String, String> ORIGINAL_REPORTS = new ConcurrentHashMap<>();

  /** The case's own job and the first fixed job. */
  private static List<TrainingJobSpec> jobs(Corpus.Case c) {
    TrainingJobSpec fixed = Corpus.jobs().get(0);
    return fixed.name().equals(c.job().name()) ? List.of(fixed) : List.of(c.job(), fixed);
  }

  private static final java.util.Set<String> ENUM_LIKE = java.util.Set.of("State", "VpcEndpointType", "RuleAction",
      "IpProtocol", "InstanceTenancy", "ConnectivityType", "Protocol");

  /** Enum-like strings in another case ({@code available}, {@code AVAILABLE}, {@code Available}): the same meaning. */
  private static void recaseEnums(JsonNode tree, Random r) {
    for (Trees.Slot s : Trees.slots(tree)) {
      if (s.value().isTextual() && ENUM_LIKE.contains(s.name()) && r.nextBoolean()) {
        String v = s.value().asText();
        String changed = switch (r.nextInt(3)) {
          case 0 -> v.toUpperCase(java.util.Locale.ROOT);
          case 1 -> v.toLowerCase(java.util.Locale.ROOT);
          default -> v.isEmpty() ? v : v.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + v.substring(1);
        };
        s.set(TextNode.valueOf(changed));
      }
    }
  }

  /** Adds members vpctrain does not read to random objects (never to the bucket map {@code s3}). */
  /**
   * Where a new member would not be an unknown member the AWS CLI could print: the objects keyed by
   * names or ids rather than API members (the sections of operations, buckets, capture filters, EFS
   * mount targets and file systems, IAM roles and policies, KMS keys), and policy documents, where it
   * would be an unknown policy element, which IAM refuses and vpctrain cannot decide.
   */
  private static final Pattern NOT_API_MEMBERS = Pattern.compile("ec2|s3|efs|fsx|iam|kms|organizations|captureFilters"
      + "|efs\\.(DescribeMountTargetSecurityGroups|DescribeFileSystemPolicy)|iam\\.(roles|policies)|kms\\.[A-Za-z]+"
      + "|.*(PolicyDocument|\\.Document)([.\\[].*)?");

  private static void addUnknownMembers(JsonNode tree, Random r) {
    for (Trees.Slot s : Trees.slots(tree)) {
      if (s.value() instanceof ObjectNode o && !NOT_API_MEMBERS.matcher(s.path()).matches() && r.nextInt(3) == 0) {
        o.put("VpctrainPropertyTestUnknown", r.nextInt(100));
      }
    }
    ((ObjectNode) tree).putObject("comment").put("note", "unknown top-level member");
  }

  // ---- 5. an operation named in errors is incomplete: its output counts for nothing

  @Property(edgeCases = EdgeCasesMode.NONE)
  void anOperationInErrorsCountsAsNotCapturedEvenWithOutput(@ForAll("cases") Corpus.Case c, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    ObjectNode withOutput = (ObjectNode) c.tree();
    List<String[]> candidates = new ArrayList<>(); // operation, bucket or "", member to drop
    withOutput.path("ec2").fieldNames().forEachRemaining(op -> candidates.add(new String[] {"ec2:" + op, "", op}));
    withOutput.path("s3").fieldNames().forEachRemaining(bucket -> {
      for (String op : List.of("GetBucketLocation", "GetBucketPolicy")) {
        if (withOutput.get("s3").get(bucket).has(op)) {
          candidates.add(new String[] {"s3:" + op, bucket, op});
        }
      }
    });
    if (candidates.isEmpty()) {
      return;
    }
    String[] pick = candidates.get(r.nextInt(candidates.size()));
    ObjectNode error = NODES.objectNode().put("operation", r.nextBoolean() ? pick[0] : pick[0].toLowerCase(java.util.Locale.ROOT))
        .put("code", "RequestLimitExceeded").put("message", "a later page failed");
    if (!pick[1].isEmpty()) {
      error.put("resource", pick[1]);
    }
    if (!withOutput.has("errors") || !withOutput.get("errors").isArray()) {
      withOutput.putArray("errors");
    }
    ((ArrayNode) withOutput.get("errors")).add(error);
    ObjectNode without = withOutput.deepCopy();
    if (pick[1].isEmpty()) {
      ((ObjectNode) without.get("ec2")).remove(pick[2]);
    } else {
      ((ObjectNode) without.get("s3").get(pick[1])).remove(pick[2]);
    }
    NetworkSnapshot a = SnapshotBundle.parse(withOutput.toPrettyString(), FILE);
    NetworkSnapshot b = SnapshotBundle.parse(without.toPrettyString(), FILE);
    for (TrainingJobSpec job : List.of(c.job())) {
      assertThat(JsonReport.render(ENGINE.evaluate(job, a), true))
          .as("%s in errors with its output, job %s", pick[0] + " " + pick[1], job.name())
          .isEqualTo(JsonReport.render(ENGINE.evaluate(job, b), true));
    }
  }

  // ---- generators

  @Provide
  Arbitrary<Corpus.Case> cases() {
    return Arbitraries.of(Corpus.cases());
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<Integer> mutationCounts() {
    return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 9))
        .as((n, skew) -> skew == 0 ? n + 3 : n);
  }
}
