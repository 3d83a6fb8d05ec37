package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code role.fs.describe}: for a job with file-system channels, the role may describe them
 * ({@code elasticfilesystem:DescribeFileSystems} and {@code DescribeMountTargets} for EFS,
 * {@code fsx:DescribeFileSystems} for FSx), each evaluated on the file system's ARN. The SageMaker
 * guide asks for "access" without naming actions, so a miss is a WARNING.
 */
public final class RoleFsDescribe extends BaseRule {
  static final List<String> EFS = List.of("elasticfilesystem:DescribeFileSystems",
      "elasticfilesystem:DescribeMountTargets");
  static final List<String> FSX = List.of("fsx:DescribeFileSystems");

  public RoleFsDescribe() {
    super("role.fs.describe", Severity.WARNING, "The execution role may describe the job's file systems");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Map<String, List<String>> needed = needed(ctx);
    if (needed.isEmpty()) {
      return one(pass("The job has no EFS or FSx for Lustre channel."));
    }
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may describe the job's file systems is not known: "
          + r.reason() + ".", JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    Authorization auth = r.authorization(ctx);
    RequestContext c = RequestContext.builder().put("aws:RequestedRegion", ctx.region()).build();
    List<String> denied = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    boolean explicit = false;
    for (Map.Entry<String, List<String>> e : needed.entrySet()) {
      for (String action : e.getValue()) {
        AuthDecision d = auth.decide(PolicyRequest.builder().roleSession(role.arn()).action(action)
            .resource(Target.exact(e.getKey())).context(c).build());
        if (d.isAllowed()) {
          continue;
        }
        String line = action + " on " + e.getKey() + ": " + d.explanation();
        (d.isDenied() ? denied : unknown).add(line);
        if (d.isDenied()) {
          missing.computeIfAbsent(action, k -> new LinkedHashSet<>()).add(e.getKey());
          explicit |= d.type() == DecisionType.EXPLICIT_DENY;
        }
      }
    }
    if (!denied.isEmpty()) {
      return one(fail("Role " + role.roleName() + " may not describe the job's file systems: " + String.join("; ", denied)
          + ". The SageMaker guide asks that the role have access to the file system (AmazonSageMakerFullAccess grants "
          + "these actions); whether SageMaker calls them as the role is not documented.",
          fix(role, missing, explicit), resources(role, needed)));
    }
    if (!unknown.isEmpty()) {
      return one(unverified("Whether role " + role.roleName() + " may describe the job's file systems is not known: "
          + String.join("; ", unknown) + ".", null, resources(role, needed)));
    }
    return one(pass("Role " + role.roleName() + " may describe the job's " + needed.size() + " file system(s).",
        role.arn()));
  }

  /** The actions per file-system ARN the job's channels need, in channel order. */
  private static Map<String, List<String>> needed(RuleContext ctx) {
    String account = JobRole.of(ctx).role().map(IamRole::accountId).or(() -> ctx.network().accountId()).orElse("*");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (InputChannel ch : ctx.job().inputChannels()) {
      if (ch.fileSystemId().isEmpty() || ch.fileSystemType().isEmpty()) {
        continue;
      }
      String type = ch.fileSystemType().get().toUpperCase(Locale.ROOT);
      String id = ch.fileSystemId().get();
      if (type.equals("EFS")) {
        out.put("arn:" + ctx.partition() + ":elasticfilesystem:" + ctx.region() + ":" + account + ":file-system/" + id, EFS);
      } else if (type.equals("FSXLUSTRE")) {
        out.put("arn:" + ctx.partition() + ":fsx:" + ctx.region() + ":" + account + ":file-system/" + id, FSX);
      }
    }
    return out;
  }

  private static String[] resources(IamRole role, Map<String, List<String>> needed) {
    List<String> res = new ArrayList<>();
    for (String arn : needed.keySet()) {
      res.add(arn.substring(arn.lastIndexOf('/') + 1));
    }
    res.add(role.arn());
    return res.toArray(String[]::new);
  }

  private static String fix(IamRole role, Map<String, Set<String>> missing, boolean explicit) {
    // one statement per distinct resource set, actions in the order met
    Map<List<String>, List<String>> byResources = new LinkedHashMap<>();
    missing.forEach((action, arns) -> byResources.computeIfAbsent(List.copyOf(arns), k -> new ArrayList<>()).add(action));
    List<Map<String, Object>> statements = new ArrayList<>();
    int n = 0;
    for (Map.Entry<List<String>, List<String>> e : byResources.entrySet()) {
      statements.add(RoleFix.allow("SageMakerFileSystems" + (byResources.size() > 1 ? ++n : ""), e.getValue(), e.getKey()));
    }
    return RoleFix.attach(role, "vpctrain-sagemaker-file-systems", explicit, statements);
  }
}
