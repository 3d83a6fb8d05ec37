package dev.vpctrain.core.iam;

import dev.vpctrain.core.network.CaptureError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The bundle's {@code iam} section in either form: the account-wide
 * {@code GetAccountAuthorizationDetails} output, or the scoped {@code roles}/{@code policies} that
 * {@code vpctrain snapshot} writes. A role not listed is unknown unless {@link #isComplete()} (the
 * account-wide listing, not truncated, without an error) or {@link #absentRoles()} (GetRole said
 * {@code NoSuchEntity}) says it does not exist.
 */
@Value.Immutable
abstract class AbstractIamEvidence {
  private static final Pattern ACCOUNT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):.*");

  /** {@return the roles captured, each with its trust policy and its policies; a role missing here is unknown unless {@link #isKnownAbsent(String)}} */
  public abstract List<IamRole> roles();

  /** {@return the managed policies captured (attached and boundary policies), by ARN} */
  public abstract List<ManagedPolicy> policies();

  /** {@return true when {@link #roles()} lists every role of the account (an untruncated account-wide listing)} */
  @Value.Default
  public boolean isComplete() {
    return false;
  }

  /**
   * Names of roles the capture found not to exist ({@code iam:GetRole} failed with {@code NoSuchEntity}).
   *
   * @return the role names known not to exist
   */
  public abstract Set<String> absentRoles();

  /** {@return the account the listing is of: as given, else from the ARNs of its roles and local policies} */
  @Value.Default
  public Optional<String> accountId() {
    for (IamRole r : roles()) {
      return Optional.of(r.accountId());
    }
    for (ManagedPolicy p : policies()) {
      Matcher m = ACCOUNT.matcher(p.arn());
      if (m.matches()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the role named {@code roleName} (IAM role names are unique in an account, case-insensitively);
   * empty when it was not captured, which does not mean it does not exist ({@link #isKnownAbsent(String)})}
   *
   * @param roleName the role name, without path, for example {@code SageMakerExecution}
   */
  public Optional<IamRole> role(String roleName) {
    return roles().stream().filter(r -> r.roleName().equalsIgnoreCase(roleName)).findFirst();
  }

  /**
   * {@return the managed policy {@code arn}; empty when not captured}
   *
   * @param arn the policy ARN, for example {@code arn:aws:iam::aws:policy/AmazonSageMakerFullAccess}
   */
  public Optional<ManagedPolicy> policy(String arn) {
    return policies().stream().filter(p -> p.arn().equals(arn)).findFirst();
  }

  /**
   * {@return true when the capture shows that no role {@code roleName} exists in {@link #accountId()}}
   *
   * @param roleName the role name, without path
   */
  public boolean isKnownAbsent(String roleName) {
    if (role(roleName).isPresent()) {
      return false;
    }
    return isComplete() || absentRoles().stream().anyMatch(n -> n.equalsIgnoreCase(roleName));
  }

  /**
   * {@return this evidence without what the capture errors ({@code iam:…} operations) leave incomplete: a
   * failed {@code GetAccountAuthorizationDetails} page makes the listing incomplete; a failed
   * {@code GetRole} drops the role (its {@code resource}; {@code NoSuchEntity} records it absent);
   * {@code ListAttachedRolePolicies} / {@code ListRolePolicies} make that role's list unknown;
   * {@code GetRolePolicy} its inline documents; {@code GetPolicy} / {@code GetPolicyVersion} the
   * policy's document} An error without a resource concerns every role or policy. Idempotent.
   *
   * @param errors the snapshot's capture errors ({@code NetworkSnapshot.errors()}); those of other services are ignored
   */
  public IamEvidence withoutIncomplete(List<CaptureError> errors) {
    IamEvidence e = IamEvidence.copyOf(this);
    for (CaptureError error : errors) {
      String op = error.operation().toLowerCase(Locale.ROOT);
      String res = error.resource();
      switch (op) {
        case "iam:getaccountauthorizationdetails":
          e = e.withIsComplete(false);
          break;
        case "iam:getrole":
          e = e.withIsComplete(false);
          if (!res.isEmpty()) {
            e = e.withRoles(keep(e.roles(), r -> !r.roleName().equalsIgnoreCase(res)));
            if (error.code().equalsIgnoreCase("NoSuchEntity")) {
              Set<String> absent = new LinkedHashSet<>(e.absentRoles());
              absent.add(res);
              e = e.withAbsentRoles(absent);
            }
          }
          break;
        case "iam:listattachedrolepolicies":
          e = e.withRoles(map(e.roles(), res, r -> r.withAttachedPolicyArns(Optional.empty())));
          break;
        case "iam:listrolepolicies":
          e = e.withRoles(map(e.roles(), res, r -> r.withInlinePolicies(Optional.empty())));
          break;
        case "iam:getrolepolicy":
          e = e.withRoles(map(e.roles(), res, r -> r.withInlinePolicies(r.inlinePolicies().map(l -> {
            List<InlinePolicy> out = new ArrayList<>();
            l.forEach(p -> out.add(InlinePolicy.of(p.policyName(), Optional.empty())));
            return out;
          }))));
          break;
        case "iam:getpolicy":
        case "iam:getpolicyversion": {
          List<ManagedPolicy> out = new ArrayList<>();
          e.policies().forEach(p -> out.add(res.isEmpty() || p.arn().equals(res) ? p.withDocument(Optional.empty()) : p));
          e = e.withPolicies(out);
          break;
        }
        default:
          break;
      }
    }
    return e;
  }

  private static List<IamRole> keep(List<IamRole> roles, java.util.function.Predicate<IamRole> keep) {
    List<IamRole> out = new ArrayList<>();
    roles.stream().filter(keep).forEach(out::add);
    return out;
  }

  /** {@code roles} with {@code f} applied to the role named {@code name} (every role when empty). */
  private static List<IamRole> map(List<IamRole> roles, String name, java.util.function.UnaryOperator<IamRole> f) {
    List<IamRole> out = new ArrayList<>();
    roles.forEach(r -> out.add(name.isEmpty() || r.roleName().equalsIgnoreCase(name) ? f.apply(r) : r));
    return out;
  }
}
