package dev.vpctrain.core.internal.policy;

import java.util.Map;
import org.immutables.value.Value;

/**
 * A request to decide: caller, action, resource and condition keys. For an assumed-role caller the
 * keys IAM always sets are added unless the context declares them: {@code aws:PrincipalArn} (the role
 * ARN), {@code aws:PrincipalAccount}, {@code aws:PrincipalType = AssumedRole},
 * {@code aws:PrincipalIsAWSService = false}, and {@code aws:username} absent; for an anonymous caller
 * {@code aws:PrincipalType = Anonymous} and the principal keys absent.
 */
@Value.Immutable
abstract class AbstractPolicyRequest {
  /** Who asks; unknown unless set. */
  @Value.Default
  public Caller caller() {
    return Caller.unknown();
  }

  public abstract Target action();

  public abstract Target resource();

  /** The context as given, without the caller's keys (the builder's {@code context(…)}; empty unless set). */
  @Value.Default
  public RequestContext givenContext() {
    return RequestContext.empty();
  }

  @Value.Default
  public Coverage coverage() {
    return Coverage.EVERY;
  }

  /** How conditions read keys: the given context, then the caller's keys, then the undeclared default. */
  KeyLookup lookup() {
    RequestContext ctx = givenContext();
    Map<String, ContextValue> principalKeys = caller().principalKeys();
    return lowerKey -> {
      ContextValue v = ctx.declaredLower(lowerKey);
      if (v == null) {
        v = principalKeys.get(lowerKey);
      }
      return v != null ? v : ctx.undeclared();
    };
  }

  /** The context, including the principal keys derived from the caller (unless the given context declares them). */
  @Value.Lazy
  public RequestContext context() {
    RequestContext.Builder b = givenContext().toBuilder();
    caller().principalKeys().forEach(b::putIfUndeclared);
    return b.build();
  }

  public PolicyRequest.Builder toBuilder() {
    return PolicyRequest.builder().from(this);
  }

  @Override
  public String toString() {
    return action() + " on " + resource() + " by " + caller();
  }

  /** The generated builder's conveniences: names for targets, a role session, a nullable context. */
  abstract static class Builder {
    abstract PolicyRequest.Builder caller(Caller caller);

    abstract PolicyRequest.Builder action(Target action);

    abstract PolicyRequest.Builder resource(Target resource);

    abstract PolicyRequest.Builder givenContext(RequestContext context);

    /** The caller is a session of {@code roleArn}. */
    public PolicyRequest.Builder roleSession(String roleArn) {
      return caller(Caller.assumedRole(roleArn));
    }

    public PolicyRequest.Builder action(String action) {
      return action(Target.exact(action));
    }

    public PolicyRequest.Builder resource(String resourceArn) {
      return resource(Target.exact(resourceArn));
    }

    /** The request's condition keys; {@code null} for none (every key unknown). */
    public PolicyRequest.Builder context(RequestContext context) {
      return givenContext(context == null ? RequestContext.empty() : context);
    }
  }
}
