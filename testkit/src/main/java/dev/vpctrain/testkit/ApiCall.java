package dev.vpctrain.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call a fake client answered: service ({@code ec2}, {@code s3}, {@code sagemaker},
 * {@code monitoring}, {@code logs}), operation ({@code DescribeSubnets}), the request, when (virtual
 * time), the request id, and the AWS error code when it failed.
 */
public final class ApiCall {
  private final String service;
  private final String operation;
  private final Object request;
  private final Instant at;
  private final String requestId;
  private final String errorCode;

  /**
   * Records one call.
   *
   * @param service the service: {@code ec2}, {@code s3}, {@code sagemaker}, …
   * @param operation the API operation, for example {@code DescribeSubnets}
   * @param request the SDK request object the client was called with
   * @param at when the call was answered, in the fake world's virtual time
   * @param requestId the request id the fake answered with
   * @param errorCode the AWS error code the call failed with; {@code null} for a call that succeeded
   */
  public ApiCall(String service, String operation, Object request, Instant at, String requestId, String errorCode) {
    this.service = Objects.requireNonNull(service);
    this.operation = Objects.requireNonNull(operation);
    this.request = request;
    this.at = Objects.requireNonNull(at);
    this.requestId = Objects.requireNonNull(requestId);
    this.errorCode = errorCode;
  }

  /** {@return the service as {@code FakeAws.calls(String)} names it: {@code ec2}, {@code s3}, {@code sagemaker}, {@code monitoring}, {@code logs}, …} */
  public String service() {
    return service;
  }

  /** {@return the API operation, as the service names it: {@code DescribeSubnets}, {@code CreateTrainingJob}, …} */
  public String operation() {
    return operation;
  }

  /** {@return the SDK request object, as the caller passed it} */
  public Object request() {
    return request;
  }

  /** {@return when the call was made, on the fake's clock} */
  public Instant at() {
    return at;
  }

  /** {@return the request id} */
  public String requestId() {
    return requestId;
  }

  /** {@return the AWS error code when the call failed} */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** {@return {@code service:Operation}, for example {@code ec2:DescribeSubnets}} */
  public String name() {
    return service + ":" + operation;
  }

  @Override
  public String toString() {
    return name() + (errorCode == null ? "" : " -> " + errorCode);
  }
}
