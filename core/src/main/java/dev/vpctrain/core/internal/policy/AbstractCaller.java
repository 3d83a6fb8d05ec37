package dev.vpctrain.core.internal.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Who makes a request: a session of an IAM role (as a SageMaker job does, with a session name it
 * does not disclose), an AWS service principal (SageMaker assuming the role, judged by the role's
 * trust policy), an anonymous caller, or an unknown one. Public (unlike most {@code Abstract*}
 * types) so that {@code Caller.Kind} is visible; use {@link Caller}.
 */
@Value.Immutable
public abstract class AbstractCaller {
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");

  /** The kinds of caller. */
  public enum Kind { ASSUMED_ROLE, SERVICE, ANONYMOUS, UNKNOWN }

  AbstractCaller() {}

  public abstract Kind kind();

  public abstract Optional<String> roleArn();

  public abstract Optional<String> sessionName();

  /** For a {@link Kind#SERVICE} caller, the service principal, for example {@code sagemaker.amazonaws.com}. */
  public abstract Optional<String> serviceName();

  /**
   * The service principal {@code serviceName} ({@code sagemaker.amazonaws.com}). It sets no
   * condition key by itself: a request context declares {@code aws:SourceAccount},
   * {@code aws:SourceArn} and whatever else is known.
   */
  public static Caller service(String serviceName) {
    return Caller.builder().kind(Kind.SERVICE).serviceName(Objects.requireNonNull(serviceName, "serviceName")).build();
  }

  /**
   * A session of the role {@code roleArn} ({@code arn:aws:iam::123456789012:role/path/Name}) whose
   * session name is not known.
   *
   * @throws IllegalArgumentException when {@code roleArn} is not a role ARN
   */
  public static Caller assumedRole(String roleArn) {
    Caller hit = SESSIONS.get(roleArn);
    if (hit == null) {
      hit = assumedRole(roleArn, null);
      if (SESSIONS.size() >= SESSIONS_LIMIT) {
        SESSIONS.clear();
      }
      SESSIONS.put(roleArn, hit);
    }
    return hit;
  }

  /**
   * Sessions by role ARN: every request a rule decides for the job's role names the same session,
   * and a caller is immutable, so its ARN is parsed once (bounded; cleared when full).
   */
  private static final Map<String, Caller> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int SESSIONS_LIMIT = 1024;

  /** A session of the role {@code roleArn} named {@code sessionName} (null when not known). */
  public static Caller assumedRole(String roleArn, String sessionName) {
    return Caller.builder().kind(Kind.ASSUMED_ROLE).roleArn(Objects.requireNonNull(roleArn, "roleArn"))
        .sessionName(Optional.ofNullable(sessionName)).build();
  }

  /** True when {@code arn} is a role ARN {@link #assumedRole} accepts. */
  public static boolean isRoleArn(String arn) {
    return arn != null && ROLE_ARN.matcher(arn).matches();
  }

  /** An unauthenticated caller (for example a package manager fetching from a public bucket). */
  public static Caller anonymous() {
    return Shared.ANONYMOUS;
  }

  /** A caller of whom nothing is known: any principal restriction is UNKNOWN. */
  public static Caller unknown() {
    return Shared.UNKNOWN;
  }

  public Optional<String> account() {
    return roleArnPart(2);
  }

  public Optional<String> partition() {
    return roleArnPart(1);
  }

  public Optional<String> roleName() {
    return roleArnPart(3);
  }

  private Optional<String> roleArnPart(int group) {
    List<String> parts = roleArnParts();
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(group - 1));
  }

  /** The role ARN's partition, account and role name, parsed once; empty without a role ARN. */
  @Value.Lazy
  List<String> roleArnParts() {
    Optional<Matcher> m = roleArn().map(ROLE_ARN::matcher).filter(Matcher::matches);
    return m.map(x -> List.of(x.group(1), x.group(2), x.group(3))).orElse(List.of());
  }

  /** The session's ARN prefix {@code arn:aws:sts::<acct>:assumed-role/<name>/}. */
  Optional<String> sessionArnPrefix() {
    if (kind() != Kind.ASSUMED_ROLE) {
      return Optional.empty();
    }
    return Optional.of("arn:" + partition().orElseThrow() + ":sts::" + account().orElseThrow()
        + ":assumed-role/" + roleName().orElseThrow() + "/");
  }

  /** The condition keys IAM always sets for this caller (lower-case names): {@code aws:PrincipalArn}, … */
  @Value.Lazy
  Map<String, ContextValue> principalKeys() {
    Map<String, ContextValue> m = new HashMap<>();
    switch (kind()) {
      case ASSUMED_ROLE:
        m.put("aws:principalarn", ContextValue.of(roleArn().orElseThrow()));
        m.put("aws:principalaccount", ContextValue.of(account().orElseThrow()));
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

  /** An assumed-role caller has a role ARN; the others have neither ARN nor session. */
  @Value.Check
  protected void check() {
    if (kind() == Kind.ASSUMED_ROLE) {
      String arn = roleArn().orElseThrow(() -> new NullPointerException("roleArn"));
      if (!isRoleArn(arn)) {
        throw new IllegalArgumentException(
            "expected a role ARN such as arn:aws:iam::123456789012:role/Name but was '" + arn + "'");
      }
    } else if (roleArn().isPresent() || sessionName().isPresent()) {
      throw new IllegalArgumentException("only an assumed-role caller has a role ARN or a session name");
    }
    if ((kind() == Kind.SERVICE) != serviceName().isPresent()) {
      throw new IllegalArgumentException("a service caller, and only it, has a service name");
    }
  }

  @Override
  public String toString() {
    switch (kind()) {
      case ASSUMED_ROLE:
        return "a session of " + roleArn().orElseThrow() + sessionName().map(s -> " named " + s).orElse("");
      case SERVICE:
        return "the service principal " + serviceName().orElseThrow();
      case ANONYMOUS:
        return "an anonymous caller";
      default:
        return "an unknown caller";
    }
  }

  /** The two argument-less callers (in a holder: a superclass must not initialise its subclass). */
  private static final class Shared {
    static final Caller ANONYMOUS = Caller.builder().kind(Kind.ANONYMOUS).build();
    static final Caller UNKNOWN = Caller.builder().kind(Kind.UNKNOWN).build();
  }
}
