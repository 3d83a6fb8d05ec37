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
   * @param service the service
   * @param operation the operation
   * @param request the request
   * @param at the at
   * @param requestId the request id
   * @param errorCode the error code
   */
  public ApiCall(String service, String operation, Object request, Instant at, String requestId, String errorCode) {
    this.service = Objects.requireNonNull(service);
    this.operation = Objects.requireNonNull(operation);
    this.request = request;
    this.at = Objects.requireNonNull(at);
    this.requestId = Objects.requireNonNull(requestId);
    this.errorCode = errorCode;
  }

  /** {@return the service} */
  public String service() {
    return service;
  }

  /** {@return the operation} */
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
