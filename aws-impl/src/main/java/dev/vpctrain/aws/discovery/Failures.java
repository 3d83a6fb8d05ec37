package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.network.CaptureError;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns a failed read call into a {@link CaptureError} whose message says what to do about it. */
final class Failures {
  /** Error codes that mean "the caller lacks the IAM permission". */
  static final Set<String> ACCESS_DENIED = Set.of(
      "UnauthorizedOperation", "Client.UnauthorizedOperation", "AccessDenied", "AccessDeniedException",
      "AllAccessDisabled");

  /** Code recorded for a call whose answer could not be read or made no sense. */
  static final String MALFORMED = "MalformedResponse";

  /** Code recorded for a call that timed out on the client side. */
  static final String TIMEOUT = "Timeout";

  /** Code recorded for other client-side failures (connection refused, no credentials, …). */
  static final String CLIENT_ERROR = "ClientError";

  private Failures() {}

  /** The capture error for an SDK failure of {@code operation} (for example {@code ec2:DescribeSubnets}). */
  static CaptureError of(String operation, String resource, SdkException e) {
    String attempts = e.numAttempts() != null && e.numAttempts() > 1 ? " (after " + e.numAttempts() + " attempts)" : "";
    if (e instanceof AwsServiceException) {
      AwsServiceException s = (AwsServiceException) e;
      AwsErrorDetails details = s.awsErrorDetails();
      String code = details != null && details.errorCode() != null && !details.errorCode().isBlank()
          ? details.errorCode()
          : "HTTP" + s.statusCode();
      String text = details != null && details.errorMessage() != null ? details.errorMessage() : s.getMessage();
      String message = text + " [HTTP " + s.statusCode() + attempts + "]";
      if (isAccessDenied(code)) {
        message = message + " — vpctrain needs the IAM permission " + operation
            + (resource.isEmpty() ? "" : " on " + resource)
            + " (see docs/iam-permissions.md)";
      }
      return error(operation, code, message, resource);
    }
    if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
      return error(operation, TIMEOUT, "the call timed out" + attempts + ": " + e.getMessage(), resource);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String code = looksMalformed(e) ? MALFORMED : CLIENT_ERROR;
    return error(operation, code, message + attempts, resource);
  }

  /** The capture error for a response the mapping could not turn into the model. */
  static CaptureError malformed(String operation, String resource, RuntimeException e) {
    String why = e instanceof NullPointerException
        ? "a required field is missing (" + e.getMessage() + ")"
        : e.getMessage();
    return error(operation, MALFORMED, "the response could not be read: " + why, resource);
  }

  static boolean isAccessDenied(String code) {
    return ACCESS_DENIED.contains(code);
  }

  private static boolean looksMalformed(SdkException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("unmarshall") || m.contains("Unmarshall") || m.contains("parse"))) {
        return true;
      }
      if (t.getClass().getName().startsWith("javax.xml.stream") || t.getClass().getName().contains("XMLStream")) {
        return true;
      }
    }
    return false;
  }

  private static CaptureError error(String operation, String code, String message, String resource) {
    return CaptureError.builder().operation(operation).code(code).message(message).resource(resource).build();
  }
}
