package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a principal (a session of an IAM role) may make a request, from every policy that takes
 * part (IAM's evaluation logic, same account unless said otherwise), three-valued like {@link Policy}:
 *
 * <ol>
 *   <li>A Deny that applies in any policy (organisation policies, identity policies, the permissions
 *       boundary, resource policies) denies ({@code EXPLICIT_DENY}).
 *   <li>Otherwise the request is allowed when (the identity policies allow it and the permissions
 *       boundary, if any, allows it) or, for a resource in the principal's account, a resource policy
 *       allows it. Whether a boundary limits a resource-policy Allow naming the role is not verified:
 *       allowed only that way while a boundary exists is UNKNOWN. For a resource in another account
 *       both sides must allow.
 *   <li>Organisation policies (SCPs, RCPs) count for their Deny statements only: their Allow side
 *       needs the organisation's hierarchy, which one account cannot see.
 *   <li>A policy whose document is unknown could deny or allow: the result is UNKNOWN unless a known
 *       Deny decides it, or nothing else could allow it.
 * </ol>
 *
 * The result is UNKNOWN exactly when an unknown condition value, principal detail or document could
 * change it. Immutable and thread-safe.
 */
public final class Authorization {
  private final List<PolicySource> organization;
  private final List<PolicySource> identity;
  private final PolicySource boundary;
  private final List<PolicySource> resource;
  private final boolean crossAccount;

  private Authorization(Builder b) {
    this.organization = List.copyOf(b.organization);
    this.identity = List.copyOf(b.identity);
    this.boundary = b.boundary;
    this.resource = List.copyOf(b.resource);
    this.crossAccount = b.crossAccount;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The identity policies. */
  public List<PolicySource> identityPolicies() {
    return identity;
  }

  public Optional<PolicySource> boundary() {
    return Optional.ofNullable(boundary);
  }

  /** The same authorization with these resource policies instead (a bucket policy, a key policy). */
  public Authorization withResourcePolicies(List<PolicySource> policies, boolean crossAccount) {
    Builder b = new Builder();
    b.organization.addAll(organization);
    b.identity.addAll(identity);
    b.boundary = boundary;
    b.resource.addAll(policies);
    b.crossAccount = crossAccount;
    return new Authorization(b);
  }

  /**
   * The identity side alone: identity policies ∩ permissions boundary, without resource and
   * organisation policies — what IAM's policy simulator ({@code SimulatePrincipalPolicy}) decides.
   */
  public Authorization identityOnly() {
    Builder b = new Builder();
    b.identity.addAll(identity);
    b.boundary = boundary;
    return new Authorization(b);
  }

  /** Decides {@code request} (its caller should be the role's session). Never throws. */
  public AuthDecision decide(PolicyRequest request) {
    Outcome deny = Outcome.NO;
    List<PolicySource> all = new ArrayList<>(organization);
    all.addAll(identity);
    if (boundary != null) {
      all.add(boundary);
    }
    all.addAll(resource);
    // each policy is evaluated once: its Decision says both whether it denies and whether it allows
    IdentityHashMap<PolicySource, Decision> decisions = new IdentityHashMap<>(all.size() * 2);
    for (PolicySource p : all) {
      Optional<Policy> doc = p.policy();
      if (doc.isEmpty()) {
        deny = deny.or(Outcome.unknownDocument(p));
        continue;
      }
      Decision d = doc.get().evaluate(request);
      decisions.put(p, d);
      if (d.explicitDeny() == Tri.YES) {
        return new AuthDecision(DecisionType.EXPLICIT_DENY, p.name(), d.statement().orElseThrow(), List.of(),
            "explicitly denied by " + d.statement().orElseThrow().label() + " of " + p.name());
      }
      if (d.explicitDeny() == Tri.UNKNOWN) {
        deny = deny.or(Outcome.undecided(p, d));
      }
    }
    Outcome identitySide = allowOf(identity, decisions);
    Outcome bounded = identitySide;
    String boundaryCut = null;
    if (boundary != null && identitySide.tri != Tri.NO) {
      Outcome b = allowOf(List.of(boundary), decisions);
      if (b.tri == Tri.NO) {
        boundaryCut = (identitySide.tri == Tri.YES ? "the identity policies allow it (" + identitySide.text + ") but "
            : "") + "the permissions boundary " + boundary.name() + " does not";
        bounded = Outcome.NO;
      } else {
        bounded = identitySide.and(b);
      }
    }
    Outcome resourceSide = allowOf(resource, decisions);
    Outcome allow;
    if (crossAccount) {
      allow = bounded.and(resourceSide);
    } else {
      if (boundary != null && resourceSide.tri == Tri.YES && bounded.tri != Tri.YES) {
        resourceSide = new Outcome(Tri.UNKNOWN, resourceSide.policy, resourceSide.statement, List.of(),
            "allowed only by the resource policy (" + resourceSide.text + ") while the permissions boundary "
                + boundary.name() + " does not allow it; whether a boundary limits a resource-policy Allow "
                + "naming the role is not verified");
      }
      allow = bounded.or(resourceSide);
    }
    if (allow.tri == Tri.NO) {
      if (boundaryCut != null) {
        return new AuthDecision(DecisionType.IMPLICIT_DENY, boundary.name(), null, List.of(), "not allowed: " + boundaryCut);
      }
      String what = crossAccount && bounded.tri != Tri.NO ? "the resource policy of the other account does not allow it"
          : resource.isEmpty() ? "no identity policy of the role allows it"
          : "neither the role's identity policies nor the resource policy allow it";
      return new AuthDecision(DecisionType.IMPLICIT_DENY, null, null, List.of(), "not allowed: " + what);
    }
    if (allow.tri == Tri.YES && deny.tri == Tri.NO) {
      return new AuthDecision(DecisionType.ALLOW, allow.policy, allow.statement, List.of(), allow.text);
    }
    Outcome why = deny.tri == Tri.UNKNOWN ? deny : allow;
    return new AuthDecision(DecisionType.UNKNOWN, why.policy, why.statement, why.keys, "undecidable: " + why.text);
  }

  /** Whether any of {@code policies} allows {@code request} (Deny statements aside). */
  private static Outcome allowOf(List<PolicySource> policies, IdentityHashMap<PolicySource, Decision> decisions) {
    Outcome result = Outcome.NO;
    for (PolicySource p : policies) {
      Decision d = decisions.get(p);
      Outcome o;
      if (d == null) {
        o = Outcome.unknownDocument(p);
      } else {
        if (d.allow() == Tri.YES) {
          Statement s = d.type() == DecisionType.ALLOW ? d.statement().orElse(null) : null;
          o = new Outcome(Tri.YES, p.name(), s, List.of(),
              "allowed by " + (s == null ? "" : s.label() + " of ") + p.name());
        } else if (d.allow() == Tri.UNKNOWN) {
          o = d.type() == DecisionType.UNKNOWN && d.explicitDeny() == Tri.NO
              ? Outcome.undecided(p, d)
              : new Outcome(Tri.UNKNOWN, p.name(), null, List.of(), "an Allow statement of " + p.name()
                  + " depends on a condition value that cannot be known");
        } else {
          o = Outcome.NO;
        }
      }
      result = result.or(o);
      if (result.tri == Tri.YES) {
        return result;
      }
    }
    return result;
  }

  /** A three-valued part of the decision and what made it so. */
  private static final class Outcome {
    static final Outcome NO = new Outcome(Tri.NO, null, null, List.of(), "");

    final Tri tri;
    final String policy;
    final Statement statement;
    final List<String> keys;
    final String text;

    Outcome(Tri tri, String policy, Statement statement, List<String> keys, String text) {
      this.tri = tri;
      this.policy = policy;
      this.statement = statement;
      this.keys = keys;
      this.text = text;
    }

    static Outcome unknownDocument(PolicySource p) {
      return new Outcome(Tri.UNKNOWN, p.name(), null, List.of(),
          "the document of " + p.name() + " is unknown (" + p.unknownReason().orElse("not captured") + ")");
    }

    static Outcome undecided(PolicySource p, Decision d) {
      return new Outcome(Tri.UNKNOWN, p.name(), d.statement().orElse(null), d.unknownKeys(),
          d.statement().map(s -> s.label() + " (" + s.effect().apiName() + ") of " + p.name() + " depends on "
              + String.join(", ", d.unknownKeys()) + ", whose value cannot be known").orElse(d.explanation()));
    }

    /** The first YES, else the first UNKNOWN. */
    Outcome or(Outcome o) {
      if (tri == Tri.YES || o.tri == Tri.NO) {
        return this;
      }
      if (o.tri == Tri.YES || tri == Tri.NO) {
        return o;
      }
      return this;
    }

    /** The first NO, else the first UNKNOWN, else this YES. */
    Outcome and(Outcome o) {
      if (tri == Tri.NO || o.tri == Tri.YES) {
        return this;
      }
      if (o.tri == Tri.NO || tri == Tri.YES) {
        return o;
      }
      return this;
    }
  }

  /** Collects the policies of an {@link Authorization}. */
  public static final class Builder {
    private final List<PolicySource> organization = new ArrayList<>();
    private final List<PolicySource> identity = new ArrayList<>();
    private PolicySource boundary;
    private final List<PolicySource> resource = new ArrayList<>();
    private boolean crossAccount;

    private Builder() {}

    /** An identity policy of the principal (inline or attached managed, default version). */
    public Builder identity(PolicySource p) {
      identity.add(Objects.requireNonNull(p));
      return this;
    }

    /** The permissions boundary. */
    public Builder boundary(PolicySource p) {
      boundary = Objects.requireNonNull(p);
      return this;
    }

    /** A resource policy of the resource asked for; {@code crossAccount} when the resource is in another account. */
    public Builder resource(PolicySource p, boolean crossAccount) {
      resource.add(Objects.requireNonNull(p));
      this.crossAccount = crossAccount;
      return this;
    }

    /** A service control or resource control policy (its Deny statements count). */
    public Builder organization(PolicySource p) {
      organization.add(Objects.requireNonNull(p));
      return this;
    }

    public Authorization build() {
      return new Authorization(this);
    }
  }
}
