package dev.vpctrain.core;

/**
 * The root of every exception vpctrain throws on purpose (unchecked). Its documented subtypes:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: a file or document is not what was expected; names the file,
 *       the JSON path and the expectation. {@code dev.vpctrain.aws.job.SdkJsonException} is the
 *       AWS-shape converter's kind (path and expectation; the reader that knows the file names it).
 *   <li>{@code dev.vpctrain.aws.AwsCallException}: an AWS call failed; names the operation and the
 *       AWS error code ({@code LaunchException} and {@code JobConflictException} for the launch).
 *   <li>{@code dev.vpctrain.aws.launch.PreflightFailedException}: a launch was refused; carries the report.
 *   <li>{@code dev.vpctrain.aws.launch.WatchTimeoutException}: a job did not finish within a wait's timeout.
 *   <li>{@code dev.vpctrain.cli.UsageException}: a command line that cannot run as given.
 * </ul>
 *
 * <p>A new deliberate exception extends one of these. The command line maps each to one exit code,
 * in one place ({@code dev.vpctrain.cli.Failures}).
 */
public abstract class VpcTrainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was found, in one sentence or more
   */
  protected VpcTrainException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what was found, in one sentence or more
   * @param cause the underlying exception; {@code null} for none
   */
  protected VpcTrainException(String message, Throwable cause) {
    super(message, cause);
  }
}
