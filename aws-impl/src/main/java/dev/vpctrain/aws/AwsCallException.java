package dev.vpctrain.aws;

import dev.vpctrain.core.VpcTrainException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * An AWS call failed (after the SDK's own retries): names the operation ({@code sagemaker:CreateTrainingJob}),
 * the AWS error code, the HTTP status and AWS's message. Client-side failures get a code too:
 * {@code Timeout}, {@code Unreachable}, {@code MalformedResponse}, {@code NoCredentials} or {@code ClientError}.
 */
public class AwsCallException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
      "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException",
      "InvalidSignatureException", "SignatureDoesNotMatch", "NoCredentials", "MissingAuthenticationToken");
  private static final Set<String> UNAVAILABLE = Set.of("Throttling", "ThrottlingException", "ThrottledException",
      "TooManyRequestsException", "RequestLimitExceeded", "ServiceUnavailable", "ServiceUnavailableException",
      "InternalFailure", "InternalServerError", "InternalError", "Timeout", "Unreachable");

  /** The operation. */
  private final String operation;
  /** The error code. */
  private final String errorCode;
  /** The status code. */
  private final int statusCode;
  /** The AWS message. */
  private final String awsMessage;
  /** The request id. */
  private final String requestId;

  /**
   * Wraps an SDK failure of {@code operation}.
   *
   * @param operation the operation
   * @param cause the cause
   */
  public AwsCallException(String operation, SdkException cause) {
    this(operation, codeOf(cause), statusOf(cause), messageOf(cause), requestIdOf(cause), cause);
  }

  /**
   * Wraps an SDK failure of {@code operation}, adding {@code hint} (what the caller should know or do) to the message.
   *
   * @param operation the operation
   * @param cause the cause
   * @param hint what to do about it, appended to the message
   */
  protected AwsCallException(String operation, SdkException cause, String hint) {
    super(format(operation, codeOf(cause), statusOf(cause), messageOf(cause)) + (hint == null ? "" : " " + hint), cause);
    this.operation = operation;
    this.errorCode = codeOf(cause);
    this.statusCode = statusOf(cause);
    this.awsMessage = messageOf(cause);
    this.requestId = requestIdOf(cause);
  }

  /**
   * A failure with explicit details; {@code statusCode} 0 when there was no HTTP response.
   *
   * @param operation the operation
   * @param errorCode the error code
   * @param statusCode the status code
   * @param awsMessage the AWS message
   * @param requestId the request id
   * @param cause the cause
   */
  public AwsCallException(String operation, String errorCode, int statusCode, String awsMessage, String requestId,
      Throwable cause) {
    super(format(operation, errorCode, statusCode, awsMessage), cause);
    this.operation = operation;
    this.errorCode = errorCode;
    this.statusCode = statusCode;
    this.awsMessage = awsMessage;
    this.requestId = requestId;
  }

  /**
   * For subclasses with their own message.
   *
   * @param message what was found, in one sentence or more
   * @param operation the operation
   * @param errorCode the error code
   * @param statusCode the status code
   * @param awsMessage the AWS message
   * @param cause the cause
   */
  protected AwsCallException(String message, String operation, String errorCode, int statusCode, String awsMessage,
      Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.errorCode = errorCode;
    this.statusCode = statusCode;
    this.awsMessage = awsMessage;
    this.requestId = null;
  }

  /** {@return the failed call, for example {@code sagemaker:CreateTrainingJob}} */
  public String operation() {
    return operation;
  }

  /** {@return the AWS error code ({@code ValidationException}, {@code ResourceLimitExceeded}…) or a client-side code} */
  public String errorCode() {
    return errorCode;
  }

  /** {@return the HTTP status, or 0 when no response arrived} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return AWS's error message (or the client-side cause's)} */
  public String awsMessage() {
    return awsMessage;
  }

  /** {@return the request id, or empty} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** {@return true when the caller lacks permission or credentials} */
  public boolean isAccessDenied() {
    return statusCode == 403 || DENIED.contains(errorCode);
  }

  /** {@return true when AWS could not be reached or kept failing: 5xx, throttling, timeouts} */
  public boolean isUnavailable() {
    return statusCode >= 500 || UNAVAILABLE.contains(errorCode);
  }

  private static String format(String operation, String code, int status, String message) {
    return operation + " failed: " + code + (status > 0 ? " (HTTP " + status + ")" : "")
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  static String codeOf(SdkException e) {
    if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
        && ((AwsServiceException) e).awsErrorDetails().errorCode() != null) {
      return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }
    if (e instanceof SdkServiceException) {
      return ((SdkServiceException) e).statusCode() >= 500 ? "InternalFailure" : "ServiceError";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
          || t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return "Timeout";
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return "Unreachable";
      }
      String m = String.valueOf(t.getMessage());
      if (m.contains("Unable to unmarshall") || m.contains("Unable to parse") || t.getClass().getName().contains("JsonParse")
          || t.getClass().getName().contains("SAXParse") || t.getClass().getName().contains("XMLStream")) {
        return "MalformedResponse";
      }
      if (m.contains("Unable to load credentials") || m.contains("Unable to load region")) {
        return m.contains("region") ? "NoRegion" : "NoCredentials";
      }
    }
    return "ClientError";
  }

  static int statusOf(SdkException e) {
    return e instanceof SdkServiceException ? ((SdkServiceException) e).statusCode() : 0;
  }

  static String messageOf(SdkException e) {
    if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
        && ((AwsServiceException) e).awsErrorDetails().errorMessage() != null) {
      return ((AwsServiceException) e).awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  static String requestIdOf(SdkException e) {
    return e instanceof SdkServiceException ? ((SdkServiceException) e).requestId() : null;
  }
}
