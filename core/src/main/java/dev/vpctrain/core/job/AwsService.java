package dev.vpctrain.core.job;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An AWS service the training code calls besides S3, named by its VPC endpoint suffix
 * ({@code com.amazonaws.<region>.<endpointName>}). Constants cover the common ones; {@link #of}
 * names any other. Instances are canonical (one per name, like enum constants), so equality is identity.
 */
public final class AwsService implements Comparable<AwsService> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Map<String, AwsService> BY_NAME = new ConcurrentHashMap<>();

  /** AWS STS: endpoint service {@code sts}. */
  public static final AwsService STS = of("sts");
  /** AWS KMS: endpoint service {@code kms}. */
  public static final AwsService KMS = of("kms");
  /** CloudWatch Logs: endpoint service {@code logs}. */
  public static final AwsService LOGS = of("logs");
  /** CloudWatch (metrics): endpoint service {@code monitoring}. */
  public static final AwsService MONITORING = of("monitoring");
  /** The Amazon ECR API: endpoint service {@code ecr.api}. */
  public static final AwsService ECR_API = of("ecr.api");
  /** Amazon ECR image pulls (Docker registry API): endpoint service {@code ecr.dkr}. */
  public static final AwsService ECR_DKR = of("ecr.dkr");
  /** AWS Secrets Manager: endpoint service {@code secretsmanager}. */
  public static final AwsService SECRETS_MANAGER = of("secretsmanager");
  /** AWS Systems Manager: endpoint service {@code ssm}. */
  public static final AwsService SSM = of("ssm");
  /** The SageMaker API: endpoint service {@code sagemaker.api}. */
  public static final AwsService SAGEMAKER_API = of("sagemaker.api");
  /** The SageMaker runtime (endpoint invocation): endpoint service {@code sagemaker.runtime}. */
  public static final AwsService SAGEMAKER_RUNTIME = of("sagemaker.runtime");
  /** IAM: endpoint service {@code iam}. */
  public static final AwsService IAM = of("iam");
  /** Amazon DynamoDB: endpoint service {@code dynamodb}. */
  public static final AwsService DYNAMODB = of("dynamodb");

  private final String endpointName;

  private AwsService(String endpointName) {
    this.endpointName = endpointName;
  }

  /**
   * {@return a service by its endpoint suffix, for example {@code "sts"} or {@code "ecr.dkr"}; case-insensitive}
   *
   * @param endpointName the endpoint service suffix: lower-case letters, digits, dots and hyphens
   * @throws NullPointerException when {@code endpointName} is null
   * @throws IllegalArgumentException when it is not an endpoint service suffix
   */
  public static AwsService of(String endpointName) {
    Objects.requireNonNull(endpointName, "endpointName");
    String n = endpointName.trim().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException(
          "expected an AWS service endpoint name such as sts, logs or ecr.dkr but was '" + endpointName + "'");
    }
    return BY_NAME.computeIfAbsent(n, AwsService::new);
  }

  /** {@return the endpoint suffix, for example {@code ecr.dkr}} */
  public String endpointName() {
    return endpointName;
  }

  /**
   * {@return the endpoint service name in {@code region}: {@code com.amazonaws.<region>.<endpointName>}}
   *
   * @param region the AWS region, for example {@code eu-west-1}
   */
  public String endpointServiceName(String region) {
    return "com.amazonaws." + region + "." + endpointName;
  }

  /** {@return true when the service has VPC interface endpoints (IAM has none)} */
  public boolean hasVpcEndpoint() {
    return !endpointName.equals("iam");
  }

  @Override
  public int compareTo(AwsService o) {
    return endpointName.compareTo(o.endpointName);
  }

  @Override
  public String toString() {
    return endpointName;
  }
}
