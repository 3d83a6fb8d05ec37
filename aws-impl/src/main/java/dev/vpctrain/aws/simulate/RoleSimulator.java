package dev.vpctrain.aws.simulate;

import dev.vpctrain.core.iam.IdentityDecision;
import dev.vpctrain.core.iam.RoleRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Cross-checks vpctrain's identity-side decisions ({@link dev.vpctrain.core.rules.RoleRequests}) with
 * {@code iam:SimulatePrincipalPolicy}: {@code PolicySourceArn} = the role, one call per resource and
 * context (all its actions together, every page followed with {@code Marker}), the known context
 * values as {@code ContextEntries}. The simulator decides identity policies and the permissions
 * boundary only, as the requests' decisions do. A request vpctrain could not decide (UNKNOWN) is no
 * disagreement: the simulator's answer is kept as a note. A call that fails (access denied included)
 * is a note, never an exception.
 */
public final class RoleSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(RoleSimulator.class);

  private final IamClient iam;

  /**
   * Creates a simulator that asks IAM's policy simulator.
   *
   * @param iam the IAM client
   */
  public RoleSimulator(IamClient iam) {
    this.iam = Objects.requireNonNull(iam, "iam");
  }

  /**
   * Simulates {@code requests} for {@code roleArn} and compares.
   *
   * @param roleArn the role ARN
   * @param requests the requests
   * @return the simulator's answers compared with vpctrain's
   */
  public RoleSimulation simulate(String roleArn, List<RoleRequest> requests) {
    Map<String, List<RoleRequest>> batches = new LinkedHashMap<>();
    requests.forEach(r -> batches.computeIfAbsent(r.resource() + "|" + r.context(), k -> new ArrayList<>()).add(r));
    int compared = 0;
    int agreed = 0;
    List<RoleSimulation.Disagreement> disagreements = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (List<RoleRequest> batch : batches.values()) {
      Map<String, EvaluationResult> byAction;
      try {
        byAction = call(roleArn, batch);
      } catch (SdkException e) {
        notes.add(failure(e));
        LOG.debug("iam:SimulatePrincipalPolicy failed", e);
        break;
      }
      for (RoleRequest r : batch) {
        EvaluationResult result = byAction.get(r.action().toLowerCase(java.util.Locale.ROOT));
        if (result == null) {
          notes.add("The simulator did not answer " + r.action() + " on " + r.resource() + ".");
          continue;
        }
        String iamDecision = result.evalDecisionAsString();
        if (r.decision() == IdentityDecision.UNKNOWN) {
          notes.add(r.action() + " on " + r.resource() + ": vpctrain could not decide (" + r.rule()
              + "); the simulator says " + iamDecision + ".");
          continue;
        }
        compared++;
        boolean iamAllows = "allowed".equalsIgnoreCase(iamDecision);
        if (iamAllows == (r.decision() == IdentityDecision.ALLOW)) {
          agreed++;
        } else {
          disagreements.add(new RoleSimulation.Disagreement(r.rule(), r.action(), r.resource(), r.decision().name(),
              iamDecision, statement(r, result)));
        }
      }
    }
    return new RoleSimulation(compared, agreed, disagreements, notes);
  }

  private Map<String, EvaluationResult> call(String roleArn, List<RoleRequest> batch) {
    RoleRequest first = batch.get(0);
    List<ContextEntry> context = new ArrayList<>();
    first.context().forEach((k, v) -> context.add(ContextEntry.builder().contextKeyName(k).contextKeyValues(v)
        .contextKeyType(type(v)).build()));
    Map<String, EvaluationResult> out = new LinkedHashMap<>();
    iam.simulatePrincipalPolicyPaginator(b -> b.policySourceArn(roleArn)
            .actionNames(batch.stream().map(RoleRequest::action).distinct().toList())
            .resourceArns(first.resource()).contextEntries(context))
        .forEach(page -> page.evaluationResults().forEach(e ->
            out.put(e.evalActionName().toLowerCase(java.util.Locale.ROOT), e)));
    return out;
  }

  private static ContextKeyTypeEnum type(List<String> values) {
    boolean bool = values.stream().allMatch(v -> v.equals("true") || v.equals("false"));
    if (bool) {
      return values.size() == 1 ? ContextKeyTypeEnum.BOOLEAN : ContextKeyTypeEnum.BOOLEAN_LIST;
    }
    return values.size() == 1 ? ContextKeyTypeEnum.STRING : ContextKeyTypeEnum.STRING_LIST;
  }

  private static String statement(RoleRequest r, EvaluationResult result) {
    String ours = r.policy().map(p -> p + r.statement().map(s -> ", " + s).orElse("")).orElse("no statement");
    String theirs = result.hasMatchedStatements() && !result.matchedStatements().isEmpty()
        ? result.matchedStatements().stream().map(Statement::sourcePolicyId).collect(Collectors.joining(", "))
        : "no matched statement";
    return "vpctrain: " + ours + "; IAM: " + theirs;
  }

  private static String failure(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
        return "--simulate: iam:SimulatePrincipalPolicy was denied (AccessDenied); nothing was cross-checked "
            + "(the permission is listed in docs/iam-permissions.md).";
      }
      return "--simulate: iam:SimulatePrincipalPolicy failed (" + code + ": " + s.awsErrorDetails().errorMessage()
          + "); nothing more was cross-checked.";
    }
    return "--simulate: iam:SimulatePrincipalPolicy failed (" + e.getMessage() + "); nothing more was cross-checked.";
  }
}
