package dev.vpctrain.core.internal.policy;

/** Builds requests for the policy tests from a compact notation. */
final class PolicyTestSupport {
  static final String ROLE = "arn:aws:iam::123456789012:role/Job";

  private PolicyTestSupport() {}

  static Policy policy(String statements) {
    String body = statements.trim().startsWith("[") ? statements : "[" + statements + "]";
    return Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + body + "}", "test policy");
  }

  /** {@code role} (the job role), {@code role:<session>}, {@code anon}, {@code unknown}, or a role ARN. */
  static Caller caller(String spec) {
    if (spec == null || spec.isBlank() || spec.equals("role")) {
      return Caller.assumedRole(ROLE);
    }
    if (spec.startsWith("role:")) {
      return Caller.assumedRole(ROLE, spec.substring(5));
    }
    if (spec.equals("anon")) {
      return Caller.anonymous();
    }
    if (spec.equals("unknown")) {
      return Caller.unknown();
    }
    return Caller.assumedRole(spec);
  }

  /** {@code prefix:<p>} for every name starting with p; otherwise exact. */
  static Target target(String spec) {
    return spec.startsWith("prefix:") ? Target.startingWith(spec.substring(7)) : Target.exact(spec);
  }

  /**
   * {@code key=v1,v2; key2=absent; key3=unknown; *=unknown}. Undeclared keys are absent unless
   * {@code *=unknown} is given.
   */
  static RequestContext context(String spec) {
    RequestContext.Builder b = RequestContext.builder().undeclaredKeysAbsent();
    if (spec == null || spec.isBlank()) {
      return b.build();
    }
    for (String part : spec.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String key = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      if (key.equals("*")) {
        b.undeclaredKeysAbsent(!value.equals("unknown"));
      } else if (value.equals("absent")) {
        b.absent(key);
      } else if (value.equals("unknown")) {
        b.unknown(key);
      } else {
        b.put(key, value.split(","));
      }
    }
    return b.build();
  }

  static PolicyRequest request(String action, String resource, String context, String caller) {
    return PolicyRequest.builder()
        .caller(caller(caller))
        .action(target(action))
        .resource(target(resource))
        .context(context(context))
        .build();
  }
}
