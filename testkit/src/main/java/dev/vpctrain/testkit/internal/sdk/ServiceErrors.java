package dev.vpctrain.testkit.internal.sdk;

import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Builds a service's real SDK exception for an {@link AwsError}: the modeled exception class of
 * the error code when the service has one ({@code ResourceInUseException},
 * {@code NoSuchBucketException}…), else the service's base exception.
 */
public final class ServiceErrors {
  private final String serviceName;
  private final Supplier<AwsServiceException.Builder> base;
  private final Map<String, Supplier<AwsServiceException.Builder>> modeled;

  /**
   * @param serviceName the name the SDK puts in {@code awsErrorDetails().serviceName()}, for example {@code Ec2}
   * @param base the service's base exception builder
   * @param modeled error code to the builder of its modeled exception
   */
  public ServiceErrors(String serviceName, Supplier<AwsServiceException.Builder> base,
      Map<String, Supplier<AwsServiceException.Builder>> modeled) {
    this.serviceName = serviceName;
    this.base = base;
    this.modeled = Map.copyOf(modeled);
  }

  public String serviceName() {
    return serviceName;
  }

  /** The exception for {@code error} answered to request {@code requestId}. */
  public AwsServiceException toException(AwsError error, String requestId, SdkHttpResponse http) {
    AwsErrorDetails details = AwsErrorDetails.builder()
        .errorCode(error.code())
        .errorMessage(error.getMessage())
        .serviceName(serviceName)
        .sdkHttpResponse(http)
        .build();
    AwsServiceException.Builder b = modeled.getOrDefault(error.code(), base).get();
    b.message(error.getMessage()).statusCode(error.status()).requestId(requestId).awsErrorDetails(details);
    return b.build();
  }
}
