package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.S3Output;
import dev.vpctrain.core.job.S3Uri;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code request.id.malformed}: subnet, security-group, role and job-name formats, and every S3
 * location a well-formed {@code s3://bucket/...} URI, including the training code package
 * ({@code sagemaker_submit_directory}: an {@code s3://bucket/key} object). One finding per malformed
 * field.
 */
public final class RequestIdMalformed extends BaseRule {
  private static final Pattern SUBNET = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");
  private static final Pattern GROUP = Pattern.compile("sg-(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{17})");
  private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+");
  private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

  public RequestIdMalformed() {
    super("request.id.malformed", Severity.ERROR, "Ids, ARNs, the job name and S3 URIs are well-formed");
  }

  /** {@code VpcConfig} where the workload's kind keeps it: a processing job's is under {@code NetworkConfig}. */
  private static String vpcField(TrainingJobSpec job) {
    return job.kind() == JobKind.PROCESSING ? "NetworkConfig.VpcConfig" : "VpcConfig";
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    TrainingJobSpec job = ctx.job();
    List<Finding> out = new ArrayList<>();
    // a tuning job's name is shorter: SageMaker appends a suffix to name its training jobs
    int max = job.kind() == JobKind.TUNING ? 32 : 63;
    if (job.name().length() > max || !JOB_NAME.matcher(job.name()).matches()) {
      out.add(bad(job.kind().nameMember(), job.name(),
          "1 to " + max + " letters, digits and hyphens, starting and ending with a letter or digit"));
    }
    job.roleArn().filter(arn -> !ROLE.matcher(arn).matches()).ifPresent(arn ->
        out.add(bad("RoleArn", arn, "an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerTraining")));
    if (job.vpc().isPresent()) {
      VpcSpec vpc = job.vpc().get();
      for (int i = 0; i < vpc.subnets().size(); i++) {
        String id = vpc.subnets().get(i);
        if (!SUBNET.matcher(id).matches()) {
          out.add(bad(vpcField(job) + ".Subnets[" + i + "]", id, "subnet- followed by 8 or 17 lower-case hex digits"));
        }
      }
      for (int i = 0; i < vpc.securityGroups().size(); i++) {
        String id = vpc.securityGroups().get(i);
        if (!GROUP.matcher(id).matches()) {
          out.add(bad(vpcField(job) + ".SecurityGroupIds[" + i + "]", id, "sg- followed by 8 or 17 hex digits"));
        }
      }
    }
    for (int i = 0; i < job.inputChannels().size(); i++) {
      InputChannel c = job.inputChannels().get(i);
      String field = c.s3UriField().orElse("InputDataConfig[" + i + "].DataSource.S3DataSource.S3Uri");
      c.s3Uri().ifPresent(uri -> checkS3(field, uri, out));
    }
    job.outputPath().ifPresent(uri -> checkS3("OutputDataConfig.S3OutputPath", uri, out));
    job.checkpointUri().ifPresent(uri -> checkS3("CheckpointConfig.S3Uri", uri, out));
    for (S3Output o : job.additionalS3Outputs()) {
      checkS3(o.field(), o.s3Uri(), out);
    }
    job.codePackage().filter(v -> !v.startsWith("/") && job.codePackageObject().isEmpty()).ifPresent(v ->
        out.add(bad(TrainingJobSpec.CODE_PACKAGE_FIELD, v,
            "an s3://bucket/key URI of the code archive (or an absolute path inside the container)")));
    if (out.isEmpty()) {
      return one(pass("The job name, role ARN, subnet and security-group ids and S3 URIs are well-formed."));
    }
    return out;
  }

  private void checkS3(String field, String uri, List<Finding> out) {
    if (S3Uri.parse(uri).isEmpty()) {
      out.add(bad(field, uri, "an s3://bucket/prefix URI with a valid bucket name"));
    }
  }

  private Finding bad(String field, String value, String expected) {
    return fail(field + " is malformed: '" + value + "' is not " + expected + ".",
        "Correct " + field + " in the CreateTrainingJob request: it must be " + expected + ".",
        value);
  }
}
