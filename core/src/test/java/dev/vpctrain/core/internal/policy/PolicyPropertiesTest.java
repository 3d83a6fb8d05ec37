package dev.vpctrain.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the evaluator over random policies and requests from a seeded generator (the seed
 * is in every failure message, so a failure can be replayed).
 */
class PolicyPropertiesTest {
  private static final long SEED = 0x5eed_2026L;
  private static final int RUNS = 700;
  private static final String ROLE = "arn:aws:iam::123456789012:role/Job";

  private static final String[] ACTIONS = {"s3:GetObject", "s3:Get*", "s3:*", "*", "s3:PutObject", "s3:?utObject",
      "S3:LISTBUCKET", "s3:List*", "ec2:*"};
  private static final String[] RESOURCES = {"*", "arn:aws:s3:::data", "arn:aws:s3:::data/*", "arn:aws:s3:::data/train/*",
      "arn:aws:s3:::data/train/*.jpg", "arn:aws:s3:::other/*", "arn:aws:s3:::dat?/*", "arn:aws:s3:::data/${aws:PrincipalAccount}/*",
      "arn:aws:s3:::data/${aws:userid}/*"};
  private static final String[] PRINCIPALS = {"\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":\"" + ROLE + "\"}",
      "{\"AWS\":\"arn:aws:iam::123456789012:role/Other\"}", "{\"AWS\":\"123456789012\"}", "{\"AWS\":\"210987654321\"}",
      "{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/Job/s1\"}", "{\"Service\":\"sagemaker.amazonaws.com\"}",
      "{\"AWS\":[\"arn:aws:sts::123456789012:assumed-role/Job/s1\",\"" + ROLE + "\",\"arn:aws:iam::123456789012:root\"]}",
      "{\"AWS\":[\"" + ROLE + "\",\"123456789012\"]}"};
  private static final String[] CONDITIONS = {
      "\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}",
      "\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-1\",\"vpce-2\"]}",
      "\"StringNotEqualsIfExists\":{\"aws:SourceVpc\":\"vpc-1\"}",
      "\"StringLike\":{\"s3:prefix\":[\"train/*\",\"val/*\"]}",
      "\"StringNotLike\":{\"s3:prefix\":\"secret/*\"}",
      "\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}",
      "\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}",
      "\"Bool\":{\"aws:SecureTransport\":\"false\"}",
      "\"Null\":{\"aws:SourceIp\":\"true\"}",
      "\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}",
      "\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}",
      "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/J*\"}",
      "\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"a\",\"b\"]}",
      "\"ForAllValues:StringLike\":{\"aws:TagKeys\":\"team*\"}",
      "\"NumericLessThan\":{\"s3:max-keys\":\"100\"}",
      "\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}"};

  /** A random request; {@code allKnown} keeps every key and the session name known. */
  private static PolicyRequest randomRequest(Random r, boolean allKnown) {
    RequestContext.Builder c = RequestContext.builder().undeclaredKeysAbsent(allKnown || r.nextBoolean());
    maybe(r, c, "aws:SourceVpce", allKnown, "vpce-1", "vpce-2", "vpce-3");
    maybe(r, c, "aws:SourceVpc", allKnown, "vpc-1", "vpc-2");
    maybe(r, c, "aws:SourceIp", allKnown, "203.0.113.7", "198.51.100.1");
    maybe(r, c, "s3:prefix", allKnown, "train/", "val/x", "secret/y");
    maybe(r, c, "aws:SecureTransport", allKnown, "true", "false");
    maybe(r, c, "aws:PrincipalOrgID", allKnown, "o-1", "o-2");
    maybe(r, c, "aws:TagKeys", allKnown, "a", "team-x", "c");
    maybe(r, c, "s3:max-keys", allKnown, "10", "1000");
    maybe(r, c, "aws:CurrentTime", allKnown, "2026-11-29T08:00:00Z", "2025-01-01T00:00:00Z");
    maybe(r, c, "aws:userid", allKnown, "AROAEXAMPLE:s1");
    String[] objects = {"arn:aws:s3:::data/train/a.jpg", "arn:aws:s3:::data/x", "arn:aws:s3:::other/y",
        "arn:aws:s3:::data/123456789012/k"};
    String[] prefixes = {"arn:aws:s3:::data/train/", "arn:aws:s3:::data/", "arn:aws:s3:::other/", "arn:aws:s3:::"};
    Target resource = r.nextBoolean() ? Target.exact(pick(r, objects)) : Target.startingWith(pick(r, prefixes));
    if (r.nextInt(6) == 0) {
      resource = Target.exact("arn:aws:s3:::data");
    }
    Target action = r.nextInt(5) == 0 ? Target.startingWith("s3:")
        : Target.exact(pick(r, new String[] {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"}));
    Caller caller;
    int who = r.nextInt(6);
    if (who == 0) {
      caller = Caller.anonymous();
    } else if (who == 1 && !allKnown) {
      caller = Caller.unknown();
    } else if (who == 2) {
      caller = Caller.assumedRole("arn:aws:iam::123456789012:role/Other", "s1");
    } else {
      caller = allKnown || r.nextBoolean() ? Caller.assumedRole(ROLE, "s" + r.nextInt(2)) : Caller.assumedRole(ROLE);
    }
    return PolicyRequest.builder().caller(caller).action(action).resource(resource).context(c.build())
        .coverage(r.nextInt(4) == 0 ? Coverage.ANY : Coverage.EVERY).build();
  }

  private static void maybe(Random r, RequestContext.Builder c, String key, boolean allKnown, String... values) {
    int k = r.nextInt(allKnown ? 3 : 4);
    if (k == 0) {
      c.absent(key);
    } else if (k == 3) {
      c.unknown(key);
    } else {
      c.put(key, pick(r, values));
    }
  }

  private static String randomStatement(Random r, String effect) {
    StringBuilder b = new StringBuilder("{");
    if (r.nextBoolean()) {
      b.append("\"Sid\":\"S").append(r.nextInt(1000)).append("\",");
    }
    b.append("\"Effect\":\"").append(effect == null ? (r.nextBoolean() ? "Allow" : "Deny") : effect).append('"');
    int p = r.nextInt(PRINCIPALS.length + 3);
    if (p < PRINCIPALS.length) {
      b.append(r.nextInt(5) == 0 ? ",\"NotPrincipal\":" : ",\"Principal\":").append(PRINCIPALS[p]);
    }
    b.append(r.nextInt(5) == 0 ? ",\"NotAction\":" : ",\"Action\":").append(list(r, ACTIONS));
    if (r.nextInt(8) != 0) {
      b.append(r.nextInt(5) == 0 ? ",\"NotResource\":" : ",\"Resource\":").append(list(r, RESOURCES));
    }
    int conditions = r.nextInt(3);
    if (conditions > 0) {
      List<String> chosen = new ArrayList<>();
      while (chosen.size() < conditions) {
        String c = pick(r, CONDITIONS);
        String op = c.substring(0, c.indexOf(':'));
        if (chosen.stream().noneMatch(x -> x.startsWith(op))) {
          chosen.add(c);
        }
      }
      b.append(",\"Condition\":{").append(String.join(",", chosen)).append('}');
    }
    return b.append('}').toString();
  }

  private static String list(Random r, String[] pool) {
    int n = 1 + r.nextInt(2);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("\"" + pick(r, pool) + "\"");
    }
    return n == 1 && r.nextBoolean() ? out.get(0) : "[" + String.join(",", out) + "]";
  }

  private static List<String> randomStatements(Random r) {
    int n = r.nextInt(6);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(randomStatement(r, null));
    }
    return out;
  }

  private static Policy policy(List<String> statements) {
    return Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}", "random");
  }

  private static <T> T pick(Random r, T[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  @Test
  void addingADenyNeverTurnsADenyIntoAnAllow() {
    Random r = new Random(SEED);
    for (int i = 0; i < RUNS; i++) {
      List<String> statements = randomStatements(r);
      PolicyRequest request = randomRequest(r, false);
      DecisionType before = policy(statements).evaluate(request).type();
      List<String> more = new ArrayList<>(statements);
      more.add(r.nextInt(more.size() + 1), randomStatement(r, "Deny"));
      DecisionType after = policy(more).evaluate(request).type();
      String where = "seed " + SEED + " run " + i + ": " + more + " / " + request;
      if (before == DecisionType.EXPLICIT_DENY || before == DecisionType.IMPLICIT_DENY) {
        assertThat(after).as(where).isNotEqualTo(DecisionType.ALLOW);
      }
      if (before == DecisionType.EXPLICIT_DENY) {
        assertThat(after).as(where).isEqualTo(DecisionType.EXPLICIT_DENY);
      }
    }
  }

  @Test
  void addingAnAllowNeverTurnsAnExplicitDenyIntoAnAllow() {
    Random r = new Random(SEED + 1);
    for (int i = 0; i < RUNS; i++) {
      List<String> statements = randomStatements(r);
      PolicyRequest request = randomRequest(r, false);
      DecisionType before = policy(statements).evaluate(request).type();
      List<String> more = new ArrayList<>(statements);
      more.add(r.nextInt(more.size() + 1), randomStatement(r, "Allow"));
      DecisionType after = policy(more).evaluate(request).type();
      if (before == DecisionType.EXPLICIT_DENY) {
        assertThat(after).as("seed %d run %d: %s / %s", SEED + 1, i, more, request).isEqualTo(DecisionType.EXPLICIT_DENY);
      }
      if (before == DecisionType.ALLOW) {
        assertThat(after).as("seed %d run %d: %s / %s", SEED + 1, i, more, request).isEqualTo(DecisionType.ALLOW);
      }
    }
  }

  @Test
  void reorderingStatementsNeverChangesADecision() {
    Random r = new Random(SEED + 2);
    for (int i = 0; i < RUNS; i++) {
      List<String> statements = randomStatements(r);
      PolicyRequest request = randomRequest(r, false);
      Decision before = policy(statements).evaluate(request);
      List<String> shuffled = new ArrayList<>(statements);
      Collections.shuffle(shuffled, r);
      Decision after = policy(shuffled).evaluate(request);
      assertThat(after.type()).as("seed %d run %d: %s / %s", SEED + 2, i, shuffled, request).isEqualTo(before.type());
      assertThat(after.explicitDeny()).isEqualTo(before.explicitDeny());
    }
  }

  @Test
  void unknownNeverAppearsWhenNothingIsUnknown() {
    Random r = new Random(SEED + 3);
    int decided = 0;
    for (int i = 0; i < RUNS; i++) {
      List<String> statements = randomStatements(r);
      PolicyRequest request = randomRequest(r, true);
      Decision d = policy(statements).evaluate(request);
      assertThat(d.type()).as("seed %d run %d: %s / %s", SEED + 3, i, statements, request).isNotEqualTo(DecisionType.UNKNOWN);
      assertThat(d.explicitDeny()).isNotEqualTo(Tri.UNKNOWN);
      decided += d.isAllowed() ? 1 : 0;
    }
    assertThat(decided).as("the generator produces allowed requests too").isGreaterThan(RUNS / 20);
  }

  @Test
  void unknownAlwaysNamesItsStatementAndKeys() {
    Random r = new Random(SEED + 4);
    int unknown = 0;
    for (int i = 0; i < RUNS; i++) {
      Decision d = policy(randomStatements(r)).evaluate(randomRequest(r, false));
      if (d.isUnknown()) {
        unknown++;
        assertThat(d.statement()).isPresent();
        assertThat(d.unknownKeys()).as("run %d: %s", i, d).isNotEmpty();
      }
    }
    assertThat(unknown).as("the generator produces unknown decisions").isGreaterThan(RUNS / 20);
  }

  /** A decision over a set agrees with the decisions on its members. */
  @Test
  void setDecisionsAgreeWithTheirMembers() {
    Random r = new Random(SEED + 5);
    String[] tails = {"", "a.jpg", "x/y", "secret/k", "123456789012/k", "train/z.jpg"};
    for (int i = 0; i < RUNS; i++) {
      Policy p = policy(randomStatements(r));
      PolicyRequest base = randomRequest(r, false);
      PolicyRequest set = base.toBuilder().resource(Target.startingWith(pick(r, new String[] {
          "arn:aws:s3:::data/", "arn:aws:s3:::data/train/", "arn:aws:s3:::other/"}))).build();
      Decision every = p.evaluate(set.toBuilder().coverage(Coverage.EVERY).build());
      Decision any = p.evaluate(set.toBuilder().coverage(Coverage.ANY).build());
      if (every.isAllowed()) {
        assertThat(any.type()).as("run %d", i).isEqualTo(DecisionType.ALLOW);
      }
      if (any.type() == DecisionType.EXPLICIT_DENY) {
        assertThat(every.type()).as("run %d", i).isEqualTo(DecisionType.EXPLICIT_DENY);
      }
      for (String tail : tails) {
        PolicyRequest member = set.toBuilder().resource(Target.exact(set.resource().value() + tail)).build();
        DecisionType m = p.evaluate(member).type();
        if (every.isAllowed()) {
          assertThat(m).as("run %d: %s allows every member, not %s", i, p.statements(), member).isEqualTo(DecisionType.ALLOW);
        }
        if (any.type() == DecisionType.EXPLICIT_DENY || any.type() == DecisionType.IMPLICIT_DENY) {
          assertThat(m).as("run %d: no member allowed, but %s", i, member).isNotEqualTo(DecisionType.ALLOW);
        }
      }
    }
  }

  /** Mangled policy text yields a located error or a policy; nothing else escapes. */
  @Test
  void mangledPoliciesNeverThrowAnythingElse() {
    Random r = new Random(SEED + 6);
    String noise = "{}[]\":,\\ a1*?$-.e";
    int errors = 0;
    for (int i = 0; i < RUNS * 2; i++) {
      StringBuilder text = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":["
          + String.join(",", randomStatements(r)) + "]}");
      int edits = 1 + r.nextInt(3);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = r.nextInt(text.length());
        switch (r.nextInt(3)) {
          case 0:
            text.deleteCharAt(at);
            break;
          case 1:
            text.insert(at, noise.charAt(r.nextInt(noise.length())));
            break;
          default:
            text.setCharAt(at, noise.charAt(r.nextInt(noise.length())));
        }
      }
      ParsedPolicy parsed = Policy.tryParse(text.toString(), "mangled");
      if (parsed.isValid()) {
        parsed.policy().get().evaluate(randomRequest(r, false));
      } else {
        errors++;
        PolicyParseException e = parsed.error().get();
        assertThat(e.getMessage()).startsWith("mangled: line ");
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
      }
    }
    assertThat(errors).isGreaterThan(RUNS / 2);
  }
}
