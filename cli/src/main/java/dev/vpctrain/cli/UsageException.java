package dev.vpctrain.cli;

import dev.vpctrain.core.VpcTrainException;

/** A command line that cannot be run as given (exit code 64); the message says what to change. */
public class UsageException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a usage error (exit 64).
   *
   * @param message what was found, in one sentence or more
   */
  public UsageException(String message) {
    super(message);
  }
}
