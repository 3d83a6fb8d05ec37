package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.job.TrainingJobSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.report.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the policies a plan sets: a least-privilege S3 endpoint policy for a job, the Amazon
 * Linux repository denies, a bucket statement restricting access to an endpoint; and merges new
 * statements into an existing policy without dropping or changing any of its statements.
 */
public final class Policies {
  /** The Sid of the AWS guide's deny of the Amazon Linux repository buckets, {@value}. */
  public static final String AL_SID = "AmazonLinuxAMIRepositoryAccess";

  /** The Sid of the AWS guide's deny of the Amazon Linux 2 repository buckets, {@value}. */
  public static final String AL2_SID = "AmazonLinux2AMIRepositoryAccess";

  /** The Sid of the bucket statement that restricts a bucket to an endpoint, {@value}. */
  public static final String RESTRICT_SID = "VpctrainRestrictToVpcEndpoint";

  private Policies() {}

  /**
   * {@return the job's S3 requests and the repository denies: what a training job's S3 endpoint needs}
   *
   * @param job the training job whose S3 locations ({@code TrainingJobSpec.s3Accesses()}) the policy allows
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public static String leastPrivilegeEndpointPolicy(TrainingJobSpec job, String partition) {
    List<Object> statements = new ArrayList<>(jobAllowStatements(job, partition));
    statements.addAll(repositoryDenyStatements(partition));
    return write(policy(statements));
  }

  /**
   * {@return one Allow statement per distinct (actions, resource, prefix) the job needs: object actions on
   * {@code arn:…:s3:::bucket/prefix*} (on {@code arn:…:s3:::bucket/key} for the code package, one
   * object), {@code s3:ListBucket} on the bucket limited to the prefix}
   *
   * @param job the training job whose S3 locations ({@code TrainingJobSpec.s3Accesses()}) the policy allows
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public static List<Map<String, Object>> jobAllowStatements(TrainingJobSpec job, String partition) {
    Map<String, Map<String, Object>> bySid = new LinkedHashMap<>();
    Map<String, Set<String>> objectActions = new LinkedHashMap<>();
    Map<String, Set<String>> listPrefixes = new LinkedHashMap<>();
    for (S3Access a : job.s3Accesses()) {
      String bucket = a.location().bucket();
      String prefix = a.location().key();
      for (String action : a.actions()) {
        if (action.equals("s3:ListBucket")) {
          listPrefixes.computeIfAbsent(bucket, b -> new LinkedHashSet<>()).add(prefix);
        } else {
          objectActions.computeIfAbsent(a.objectResource(partition), r -> new LinkedHashSet<>()).add(action);
        }
      }
    }
    int n = 0;
    Map<Set<String>, List<String>> byActions = new LinkedHashMap<>();
    objectActions.forEach((resource, actions) -> byActions.computeIfAbsent(actions, x -> new ArrayList<>()).add(resource));
    for (Map.Entry<Set<String>, List<String>> e : byActions.entrySet()) {
      Map<String, Object> s = new LinkedHashMap<>();
      n++;
      s.put("Sid", "VpctrainJobObjects" + n);
      s.put("Effect", "Allow");
      s.put("Principal", "*");
      s.put("Action", new ArrayList<>(e.getKey()));
      s.put("Resource", e.getValue());
      bySid.put((String) s.get("Sid"), s);
    }
    int m = 0;
    for (Map.Entry<String, Set<String>> e : listPrefixes.entrySet()) {
      Map<String, Object> s = new LinkedHashMap<>();
      m++;
      s.put("Sid", "VpctrainJobList" + m);
      s.put("Effect", "Allow");
      s.put("Principal", "*");
      s.put("Action", "s3:ListBucket");
      s.put("Resource", "arn:" + partition + ":s3:::" + e.getKey());
      if (!e.getValue().contains("")) {
        List<String> prefixes = new ArrayList<>();
        e.getValue().forEach(p -> prefixes.add(p + "*"));
        s.put("Condition", Map.of("StringLike", Map.of("s3:prefix", prefixes)));
      }
      bySid.put((String) s.get("Sid"), s);
    }
    return new ArrayList<>(bySid.values());
  }

  /**
   * {@return the two Deny statements of the AWS guide for the Amazon Linux and Amazon Linux 2 repositories}
   *
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public static List<Map<String, Object>> repositoryDenyStatements(String partition) {
    Map<String, Object> al = new LinkedHashMap<>();
    al.put("Sid", AL_SID);
    al.put("Effect", "Deny");
    al.put("Principal", "*");
    al.put("Action", List.of("s3:GetObject"));
    al.put("Resource", List.of(
        "arn:" + partition + ":s3:::packages.*.amazonaws.com/*",
        "arn:" + partition + ":s3:::repo.*.amazonaws.com/*"));
    Map<String, Object> al2 = new LinkedHashMap<>();
    al2.put("Sid", AL2_SID);
    al2.put("Effect", "Deny");
    al2.put("Principal", "*");
    al2.put("Action", List.of("s3:GetObject"));
    al2.put("Resource", List.of("arn:" + partition + ":s3:::amazonlinux.*.amazonaws.com/*"));
    return List.of(al, al2);
  }

  /**
   * {@return a statement that denies every request to {@code bucket} that does not come through {@code vpcEndpointId}}
   *
   * @param bucket the bucket name
   * @param vpcEndpointId the S3 endpoint requests must come through, {@code vpce-…}
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public static Map<String, Object> restrictToEndpointStatement(String bucket, String vpcEndpointId, String partition) {
    return restrictToEndpointStatement(bucket, List.of(vpcEndpointId), partition);
  }

  /**
   * {@return a statement that denies every request to {@code bucket} that does not come through one of {@code vpcEndpointIds}}
   *
   * @param bucket the bucket name
   * @param vpcEndpointIds the S3 endpoints requests may come through, {@code vpce-…}
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public static Map<String, Object> restrictToEndpointStatement(String bucket, List<String> vpcEndpointIds, String partition) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", RESTRICT_SID);
    s.put("Effect", "Deny");
    s.put("Principal", "*");
    s.put("Action", "s3:*");
    s.put("Resource", List.of("arn:" + partition + ":s3:::" + bucket, "arn:" + partition + ":s3:::" + bucket + "/*"));
    Object endpoints = vpcEndpointIds.size() == 1 ? vpcEndpointIds.get(0) : List.copyOf(vpcEndpointIds);
    s.put("Condition", Map.of("StringNotEquals", Map.of("aws:SourceVpce", endpoints)));
    return s;
  }

  /**
   * {@return {@code existing} (absent: an empty policy) with {@code statements} appended} Every existing
   * statement is kept as it was; a new statement equal to an existing one is not added again, and
   * one whose Sid is taken by a different statement gets a fresh Sid ({@code Sidv2}, {@code Sidv3}…).
   *
   * @param existing the live policy document, JSON; empty for a resource without a policy
   * @param statements the statements to add, as JSON-shaped maps ({@code Sid}, {@code Effect}, …)
   * @param source names the policy in error messages, for example {@code policy of vpce-…}
   * @throws dev.vpctrain.core.InvalidInputException when {@code existing} is not a policy document
   */
  public static String merge(Optional<String> existing, List<? extends Map<String, Object>> statements, String source) {
    Map<String, Object> doc;
    List<Object> kept = new ArrayList<>();
    List<JsonNode> present = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    if (existing.isPresent()) {
      ObjectNode root = JsonDocument.readObject(existing.get(), source);
      doc = plainObject(root);
      for (JsonNode item : statementNodes(root)) {
        kept.add(plain(item));
        present.add(item);
        JsonNode sid = item.get("Sid");
        if (item.isObject() && sid != null && sid.isTextual()) {
          sids.add(sid.textValue());
        }
      }
    } else {
      doc = new LinkedHashMap<>();
      doc.put("Version", "2012-10-17");
    }
    for (Map<String, Object> s : statements) {
      if (present.stream().anyMatch(p -> sameStatement(p, s))) {
        continue;
      }
      Map<String, Object> added = new LinkedHashMap<>(s);
      Object sid = s.get("Sid");
      if (sid instanceof String base && sids.contains(base)) {
        int n = 2;
        while (sids.contains(base + "v" + n)) {
          n++;
        }
        added.put("Sid", base + "v" + n);
      }
      if (added.get("Sid") instanceof String taken) {
        sids.add(taken);
      }
      kept.add(added);
      present.add(JsonDocument.read(write(added), null));
    }
    doc.put("Statement", kept);
    return write(doc);
  }

  /** The statements of a policy document ({@code Statement} may be one object or an array). */
  static List<JsonNode> statementNodes(ObjectNode policy) {
    JsonNode st = policy.get("Statement");
    if (st == null) {
      return List.of();
    }
    return st.isArray() ? elements(st) : List.of(st);
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
  }

  /** True when {@code existing} equals {@code statement}, ignoring their Sids. */
  private static boolean sameStatement(JsonNode existing, Map<String, Object> statement) {
    if (!existing.isObject()) {
      return false;
    }
    Map<String, Object> a = plainObject((ObjectNode) existing);
    Map<String, Object> b = new LinkedHashMap<>(statement);
    a.remove("Sid");
    b.remove("Sid");
    return JsonDocument.read(write(a), null).equals(JsonDocument.read(write(b), null));
  }

  /**
   * {@return true when {@code policy} has a statement with {@code sid}}
   *
   * @param policy the policy document, JSON
   * @param sid the statement id to look for, for example {@link #RESTRICT_SID}
   */
  public static boolean hasStatement(String policy, String sid) {
    JsonNode root = JsonDocument.read(policy, null);
    if (!root.isObject()) {
      return false;
    }
    return statementNodes((ObjectNode) root).stream().anyMatch(i -> i.isObject()
        && i.get("Sid") != null && i.get("Sid").isTextual() && i.get("Sid").textValue().equals(sid));
  }

  /**
   * {@return true when both texts are the same JSON document (formatting aside); false when either is not JSON}
   *
   * @param a one policy document
   * @param b the other
   */
  public static boolean samePolicy(String a, String b) {
    try {
      return JsonDocument.read(a, null).equals(JsonDocument.read(b, null));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Pretty-prints a policy for diffs; text that is not JSON is returned as it is.
   *
   * @param policy the policy document (JSON)
   * @return the policy, indented
   */
  public static String pretty(String policy) {
    try {
      return write(plain(JsonDocument.read(policy, null)));
    } catch (RuntimeException e) {
      return policy;
    }
  }

  static Map<String, Object> policy(List<Object> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return doc;
  }

  static String write(Object tree) {
    return JsonWriter.pretty(tree);
  }

  static Map<String, Object> plainObject(ObjectNode o) {
    Map<String, Object> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
    return m;
  }

  /** A Jackson value as maps, lists, strings, {@code BigDecimal}s, booleans and nulls, for {@link JsonWriter#tree}. */
  static Object plain(JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT:
        return plainObject((ObjectNode) n);
      case ARRAY:
        List<Object> l = new ArrayList<>();
        n.forEach(e -> l.add(plain(e)));
        return l;
      case STRING:
        return n.textValue();
      case NUMBER:
        return n.decimalValue();
      case BOOLEAN:
        return n.booleanValue();
      default:
        return null;
    }
  }
}
