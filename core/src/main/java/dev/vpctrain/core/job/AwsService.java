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

  /** The STS. */
  public static final AwsService STS = of("sts");
  /** The KMS. */
  public static final AwsService KMS = of("kms");
  /** The logs. */
  public static final AwsService LOGS = of("logs");
  /** The monitoring. */
  public static final AwsService MONITORING = of("monitoring");
  /** The ECR API. */
  public static final AwsService ECR_API = of("ecr.api");
  /** The ECR dkr. */
  public static final AwsService ECR_DKR = of("ecr.dkr");
  /** The secrets manager. */
  public static final AwsService SECRETS_MANAGER = of("secretsmanager");
  /** The ssm. */
  public static final AwsService SSM = of("ssm");
  /** The sagemaker API. */
  public static final AwsService SAGEMAKER_API = of("sagemaker.api");
  /** The sagemaker runtime. */
  public static final AwsService SAGEMAKER_RUNTIME = of("sagemaker.runtime");
  /** The IAM. */
  public static final AwsService IAM = of("iam");
  /** The dynamodb. */
  public static final AwsService DYNAMODB = of("dynamodb");

  private final String endpointName;

  private AwsService(String endpointName) {
    this.endpointName = endpointName;
  }

  /**
   * {@return a service by its endpoint suffix, for example {@code "sts"} or {@code "ecr.dkr"}; case-insensitive}
   *
   * @param endpointName the endpoint name
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
   * @param region the AWS region
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
