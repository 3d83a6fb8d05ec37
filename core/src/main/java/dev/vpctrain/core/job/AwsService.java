package dev.vpctrain.core.job;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An AWS service the training code calls besides S3, named by its VPC endpoint suffix
 * ({@code com.amazonaws.<region>.<endpointName>}). Constants cover the common ones; {@link #of}
 * names any other.
 */
public final class AwsService implements Comparable<AwsService> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  public static final AwsService STS = new AwsService("sts");
  public static final AwsService KMS = new AwsService("kms");
  public static final AwsService LOGS = new AwsService("logs");
  public static final AwsService MONITORING = new AwsService("monitoring");
  public static final AwsService ECR_API = new AwsService("ecr.api");
  public static final AwsService ECR_DKR = new AwsService("ecr.dkr");
  public static final AwsService SECRETS_MANAGER = new AwsService("secretsmanager");
  public static final AwsService SSM = new AwsService("ssm");
  public static final AwsService SAGEMAKER_API = new AwsService("sagemaker.api");
  public static final AwsService SAGEMAKER_RUNTIME = new AwsService("sagemaker.runtime");
  public static final AwsService IAM = new AwsService("iam");
  public static final AwsService DYNAMODB = new AwsService("dynamodb");

  private final String endpointName;

  private AwsService(String endpointName) {
    this.endpointName = endpointName;
  }

  /** A service by its endpoint suffix, for example {@code "sts"} or {@code "ecr.dkr"}; case-insensitive. */
  public static AwsService of(String endpointName) {
    Objects.requireNonNull(endpointName, "endpointName");
    String n = endpointName.trim().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException(
          "expected an AWS service endpoint name such as sts, logs or ecr.dkr but was '" + endpointName + "'");
    }
    return new AwsService(n);
  }

  /** The endpoint suffix, for example {@code ecr.dkr}. */
  public String endpointName() {
    return endpointName;
  }

  /** The endpoint service name in {@code region}: {@code com.amazonaws.<region>.<endpointName>}. */
  public String endpointServiceName(String region) {
    return "com.amazonaws." + region + "." + endpointName;
  }

  /** True when the service has VPC interface endpoints (IAM has none). */
  public boolean hasVpcEndpoint() {
    return !endpointName.equals("iam");
  }

  @Override
  public int compareTo(AwsService o) {
    return endpointName.compareTo(o.endpointName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AwsService && ((AwsService) o).endpointName.equals(endpointName);
  }

  @Override
  public int hashCode() {
    return endpointName.hashCode();
  }

  @Override
  public String toString() {
    return endpointName;
  }
}
