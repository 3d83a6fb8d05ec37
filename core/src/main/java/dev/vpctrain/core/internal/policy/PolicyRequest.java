package dev.vpctrain.core.internal.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request to decide: caller, action, resource and condition keys. For an assumed-role caller the
 * keys IAM always sets are added unless the context declares them: {@code aws:PrincipalArn} (the role
 * ARN), {@code aws:PrincipalAccount}, {@code aws:PrincipalType = AssumedRole},
 * {@code aws:PrincipalIsAWSService = false}, and {@code aws:username} absent; for an anonymous caller
 * {@code aws:PrincipalType = Anonymous} and the principal keys absent.
 */
public final class PolicyRequest {
  private final Caller caller;
  private final Target action;
  private final String lowerAction;
  private final Target resource;
  /** The context as given (without the caller's keys). */
  private final RequestContext given;
  private final Coverage coverage;
  private final KeyLookup lookup;
  private volatile RequestContext merged;

  private PolicyRequest(Builder b) {
    this.caller = Objects.requireNonNull(b.caller, "caller");
    this.action = Objects.requireNonNull(b.action, "action");
    this.lowerAction = action.value().toLowerCase(Locale.ROOT);
    this.resource = Objects.requireNonNull(b.resource, "resource");
    this.coverage = b.coverage;
    this.given = b.context == null ? RequestContext.empty() : b.context;
    Map<String, ContextValue> principalKeys = caller.principalKeys();
    RequestContext ctx = given;
    this.lookup = lowerKey -> {
      ContextValue v = ctx.declaredLower(lowerKey);
      if (v == null) {
        v = principalKeys.get(lowerKey);
      }
      return v != null ? v : ctx.undeclared();
    };
  }

  /** How conditions read keys: the given context, then the caller's keys, then the undeclared default. */
  KeyLookup lookup() {
    return lookup;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.caller = caller;
    b.action = action;
    b.resource = resource;
    b.context = given;
    b.coverage = coverage;
    return b;
  }

  public Caller caller() {
    return caller;
  }

  public Target action() {
    return action;
  }

  /** The action in lower case (actions match case-insensitively). */
  String lowerAction() {
    return lowerAction;
  }

  public Target resource() {
    return resource;
  }

  /** The context, including the principal keys derived from the caller (unless the given context declares them). */
  public RequestContext context() {
    RequestContext m = merged;
    if (m == null) {
      RequestContext.Builder b = given.toBuilder();
      caller.principalKeys().forEach(b::putIfUndeclared);
      m = b.build();
      merged = m;
    }
    return m;
  }

  public Coverage coverage() {
    return coverage;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PolicyRequest)) {
      return false;
    }
    PolicyRequest r = (PolicyRequest) o;
    return r.caller.equals(caller) && r.action.equals(action) && r.resource.equals(resource)
        && r.given.equals(given) && r.coverage == coverage;
  }

  @Override
  public int hashCode() {
    return Objects.hash(caller, action, resource, given, coverage);
  }

  @Override
  public String toString() {
    return action + " on " + resource + " by " + caller;
  }

  /** Builds a {@link PolicyRequest}. */
  public static final class Builder {
    private Caller caller = Caller.unknown();
    private Target action;
    private Target resource;
    private RequestContext context;
    private Coverage coverage = Coverage.EVERY;

    private Builder() {}

    public Builder caller(Caller caller) {
      this.caller = caller;
      return this;
    }

    /** The caller is a session of {@code roleArn}. */
    public Builder roleSession(String roleArn) {
      return caller(Caller.assumedRole(roleArn));
    }

    public Builder action(String action) {
      return action(Target.exact(action));
    }

    public Builder action(Target action) {
      this.action = action;
      return this;
    }

    public Builder resource(String resourceArn) {
      return resource(Target.exact(resourceArn));
    }

    public Builder resource(Target resource) {
      this.resource = resource;
      return this;
    }

    public Builder context(RequestContext context) {
      this.context = context;
      return this;
    }

    public Builder coverage(Coverage coverage) {
      this.coverage = Objects.requireNonNull(coverage);
      return this;
    }

    public PolicyRequest build() {
      return new PolicyRequest(this);
    }
  }
}
