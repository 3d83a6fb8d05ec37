package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.internal.policy.JsonDocument.Node;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns policy JSON into a {@link Policy}, rejecting what IAM would reject with the JSON location. */
final class PolicyParser {
  private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT = Set.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

  private final String source;
  private boolean variables;

  private PolicyParser(String source) {
    this.source = source;
  }

  static Policy parse(String json, String source) {
    return new PolicyParser(source).document(JsonDocument.parse(json, source));
  }

  private Policy document(Node rootNode) {
    Node root = rootNode.asObject();
    for (String k : root.keys()) {
      if (!TOP.contains(k)) {
        throw root.require(k).error("unknown policy element \"" + k + "\" (a policy has Version, Id and Statement)");
      }
    }
    String version = null;
    if (root.has("Version")) {
      Node v = root.require("Version");
      version = v.stringValue();
      if (!version.equals("2012-10-17") && !version.equals("2008-10-17")) {
        throw v.error("expected \"2012-10-17\" or \"2008-10-17\" but found \"" + version + "\"");
      }
    }
    variables = "2012-10-17".equals(version);
    String id = root.has("Id") ? root.require("Id").stringValue() : null;
    Node st = root.require("Statement");
    List<Statement> statements = new ArrayList<>();
    if (st.isObject()) {
      statements.add(statement(st.asObject(), 0));
    } else if (st.isArray()) {
      List<Node> arr = st.elements();
      for (int i = 0; i < arr.size(); i++) {
        statements.add(statement(arr.get(i).asObject(), i));
      }
    } else {
      throw st.expected("an object or an array of objects");
    }
    return new Policy(version, id, statements, source);
  }

  private Statement statement(Node s, int index) {
    for (String k : s.keys()) {
      if (!STATEMENT.contains(k)) {
        throw s.require(k).error("unknown statement element \"" + k
            + "\" (expected Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)");
      }
    }
    String sid = s.has("Sid") ? s.require("Sid").stringValue() : null;
    Node effectNode = s.require("Effect");
    String effectText = effectNode.stringValue();
    Effect effect;
    if (effectText.equals("Allow")) {
      effect = Effect.ALLOW;
    } else if (effectText.equals("Deny")) {
      effect = Effect.DENY;
    } else {
      throw effectNode.error("expected \"Allow\" or \"Deny\" but found \"" + effectText + "\"");
    }
    exclusive(s, "Principal", "NotPrincipal");
    exclusive(s, "Action", "NotAction");
    exclusive(s, "Resource", "NotResource");
    if (!s.has("Action") && !s.has("NotAction")) {
      throw s.error("missing required member \"Action\" (or \"NotAction\")");
    }
    PrincipalElement principal = null;
    boolean notPrincipal = s.has("NotPrincipal");
    if (s.has("Principal") || notPrincipal) {
      principal = principal(s.require(notPrincipal ? "NotPrincipal" : "Principal"));
    }
    boolean notAction = s.has("NotAction");
    Node actionNode = s.require(notAction ? "NotAction" : "Action");
    List<String> actions = new ArrayList<>();
    for (Node a : stringOrList(actionNode)) {
      String text = a.stringValue();
      if (!text.equals("*") && (text.indexOf(':') <= 0 || text.endsWith(":"))) {
        throw a.error("expected an action such as \"s3:GetObject\" or \"*\" but found \"" + text + "\"");
      }
      actions.add(text);
    }
    boolean notResource = s.has("NotResource");
    List<Template> resources = null;
    if (s.has("Resource") || notResource) {
      resources = new ArrayList<>();
      for (Node r : stringOrList(s.require(notResource ? "NotResource" : "Resource"))) {
        String text = r.stringValue();
        if (!text.equals("*") && !text.startsWith("arn:")) {
          throw r.error("expected \"*\" or an ARN (arn:partition:service:region:account:resource) but found \"" + text + "\"");
        }
        resources.add(Template.parse(text, variables));
      }
    }
    List<Condition> conditions = s.has("Condition") ? conditions(s.require("Condition")) : List.of();
    String path = s.path();
    return new Statement(index, path.isEmpty() ? "Statement" : path, sid, effect, principal, notPrincipal,
        actions, notAction, resources, notResource, conditions);
  }

  private static void exclusive(Node s, String a, String b) {
    if (s.has(a) && s.has(b)) {
      throw s.require(b).error("a statement may have \"" + a + "\" or \"" + b + "\", not both");
    }
  }

  /** A string, or a non-empty array of strings. */
  private static List<Node> stringOrList(Node n) {
    if (n.isString()) {
      checkNotEmpty(n);
      return List.of(n);
    }
    if (!n.isArray()) {
      throw n.expected("a string or an array of strings");
    }
    List<Node> elements = n.elements();
    if (elements.isEmpty()) {
      throw n.error("expected at least one value but the array is empty");
    }
    for (Node e : elements) {
      if (!e.isString()) {
        throw e.expected("a string");
      }
      checkNotEmpty(e);
    }
    return elements;
  }

  private static void checkNotEmpty(Node n) {
    if (n.stringValue().isEmpty()) {
      throw n.error("expected a non-empty string");
    }
  }

  private PrincipalElement principal(Node n) {
    if (n.isString()) {
      if (!n.stringValue().equals("*")) {
        throw n.error("expected \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"} but found \""
            + n.stringValue() + "\"");
      }
      return new PrincipalElement(true, List.of(), List.of(), List.of(), List.of());
    }
    if (!n.isObject()) {
      throw n.expected("\"*\" or an object such as {\"AWS\": …}");
    }
    List<String> aws = new ArrayList<>();
    List<String> service = new ArrayList<>();
    List<String> federated = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    for (Map.Entry<String, Node> e : n.asObject().members().entrySet()) {
      if (!PRINCIPAL_TYPES.contains(e.getKey())) {
        throw e.getValue().error("unknown principal type \"" + e.getKey() + "\" (expected AWS, Service, Federated or CanonicalUser)");
      }
      List<String> target = e.getKey().equals("AWS") ? aws
          : e.getKey().equals("Service") ? service
          : e.getKey().equals("Federated") ? federated : canonical;
      for (Node v : stringOrList(e.getValue())) {
        target.add(v.stringValue());
      }
    }
    if (aws.isEmpty() && service.isEmpty() && federated.isEmpty() && canonical.isEmpty()) {
      throw n.error("expected at least one principal (AWS, Service, Federated or CanonicalUser)");
    }
    return new PrincipalElement(false, aws, service, federated, canonical);
  }

  private List<Condition> conditions(Node n) {
    List<Condition> out = new ArrayList<>();
    for (Map.Entry<String, Node> op : n.asObject().members().entrySet()) {
      String[] error = new String[1];
      ConditionOperator operator = ConditionOperator.parse(op.getKey(), error);
      if (operator == null) {
        throw op.getValue().error(error[0]);
      }
      Node keys = op.getValue().asObject();
      if (keys.size() == 0) {
        throw keys.error("expected at least one condition key under " + op.getKey());
      }
      for (Map.Entry<String, Node> k : keys.members().entrySet()) {
        if (k.getKey().isEmpty()) {
          throw k.getValue().error("expected a condition key name such as aws:SourceVpce");
        }
        out.add(condition(operator, k.getKey(), k.getValue()));
      }
    }
    return out;
  }

  private Condition condition(ConditionOperator operator, String key, Node valueNode) {
    List<Node> nodes;
    if (valueNode.isArray()) {
      nodes = valueNode.elements();
      if (nodes.isEmpty()) {
        throw valueNode.error("expected at least one value but the array is empty");
      }
    } else {
      nodes = List.of(valueNode);
    }
    List<Template> templates = new ArrayList<>();
    Object[] compiled = new Object[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Node v = nodes.get(i);
      String text = v.scalarText();
      ConditionOperator.Family family = operator.base.family;
      boolean withVariables = variables && (family == ConditionOperator.Family.STRING || family == ConditionOperator.Family.ARN);
      Template t = Template.parse(text, withVariables);
      templates.add(t);
      compiled[i] = compile(operator, t, v);
    }
    return new Condition(operator, key, templates, compiled);
  }

  private static Object compile(ConditionOperator operator, Template t, Node at) {
    String text = t.raw();
    switch (operator.base.family) {
      case NUMERIC: {
        BigDecimal d = Condition.parseNumber(text);
        if (d == null) {
          throw at.error("expected a number for " + operator + " but found \"" + text + "\"");
        }
        return d;
      }
      case DATE: {
        Instant i = Dates.parse(text);
        if (i == null) {
          throw at.error("expected a date such as \"2026-01-31T00:00:00Z\" (ISO 8601) or epoch seconds for "
              + operator + " but found \"" + text + "\"");
        }
        return i;
      }
      case IP: {
        Optional<Cidr> r = IpRange.parse(text);
        if (r.isEmpty()) {
          throw at.error("expected an IP address or CIDR block such as \"203.0.113.0/24\" for " + operator
              + " but found \"" + text + "\"");
        }
        return r.get();
      }
      case NULL:
        if (text.equalsIgnoreCase("true")) {
          return true;
        }
        if (text.equalsIgnoreCase("false")) {
          return false;
        }
        throw at.error("expected true or false for Null but found \"" + text + "\"");
      case ARN:
        return t.hasVariables() ? null : Condition.ArnPattern.compile(text);
      default:
        return null;
    }
  }
}
