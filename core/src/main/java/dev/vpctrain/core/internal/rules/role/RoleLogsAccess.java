package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code role.logs.access}: the role may write the job's logs and metrics —
 * {@code logs:CreateLogGroup} and {@code logs:DescribeLogStreams} on the log group
 * {@code /aws/sagemaker/TrainingJobs}, {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on
 * the job's streams ({@code <job>/algo-*}), {@code cloudwatch:PutMetricData} on {@code "*"}. A
 * log-group action counts as allowed when the group's ARN is allowed with or without the
 * {@code :*} suffix policies commonly use. WARNING: the job is believed to run without them.
 */
public final class RoleLogsAccess extends BaseRule {
  static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
  static final List<String> ON_GROUP = List.of("logs:CreateLogGroup", "logs:DescribeLogStreams");
  static final List<String> ON_STREAMS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
  static final String METRICS = "cloudwatch:PutMetricData";

  public RoleLogsAccess() {
    super("role.logs.access", Severity.WARNING, "The execution role may write the job's logs and metrics");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may write the job's logs and metrics is not known: "
          + r.reason() + ".", JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    Authorization auth = r.authorization(ctx);
    String group = "arn:" + ctx.partition() + ":logs:" + ctx.region() + ":" + role.accountId() + ":log-group:" + LOG_GROUP;
    String streams = group + ":log-stream:" + ctx.job().name() + "/algo-";
    RequestContext c = RequestContext.builder().put("aws:RequestedRegion", ctx.region()).build();
    List<Check> checks = new ArrayList<>();
    for (String action : ON_GROUP) {
      AuthDecision exact = decide(auth, role, action, Target.exact(group), c);
      AuthDecision wildcard = exact.isAllowed() ? exact : decide(auth, role, action, Target.exact(group + ":*"), c);
      checks.add(new Check(action, group, better(exact, wildcard)));
    }
    for (String action : ON_STREAMS) {
      checks.add(new Check(action, streams + "*", decide(auth, role, action, Target.startingWith(streams), c)));
    }
    // cloudwatch:namespace (SageMaker's is /aws/sagemaker/TrainingJobs) is left unknown: a condition on it is UNVERIFIED
    checks.add(new Check(METRICS, "*", decide(auth, role, METRICS, Target.exact("*"), c)));

    List<String> denied = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Map<String, List<String>> missing = new LinkedHashMap<>();
    boolean explicit = false;
    for (Check k : checks) {
      if (k.decision().isAllowed()) {
        continue;
      }
      String line = k.action() + " on " + k.resource() + ": " + k.decision().explanation();
      if (k.decision().isDenied()) {
        denied.add(line);
        missing.computeIfAbsent(k.resource(), x -> new ArrayList<>()).add(k.action());
        explicit |= k.decision().type() == DecisionType.EXPLICIT_DENY;
      } else {
        unknown.add(line);
      }
    }
    if (!denied.isEmpty()) {
      return one(fail("Role " + role.roleName() + " may not write the job's logs or metrics: " + String.join("; ", denied)
          + ". The job is believed to run without them (not verified), but CloudWatch then holds no log stream or "
          + "metric of it and vpctrain watch shows none.", fix(role, missing, explicit), role.arn()));
    }
    if (!unknown.isEmpty()) {
      return one(unverified("Whether role " + role.roleName() + " may write the job's logs and metrics is not known: "
          + String.join("; ", unknown) + ".", null, role.arn()));
    }
    return one(pass("Role " + role.roleName() + " may write the job's logs to " + LOG_GROUP + " and its metrics.",
        role.arn()));
  }

  /** One action on one resource, and the role's decision. */
  private record Check(String action, String resource, AuthDecision decision) {}

  private static AuthDecision decide(Authorization auth, IamRole role, String action, Target resource,
      RequestContext c) {
    return auth.decide(PolicyRequest.builder().roleSession(role.arn()).action(action).resource(resource).context(c)
        .build());
  }

  /** The more permissive of two decisions on the same action: allowed, else unknown, else the first denial. */
  private static AuthDecision better(AuthDecision a, AuthDecision b) {
    if (a.isAllowed() || (a.isUnknown() && !b.isAllowed())) {
      return a;
    }
    return b.isAllowed() || b.isUnknown() ? b : a;
  }

  private static String fix(IamRole role, Map<String, List<String>> missing, boolean explicit) {
    List<Map<String, Object>> statements = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<String>> e : missing.entrySet()) {
      String resource = e.getKey().endsWith(LOG_GROUP) ? e.getKey() + ":*" : e.getKey();
      statements.add(RoleFix.allow("SageMakerLogsAndMetrics" + (missing.size() > 1 ? ++n : ""), e.getValue(),
          List.of(resource)));
    }
    return RoleFix.attach(role, "vpctrain-sagemaker-logs", explicit, statements);
  }
}
