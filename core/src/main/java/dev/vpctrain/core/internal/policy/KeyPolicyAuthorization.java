package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Whether a role may use a KMS key: KMS's own evaluation, where the key policy is the root of
 * access. The role's IAM policies (within its boundary) count only when the key policy lets them —
 * a statement naming the role's account ({@code arn:aws:iam::<acct>:root}); otherwise only a
 * key-policy statement naming the role (or everyone, with conditions that hold) allows. For a key
 * in another account the role's IAM policies must allow too. An explicit Deny anywhere denies.
 * A key policy not captured is UNKNOWN. Three-valued like {@link Authorization}.
 */
public final class KeyPolicyAuthorization {
  private final Authorization role;
  private final PolicySource keyPolicy;
  private final String partition;
  private final String roleAccount;
  private final boolean crossAccount;
  /** The key policy's Allow statements, those naming only the role's account, and the others; null when not captured. */
  private final Policy allows;
  private final Policy accountAllows;
  private final Policy directAllows;

  private KeyPolicyAuthorization(Authorization role, PolicySource keyPolicy, String partition, String roleAccount,
      boolean crossAccount) {
    this.role = Objects.requireNonNull(role, "role");
    this.keyPolicy = Objects.requireNonNull(keyPolicy, "keyPolicy");
    this.partition = Objects.requireNonNull(partition, "partition");
    this.roleAccount = Objects.requireNonNull(roleAccount, "roleAccount");
    this.crossAccount = crossAccount;
    this.allows = keyPolicy.policy().map(Policy::allowStatements).orElse(null);
    this.accountAllows = allows == null ? null : allows.statementsWhere(s -> s.namesOnlyAccount(partition, roleAccount));
    this.directAllows = allows == null ? null : allows.statementsWhere(s -> !s.namesOnlyAccount(partition, roleAccount));
  }

  /**
   * The role's {@code authorization} (identity, boundary, organisation policies; no resource
   * policy) against the key whose policy is {@code keyPolicy}, for a role of {@code roleAccount} and
   * a key of {@code keyAccount}.
   */
  public static KeyPolicyAuthorization of(Authorization authorization, PolicySource keyPolicy, String partition,
      String roleAccount, String keyAccount) {
    return new KeyPolicyAuthorization(authorization, keyPolicy, partition, roleAccount,
        !roleAccount.equals(keyAccount));
  }

  /** Decides {@code request} (its caller the role's session, its resource the key ARN). Never throws. */
  public AuthDecision decide(PolicyRequest request) {
    if (keyPolicy.policy().isEmpty()) {
      return new AuthDecision(DecisionType.UNKNOWN, keyPolicy.name(), null, List.of(), "undecidable: the document of "
          + keyPolicy.name() + " is unknown (" + keyPolicy.unknownReason().orElse("not captured") + ")");
    }
    Policy key = keyPolicy.policy().get();
    Decision whole = key.evaluate(request);
    if (whole.explicitDeny() == Tri.YES) {
      Statement s = whole.statement().orElseThrow();
      return new AuthDecision(DecisionType.EXPLICIT_DENY, keyPolicy.name(), s, List.of(),
          "explicitly denied by " + s.label() + " of " + keyPolicy.name());
    }
    AuthDecision identity = role.decide(request);
    if (identity.type() == DecisionType.EXPLICIT_DENY) {
      return identity;
    }
    Decision account = accountAllows.evaluate(request);
    Decision direct = directAllows.evaluate(request);
    Tri id = identity.isAllowed() ? Tri.YES : identity.isUnknown() ? Tri.UNKNOWN : Tri.NO;
    Tri acct = account.allow();
    Tri named = direct.allow();
    String boundaryNote = "";
    if (!crossAccount && named == Tri.YES && id != Tri.YES && role.boundary().isPresent()) {
      // as for every resource policy: whether a boundary limits an Allow naming the role is not verified
      named = Tri.UNKNOWN;
      boundaryNote = "; it is allowed only by " + direct.statement().map(Statement::label).orElse("a statement")
          + " of " + keyPolicy.name() + " while the permissions boundary does not allow it, and whether a boundary "
          + "limits such an Allow is not verified";
    }
    Tri allow = crossAccount ? id.and(acct.or(named)) : id.and(acct).or(named);
    if (allow == Tri.NO) {
      return new AuthDecision(DecisionType.IMPLICIT_DENY, keyPolicy.name(), null, List.of(), "not allowed: "
          + why(id, acct, named, identity));
    }
    Tri denyUnknown = whole.explicitDeny() == Tri.UNKNOWN || identity.isUnknown() ? Tri.UNKNOWN : Tri.NO;
    if (allow == Tri.YES && denyUnknown == Tri.NO) {
      Decision by = named == Tri.YES ? direct : account;
      String text = named == Tri.YES
          ? "allowed by " + by.statement().map(Statement::label).orElse("a statement") + " of " + keyPolicy.name()
          : identity.explanation() + ", and " + by.statement().map(Statement::label).orElse("a statement") + " of "
              + keyPolicy.name() + " lets the account's IAM policies count";
      return new AuthDecision(DecisionType.ALLOW, keyPolicy.name(), by.statement().orElse(null), List.of(), text);
    }
    LinkedHashSet<String> keys = new LinkedHashSet<>(whole.unknownKeys());
    keys.addAll(identity.unknownKeys());
    keys.addAll(account.unknownKeys());
    keys.addAll(direct.unknownKeys());
    Statement st = whole.explicitDeny() == Tri.UNKNOWN ? whole.statement().orElse(null)
        : identity.isUnknown() ? identity.statement().orElse(null)
        : acct == Tri.UNKNOWN ? account.statement().orElse(null) : direct.statement().orElse(null);
    String policy = identity.isUnknown() && whole.explicitDeny() != Tri.UNKNOWN ? identity.policy().orElse(null)
        : keyPolicy.name();
    List<String> parts = new ArrayList<>();
    if (identity.isUnknown()) {
      parts.add(identity.explanation());
    }
    if (whole.explicitDeny() == Tri.UNKNOWN || acct == Tri.UNKNOWN || direct.allow() == Tri.UNKNOWN) {
      parts.add((st == null ? "a statement" : st.label()) + " of " + keyPolicy.name() + " depends on "
          + (keys.isEmpty() ? "what the snapshot does not show" : String.join(", ", keys)));
    }
    return new AuthDecision(DecisionType.UNKNOWN, policy, st, List.copyOf(keys), "undecidable: "
        + (parts.isEmpty() ? "" : String.join("; ", parts)) + boundaryNote);
  }

  /**
   * Whether the key policy lets the role make {@code request} at all — naming the role, or its
   * account so that IAM policies count (Deny statements aside); NO means no IAM policy can help.
   */
  public Tri keyPolicyAdmits(PolicyRequest request) {
    return allows == null ? Tri.UNKNOWN : allows.evaluate(request).allow();
  }

  private String why(Tri id, Tri acct, Tri named, AuthDecision identity) {
    if (named == Tri.NO && acct == Tri.NO) {
      return keyPolicy.name() + " allows neither the role nor its account (arn:" + partition + ":iam::" + roleAccount
          + ":root) to use the key for it";
    }
    if (crossAccount && id == Tri.NO) {
      return keyPolicy.name() + " lets the role's account use the key, but the key is in another account, so the "
          + "role's own policies must allow it too: " + identity.explanation();
    }
    return keyPolicy.name() + " lets the account's IAM policies count, but they do not allow it ("
        + identity.explanation() + ")";
  }
}
