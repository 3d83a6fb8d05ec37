package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * SageMaker refused or failed the launch: {@code ValidationException}, {@code ResourceLimitExceeded},
 * access denied, or AWS unavailable. Names the operation, the AWS error code and AWS's message.
 */
public class LaunchException extends AwsCallException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an AWS call that failed.
   *
   * @param operation the operation
   * @param cause the cause
   */
  public LaunchException(String operation, SdkException cause) {
    super(operation, cause);
  }

  /**
   * Wraps an SDK failure of {@code operation} with a hint appended to the message.
   *
   * @param operation the operation
   * @param cause the cause
   * @param hint what to do about it, appended to the message
   */
  public LaunchException(String operation, SdkException cause, String hint) {
    super(operation, cause, hint);
  }

  /**
   * Creates the exception for a subclass, with AWS's error code and message.
   *
   * @param message what was found, in one sentence or more
   * @param operation the operation
   * @param errorCode the error code
   * @param awsMessage the AWS message
   */
  protected LaunchException(String message, String operation, String errorCode, String awsMessage) {
    super(message, operation, errorCode, 0, awsMessage, null);
  }

  /** {@return true for {@code ValidationException}: the request itself is invalid} */
  public boolean isValidationError() {
    return "ValidationException".equals(errorCode());
  }

  /** {@return true for {@code ResourceLimitExceeded}: an account quota (instances, jobs) is used up} */
  public boolean isLimitExceeded() {
    return "ResourceLimitExceeded".equals(errorCode());
  }
}
