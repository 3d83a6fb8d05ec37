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

  public ApiCall(String service, String operation, Object request, Instant at, String requestId, String errorCode) {
    this.service = Objects.requireNonNull(service);
    this.operation = Objects.requireNonNull(operation);
    this.request = request;
    this.at = Objects.requireNonNull(at);
    this.requestId = Objects.requireNonNull(requestId);
    this.errorCode = errorCode;
  }

  public String service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  /** The SDK request object, as the caller passed it. */
  public Object request() {
    return request;
  }

  public Instant at() {
    return at;
  }

  public String requestId() {
    return requestId;
  }

  /** The AWS error code when the call failed. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** {@code service:Operation}, for example {@code ec2:DescribeSubnets}. */
  public String name() {
    return service + ":" + operation;
  }

  @Override
  public String toString() {
    return name() + (errorCode == null ? "" : " -> " + errorCode);
  }
}
