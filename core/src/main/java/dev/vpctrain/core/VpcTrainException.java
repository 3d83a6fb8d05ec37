package dev.vpctrain.core;

/**
 * The root of every exception vpctrain throws on purpose. Its documented subtypes are
 * {@link InvalidInputException} (a file or document is not what was expected: names the file, the
 * JSON path and the expectation), {@code dev.vpctrain.aws.AwsCallException} (an AWS call failed:
 * names the operation and the AWS error code) and {@code dev.vpctrain.aws.launch.PreflightFailedException}
 * (a launch was refused: carries the report). The command line maps each to one exit code.
 */
public abstract class VpcTrainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected VpcTrainException(String message) {
    super(message);
  }

  protected VpcTrainException(String message, Throwable cause) {
    super(message, cause);
  }
}
