package dev.vpctrain.testkit.internal.sdk;

import dev.vpctrain.testkit.AwsFault;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.protocols.query.unmarshall.XmlDomParser;

/**
 * How one service says each {@link AwsFault}: its error codes, HTTP statuses and messages for
 * throttling, access denied, 503 and 500 (from the service's API reference, "Common Errors" and
 * error-code pages), and its wire protocol (XML or JSON), whose parser the SDK fails in for a
 * malformed response. Internal to the testkit.
 */
final class FaultDialect {
  private static final Map<String, FaultDialect> BY_SERVICE = Map.of(
      "ec2", new FaultDialect("ec2", true,
          new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503),
          new AwsError("UnauthorizedOperation", "You are not authorized to perform this operation. ", 403),
          new AwsError("Unavailable", "The server is overloaded and can't handle the request.", 503),
          new AwsError("InternalError", "An internal error has occurred.", 500)),
      "s3", new FaultDialect("s3", true,
          new AwsError("SlowDown", "Please reduce your request rate.", 503),
          new AwsError("AccessDenied", "Access Denied", 403),
          new AwsError("ServiceUnavailable", "Please reduce your request rate.", 503),
          new AwsError("InternalError", "We encountered an internal error. Please try again.", 500)),
      "iam", new FaultDialect("iam", true,
          new AwsError("Throttling", "Rate exceeded", 400),
          new AwsError("AccessDenied", null, 403),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("ServiceFailure", "The request processing has failed because of an unknown error, exception "
              + "or failure.", 500)),
      "monitoring", new FaultDialect("cloudwatch", true,
          new AwsError("Throttling", "Rate exceeded", 400),
          new AwsError("AccessDenied", null, 403),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("InternalServiceError", "Internal service error", 500)),
      "sagemaker", new FaultDialect("sagemaker", false,
          new AwsError("ThrottlingException", "Rate exceeded", 400),
          new AwsError("AccessDeniedException", null, 400),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("InternalFailure", "We encountered an internal error. Please try again.", 500)),
      "efs", new FaultDialect("elasticfilesystem", false,
          new AwsError("ThrottlingException", "Rate exceeded", 429),
          new AwsError("AccessDeniedException", null, 403),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("InternalServerError", "An internal server error occurred.", 500)),
      "fsx", new FaultDialect("fsx", false,
          new AwsError("ThrottlingException", "Rate exceeded", 400),
          new AwsError("AccessDeniedException", null, 400),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("InternalServerError", "An internal server error occurred.", 500)),
      "sts", new FaultDialect("sts", true,
          new AwsError("Throttling", "Rate exceeded", 400),
          new AwsError("AccessDenied", null, 403),
          new AwsError("ServiceUnavailable", "Service Unavailable", 503),
          new AwsError("InternalFailure", "An internal error occurred.", 500)),
      "organizations", new FaultDialect("organizations", false,
          new AwsError("TooManyRequestsException", "Rate exceeded", 400),
          new AwsError("AccessDeniedException", null, 400),
          new AwsError("ServiceException", "Service Unavailable", 500),
          new AwsError("ServiceException", "An internal error occurred.", 500)),
      "logs", new FaultDialect("logs", false,
          new AwsError("ThrottlingException", "Rate exceeded", 400),
          new AwsError("AccessDeniedException", null, 400),
          new AwsError("ServiceUnavailableException", "The service cannot complete the request.", 500),
          new AwsError("InternalServerException", "An internal error occurred.", 500)));

  private final String iamPrefix;
  private final boolean xml;
  private final AwsError throttling;
  private final AwsError denied;
  private final AwsError unavailable;
  private final AwsError internal;

  private FaultDialect(String iamPrefix, boolean xml, AwsError throttling, AwsError denied, AwsError unavailable,
      AwsError internal) {
    this.iamPrefix = iamPrefix;
    this.xml = xml;
    this.throttling = throttling;
    this.denied = denied;
    this.unavailable = unavailable;
    this.internal = internal;
  }

  static FaultDialect of(String service) {
    FaultDialect d = BY_SERVICE.get(service);
    if (d == null) {
      throw new IllegalStateException("no fault dialect for fake service " + service);
    }
    return d;
  }

  /** The service error of {@code fault}, or null when the fault is a client-side one. */
  AwsError serviceError(AwsFault fault, String operation, String accountId) {
    switch (fault.kind()) {
      case THROTTLING:
        return throttling;
      case ACCESS_DENIED:
        return new AwsError(denied.code(), deniedMessage(operation, accountId), denied.status());
      case SERVICE_UNAVAILABLE:
        return unavailable;
      case INTERNAL_ERROR:
        return internal;
      case SERVICE_ERROR:
        return new AwsError(fault.code().orElseThrow(), fault.message().orElseThrow(), fault.status());
      default:
        return null;
    }
  }

  private String deniedMessage(String operation, String accountId) {
    if (denied.getMessage() != null && !denied.getMessage().endsWith(" ")) {
      return denied.getMessage();
    }
    String action = iamPrefix + ":" + operation;
    return (denied.getMessage() == null ? "" : denied.getMessage()) + "User: arn:aws:sts::" + accountId + ":assumed-role/vpctrain-testkit/test is not authorized to perform: "
        + action + " because no identity-based policy allows the " + action + " action";
  }

  /** The SDK's exception for a client-side fault (timeout, malformed response). */
  SdkException clientError(AwsFault fault) {
    if (fault.kind() == AwsFault.Kind.TIMEOUT) {
      SocketTimeoutException cause = new SocketTimeoutException("Read timed out");
      return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
          .cause(cause).build();
    }
    Exception parseFailure = parseTruncatedBody();
    // As the SDK's CombinedResponseHandler reports a success response it cannot unmarshall.
    return SdkClientException.builder()
        .message("Unable to unmarshall response (" + parseFailure.getMessage() + "). Response Code: 200, "
            + "Response Text: OK")
        .cause(parseFailure).build();
  }

  /** The exception the SDK's own parser of the service's protocol throws for a truncated body. */
  private Exception parseTruncatedBody() {
    try {
      if (xml) {
        XmlDomParser.parse(new ByteArrayInputStream("<Response><Items><item>".getBytes(StandardCharsets.UTF_8)));
      } else {
        JsonNodeParser.create().parse("{\"Items\": [{\"Name\": ");
      }
    } catch (RuntimeException e) {
      return e;
    }
    throw new IllegalStateException("the SDK parser accepted a truncated body");
  }
}
