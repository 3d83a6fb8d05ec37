package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.InstanceGroup;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code request.instances.invalid}: an instance count below 1, or an instance type that is not of
 * the {@code ml.<family>.<size>} shape of SageMaker training instances.
 */
public final class RequestInstancesInvalid extends BaseRule {
  /** {@code ml.p4d.24xlarge}, {@code ml.m5.large}, {@code ml.p6-b200.48xlarge}, {@code ml.trn1n.32xlarge} … */
  static final Pattern ML_TYPE = Pattern.compile(
      "ml\\.[a-z]+[0-9][a-z0-9-]*\\.(?:nano|micro|small|medium|large|xlarge|[0-9]+xlarge|metal(?:-[0-9]+xl)?)");

  public RequestInstancesInvalid() {
    super("request.instances.invalid", Severity.ERROR, "Instance counts are at least 1 and types are ml.* training types");
  }

  /** True when {@code type} has the shape of a SageMaker training instance type. */
  public static boolean isTrainingInstanceType(String type) {
    return type != null && ML_TYPE.matcher(type).matches();
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    TrainingJobSpec job = ctx.job();
    List<Finding> out = new ArrayList<>();
    // a processing job keeps its instances in ProcessingResources.ClusterConfig, at most 100 of them
    boolean processing = job.kind() == JobKind.PROCESSING;
    String resources = processing ? "ProcessingResources.ClusterConfig" : "ResourceConfig";
    if (!job.instanceGroups().isEmpty()) {
      for (int i = 0; i < job.instanceGroups().size(); i++) {
        InstanceGroup g = job.instanceGroups().get(i);
        String at = "ResourceConfig.InstanceGroups[" + i + "]";
        checkType(at + ".InstanceType", g.instanceType(), out);
        checkCount(at + ".InstanceCount", g.instanceCount(), out);
      }
    } else if (job.instanceType().isEmpty()) {
      out.add(fail(resources + " names neither an InstanceType nor InstanceGroups.",
          "Set " + resources + ".InstanceType (for example ml.m5.xlarge) and " + resources + ".InstanceCount."));
    } else {
      checkType(resources + ".InstanceType", job.instanceType().get(), out);
    }
    job.instanceCount().ifPresent(n -> checkCount(resources + ".InstanceCount", n, out));
    job.instanceCount().filter(n -> processing && n > 100).ifPresent(n -> out.add(fail(resources + ".InstanceCount is " + n
        + "; CreateProcessingJob takes at most 100 instances.", "Set " + resources + ".InstanceCount to 100 or fewer.")));
    if (out.isEmpty()) {
      return one(pass("The job runs " + job.totalInstanceCount() + " instance(s) of " + String.join(", ",
          job.instanceTypes()) + "."));
    }
    return out;
  }

  private void checkType(String field, String type, List<Finding> out) {
    if (!isTrainingInstanceType(type)) {
      out.add(fail(field + " '" + type + "' is not a SageMaker training instance type (ml.<family>.<size>, "
              + "for example ml.p4d.24xlarge).",
          "Use an ml.* training instance type in " + field + " (EC2 names such as p4d.24xlarge need the ml. prefix).",
          type));
    }
  }

  private void checkCount(String field, int count, List<Finding> out) {
    if (count < 1) {
      out.add(fail(field + " is " + count + "; a job needs at least 1 instance.",
          "Set " + field + " to 1 or more."));
    }
  }
}
