package dev.vpctrain.cli;

import dev.vpctrain.core.report.Verdict;

/** The exit codes of every vpctrain command (the table in the README). */
public final class ExitCodes {
  /** READY, or success. */
  public static final int READY = 0;
  /** The 1. */
  public static final int NOT_READY = 1;
  /** The 2. */
  public static final int UNVERIFIED = 2;
  /** The launched job failed. */
  public static final int JOB_FAILED = 3;
  /** The 64. */
  public static final int USAGE = 64;
  /** An input file is invalid; the message names the file and the JSON path. */
  public static final int INVALID_INPUT = 65;
  /** An input file is missing or cannot be read (a directory, no permission); the message names it. */
  public static final int FILE_NOT_FOUND = 66;
  /** AWS was unreachable, or denied a required call. */
  public static final int AWS_UNAVAILABLE = 69;
  /** A bug in vpctrain. */
  public static final int INTERNAL = 70;
  /**
   * Interrupted while following a job, which keeps running (the public exit codes list no code for this:
   * 128 + SIGINT, as shells report an interrupted command).
   */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /**
   * {@return the exit code of a verdict}
   *
   * @param verdict the verdict
   */
  public static int of(Verdict verdict) {
    switch (verdict) {
      case READY:
        return READY;
      case NOT_READY:
        return NOT_READY;
      default:
        return UNVERIFIED;
    }
  }
}
