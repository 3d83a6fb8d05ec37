package dev.vpctrain.cli;

/** A command line that cannot be run as given (exit code 64); the message says what to change. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
