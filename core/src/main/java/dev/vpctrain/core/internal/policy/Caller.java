package dev.vpctrain.core.internal.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who makes a request: a session of an IAM role (as a SageMaker job does, with a session name it
 * does not disclose), an anonymous caller, or an unknown one.
 */
public final class Caller {
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");
  private static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null, null, null, null);
  private static final Caller UNKNOWN = new Caller(Kind.UNKNOWN, null, null, null, null, null);

  /** The kinds of caller. */
  public enum Kind { ASSUMED_ROLE, ANONYMOUS, UNKNOWN }

  private final Kind kind;
  private final String roleArn;
  private final String partition;
  private final String account;
  private final String roleName;
  private final String sessionName;
  private final Map<String, ContextValue> principalKeys;

  private Caller(Kind kind, String roleArn, String partition, String account, String roleName, String sessionName) {
    this.kind = kind;
    this.roleArn = roleArn;
    this.partition = partition;
    this.account = account;
    this.roleName = roleName;
    this.sessionName = sessionName;
    this.principalKeys = principalKeys(kind, roleArn, account);
  }

  /** The keys IAM sets for this caller, by lower-case name. */
  private static Map<String, ContextValue> principalKeys(Kind kind, String roleArn, String account) {
    Map<String, ContextValue> m = new HashMap<>();
    switch (kind) {
      case ASSUMED_ROLE:
        m.put("aws:principalarn", ContextValue.of(roleArn));
        m.put("aws:principalaccount", ContextValue.of(account));
        m.put("aws:principaltype", ContextValue.of("AssumedRole"));
        m.put("aws:principalisawsservice", ContextValue.of("false"));
        m.put("aws:username", ContextValue.absent());
        break;
      case ANONYMOUS:
        m.put("aws:principaltype", ContextValue.of("Anonymous"));
        m.put("aws:principalarn", ContextValue.absent());
        m.put("aws:principalaccount", ContextValue.absent());
        m.put("aws:principalorgid", ContextValue.absent());
        m.put("aws:principalisawsservice", ContextValue.of("false"));
        m.put("aws:userid", ContextValue.absent());
        m.put("aws:username", ContextValue.absent());
        break;
      default:
        break;
    }
    return Collections.unmodifiableMap(m);
  }

  /** The condition keys IAM always sets for this caller (lower-case names): {@code aws:PrincipalArn}, … */
  Map<String, ContextValue> principalKeys() {
    return principalKeys;
  }

  /**
   * A session of the role {@code roleArn} ({@code arn:aws:iam::123456789012:role/path/Name}) whose
   * session name is not known.
   *
   * @throws IllegalArgumentException when {@code roleArn} is not a role ARN
   */
  public static Caller assumedRole(String roleArn) {
    return assumedRole(roleArn, null);
  }

  /** A session of the role {@code roleArn} named {@code sessionName} (null when not known). */
  public static Caller assumedRole(String roleArn, String sessionName) {
    Matcher m = ROLE_ARN.matcher(Objects.requireNonNull(roleArn, "roleArn"));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a role ARN such as arn:aws:iam::123456789012:role/Name but was '" + roleArn + "'");
    }
    return new Caller(Kind.ASSUMED_ROLE, roleArn, m.group(1), m.group(2), m.group(3), sessionName);
  }

  /** True when {@code arn} is a role ARN {@link #assumedRole} accepts. */
  public static boolean isRoleArn(String arn) {
    return arn != null && ROLE_ARN.matcher(arn).matches();
  }

  /** An unauthenticated caller (for example a package manager fetching from a public bucket). */
  public static Caller anonymous() {
    return ANONYMOUS;
  }

  /** A caller of whom nothing is known: any principal restriction is UNKNOWN. */
  public static Caller unknown() {
    return UNKNOWN;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  public Optional<String> partition() {
    return Optional.ofNullable(partition);
  }

  public Optional<String> roleName() {
    return Optional.ofNullable(roleName);
  }

  public Optional<String> sessionName() {
    return Optional.ofNullable(sessionName);
  }

  /** The session's ARN prefix {@code arn:aws:sts::<acct>:assumed-role/<name>/}. */
  Optional<String> sessionArnPrefix() {
    if (kind != Kind.ASSUMED_ROLE) {
      return Optional.empty();
    }
    return Optional.of("arn:" + partition + ":sts::" + account + ":assumed-role/" + roleName + "/");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Caller)) {
      return false;
    }
    Caller c = (Caller) o;
    return c.kind == kind && Objects.equals(c.roleArn, roleArn) && Objects.equals(c.sessionName, sessionName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, roleArn, sessionName);
  }

  @Override
  public String toString() {
    switch (kind) {
      case ASSUMED_ROLE:
        return "a session of " + roleArn + (sessionName == null ? "" : " named " + sessionName);
      case ANONYMOUS:
        return "an anonymous caller";
      default:
        return "an unknown caller";
    }
  }
}
