package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.S3Uri;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/**
 * What SageMaker checks when {@code CreateTrainingJob} is called, before any instance exists: the
 * request's shape (answered as {@code ValidationException} worded as AWS words it, all violations
 * in one message), then the subnets and security groups against the world's VPC, then that the
 * input buckets exist in the job's region.
 */
final class RequestValidator {
  private static final String JOB_NAME = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";
  private static final String ROLE_ARN = "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$";
  private static final String S3_URI = "^(https|s3)://([^/]+)/?(.*)$";
  private static final String VPC_ID = "[-0-9a-zA-Z]+";
  private static final String CHANNEL = "[A-Za-z0-9\\.\\-_]+";

  private final List<String> violations = new ArrayList<>();

  private RequestValidator() {}

  /** Throws the {@code ValidationException} the service answers for a malformed request. */
  static void checkShape(CreateTrainingJobRequest r) {
    RequestValidator v = new RequestValidator();
    v.shape(r);
    if (!v.violations.isEmpty()) {
      int n = v.violations.size();
      throw AwsError.client("ValidationException",
          n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", v.violations));
    }
  }

  /** Throws the {@code ValidationException} for subnets, groups or buckets the world contradicts. */
  static void checkAgainst(CreateTrainingJobRequest r, NetworkSnapshot n) {
    checkVpc(r.vpcConfig(), n);
    checkInputBuckets(r, n);
  }

  /** Throws the {@code ValidationException} for subnets or groups of {@code vpc} the world contradicts; null passes. */
  static void checkVpc(VpcConfig vpc, NetworkSnapshot n) {
    if (vpc != null) {
      String vpcId = null;
      String firstSubnet = null;
      if (n.subnets().isPresent()) {
        for (String s : vpc.subnets()) {
          Subnet subnet = n.subnet(s).orElseThrow(() ->
              AwsError.client("ValidationException", "The subnet ID '" + s + "' does not exist"));
          if (vpcId == null) {
            vpcId = subnet.vpcId();
            firstSubnet = s;
          } else if (!vpcId.equals(subnet.vpcId())) {
            throw AwsError.client("ValidationException", "Subnets " + firstSubnet + " and " + s
                + " belong to different VPCs (" + vpcId + ", " + subnet.vpcId() + "); all subnets must be in the same VPC.");
          }
        }
      }
      if (n.securityGroups().isPresent()) {
        for (String g : vpc.securityGroupIds()) {
          SecurityGroup group = n.securityGroup(g).orElseThrow(() ->
              AwsError.client("ValidationException", "The security group '" + g + "' does not exist"));
          if (vpcId != null && !vpcId.equals(group.vpcId())) {
            throw AwsError.client("ValidationException",
                "Security group " + g + " and subnet " + firstSubnet + " belong to different networks.");
          }
        }
      }
    }
  }

  private static void checkInputBuckets(CreateTrainingJobRequest r, NetworkSnapshot n) {
    for (Channel c : r.inputDataConfig()) {
      if (c.dataSource() == null || c.dataSource().s3DataSource() == null) {
        continue;
      }
      String uri = c.dataSource().s3DataSource().s3Uri();
      Optional<S3Uri> parsed = S3Uri.parse(uri);
      if (parsed.isEmpty()) {
        continue;
      }
      BucketFacts b = n.buckets().get(parsed.get().bucket());
      boolean elsewhere = b != null && b.region().map(x -> !x.equals(n.region())).orElse(false);
      if (b == null || elsewhere) {
        throw AwsError.client("ValidationException", "No S3 objects found under S3 URL \"" + uri
            + "\" given in input data source. Please ensure that the bucket exists in the selected region ("
            + n.region() + "), that objects exist under that S3 prefix, and that the role \"" + r.roleArn()
            + "\" has \"s3:ListBucket\" permissions on bucket \"" + parsed.get().bucket() + "\".");
      }
    }
  }

  private void shape(CreateTrainingJobRequest r) {
    pattern("trainingJobName", r.trainingJobName(), JOB_NAME);
    if (r.trainingJobName() != null && r.trainingJobName().length() > 63) {
      violations.add("Value '" + r.trainingJobName() + "' at 'trainingJobName' failed to satisfy constraint: "
          + "Member must have length less than or equal to 63");
    }
    pattern("roleArn", r.roleArn(), ROLE_ARN);
    if (r.algorithmSpecification() == null) {
      notNull("algorithmSpecification");
    } else if (r.algorithmSpecification().trainingInputModeAsString() == null) {
      notNull("algorithmSpecification.trainingInputMode");
    }
    if (r.outputDataConfig() == null) {
      notNull("outputDataConfig");
    } else {
      pattern("outputDataConfig.s3OutputPath", r.outputDataConfig().s3OutputPath(), S3_URI);
    }
    resources(r.resourceConfig());
    hyperParameters(r);
    if (r.stoppingCondition() == null) {
      notNull("stoppingCondition");
    } else if (r.stoppingCondition().maxRuntimeInSeconds() != null && r.stoppingCondition().maxRuntimeInSeconds() < 1) {
      violations.add("Value '" + r.stoppingCondition().maxRuntimeInSeconds()
          + "' at 'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: "
          + "Member must have value greater than or equal to 1");
    }
    if (r.hasInputDataConfig()) {
      if (r.inputDataConfig().isEmpty() || r.inputDataConfig().size() > 20) {
        violations.add("Value '" + r.inputDataConfig() + "' at 'inputDataConfig' failed to satisfy constraint: Member must have "
            + (r.inputDataConfig().isEmpty() ? "length greater than or equal to 1" : "length less than or equal to 20"));
      }
      for (int i = 0; i < r.inputDataConfig().size(); i++) {
        Channel c = r.inputDataConfig().get(i);
        String at = "inputDataConfig." + (i + 1) + ".member";
        pattern(at + ".channelName", c.channelName(), CHANNEL);
        if (c.dataSource() == null) {
          notNull(at + ".dataSource");
        } else if (c.dataSource().s3DataSource() != null) {
          pattern(at + ".dataSource.s3DataSource.s3Uri", c.dataSource().s3DataSource().s3Uri(), S3_URI);
          if (c.dataSource().s3DataSource().s3DataTypeAsString() == null) {
            notNull(at + ".dataSource.s3DataSource.s3DataType");
          }
        }
      }
    }
    if (r.checkpointConfig() != null) {
      pattern("checkpointConfig.s3Uri", r.checkpointConfig().s3Uri(), S3_URI);
    }
    vpc(r.vpcConfig());
  }

  /** {@code HyperParameters}: at most 100 entries, keys of at most 256 characters, values of at most 2500. */
  private void hyperParameters(CreateTrainingJobRequest r) {
    if (!r.hasHyperParameters()) {
      return;
    }
    if (r.hyperParameters().size() > 100) {
      violations.add("Value '" + r.hyperParameters() + "' at 'hyperParameters' failed to satisfy constraint: "
          + "Member must have length less than or equal to 100");
    }
    r.hyperParameters().forEach((k, v) -> {
      if (k.length() > 256) {
        violations.add("Value '" + k + "' at 'hyperParameters' failed to satisfy constraint: Map keys must satisfy "
            + "constraint: [Member must have length less than or equal to 256]");
      }
      if (v != null && v.length() > 2500) {
        violations.add("Value '" + v + "' at 'hyperParameters' failed to satisfy constraint: Map value must satisfy "
            + "constraint: [Member must have length less than or equal to 2500]");
      }
    });
  }

  private void resources(ResourceConfig rc) {
    if (rc == null) {
      notNull("resourceConfig");
      return;
    }
    if (!rc.hasInstanceGroups() || rc.instanceGroups().isEmpty()) {
      String type = rc.instanceTypeAsString();
      if (type != null && !type.startsWith("ml.")) {
        violations.add("Value '" + type + "' at 'resourceConfig.instanceType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [ml.m5.large, ml.m5.xlarge, ml.c5.xlarge, ml.g5.xlarge, "
            + "ml.p4d.24xlarge, ml.p5.48xlarge, ml.trn1.32xlarge, and other ml.* training instance types]");
      }
      if (rc.instanceCount() != null && rc.instanceCount() < 1) {
        violations.add("Value '" + rc.instanceCount() + "' at 'resourceConfig.instanceCount' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");
      }
    }
    if (rc.volumeSizeInGB() == null) {
      notNull("resourceConfig.volumeSizeInGB");
    } else if (rc.volumeSizeInGB() < 1) {
      violations.add("Value '" + rc.volumeSizeInGB() + "' at 'resourceConfig.volumeSizeInGB' failed to satisfy constraint: "
          + "Member must have value greater than or equal to 1");
    }
  }

  private void vpc(VpcConfig vpc) {
    if (vpc == null) {
      return;
    }
    if (!vpc.hasSecurityGroupIds()) {
      notNull("vpcConfig.securityGroupIds");
    } else {
      size("vpcConfig.securityGroupIds", vpc.securityGroupIds(), 5);
      for (int i = 0; i < vpc.securityGroupIds().size(); i++) {
        id("vpcConfig.securityGroupIds." + (i + 1) + ".member", vpc.securityGroupIds().get(i));
      }
    }
    if (!vpc.hasSubnets()) {
      notNull("vpcConfig.subnets");
    } else {
      size("vpcConfig.subnets", vpc.subnets(), 16);
      for (int i = 0; i < vpc.subnets().size(); i++) {
        id("vpcConfig.subnets." + (i + 1) + ".member", vpc.subnets().get(i));
      }
    }
  }

  private void size(String at, List<String> list, int max) {
    if (list.isEmpty()) {
      violations.add("Value '" + list + "' at '" + at + "' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 1");
    } else if (list.size() > max) {
      violations.add("Value '" + list + "' at '" + at + "' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + max);
    }
  }

  private void id(String at, String value) {
    if (value == null || !Pattern.matches(VPC_ID, value) || value.length() > 32) {
      violations.add("Value '" + value + "' at '" + at + "' failed to satisfy constraint: "
          + "Member must satisfy regular expression pattern: " + VPC_ID);
    }
  }

  private void pattern(String at, String value, String regex) {
    if (value == null) {
      notNull(at);
    } else if (!Pattern.matches(regex, value)) {
      violations.add("Value '" + value + "' at '" + at + "' failed to satisfy constraint: "
          + "Member must satisfy regular expression pattern: " + regex);
    }
  }

  private void notNull(String at) {
    violations.add("Value null at '" + at + "' failed to satisfy constraint: Member must not be null");
  }
}
