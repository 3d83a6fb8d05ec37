package dev.vpctrain.cli;

import dev.vpctrain.core.report.Verdict;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every vpctrain command (the table in the README), and what each means: the one
 * text every command's {@code --help} lists for the codes it declares with {@link Returns}.
 */
public final class ExitCodes {
  /** READY, or success. */
  public static final int READY = 0;
  /** A check failed. */
  public static final int NOT_READY = 1;
  /** Some checks could not be decided, and none failed. */
  public static final int UNVERIFIED = 2;
  /** The launched job failed. */
  public static final int JOB_FAILED = 3;
  /** The command line is wrong; the message says what to change. */
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

  /** Every exit code, in order. */
  static final int[] ALL = {READY, NOT_READY, UNVERIFIED, JOB_FAILED, USAGE, INVALID_INPUT, FILE_NOT_FOUND,
      AWS_UNAVAILABLE, INTERNAL, INTERRUPTED};

  /** The exit codes a command can return, listed in its {@code --help} ({@link #help}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Returns {
    int[] value();
  }

  private ExitCodes() {}

  /** What {@code code} means, one sentence, the same for every command. */
  static String meaning(int code) {
    switch (code) {
      case READY:
        return "READY, or success.";
      case NOT_READY:
        return "NOT_READY: at least one check failed.";
      case UNVERIFIED:
        return "UNVERIFIED: some checks could not be decided, and none failed.";
      case JOB_FAILED:
        return "The training job failed or was stopped.";
      case USAGE:
        return "Usage error: the command line is wrong, or names something that does not exist.";
      case INVALID_INPUT:
        return "Invalid input: a file is not valid (the message names the file and the JSON path), "
            + "or AWS rejected the request as invalid.";
      case FILE_NOT_FOUND:
        return "An input file is missing or cannot be read.";
      case AWS_UNAVAILABLE:
        return "AWS is unavailable, denied a required call, or has no usable credentials.";
      case INTERNAL:
        return "Internal error: a bug in vpctrain (please report it).";
      case INTERRUPTED:
        return "Interrupted; the training job keeps running.";
      default:
        throw new IllegalArgumentException("no exit code " + code);
    }
  }

  /** The exit-code list of a command's {@code --help}: each code and its {@link #meaning}. */
  static Map<String, String> help(int... codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (int code : codes) {
      String number = Integer.toString(code); // not String.format: its first use costs ~15 ms of every command's start-up
      list.put("   ".substring(Math.min(3, number.length())) + number, meaning(code));
    }
    return list;
  }

  /**
   * {@return the exit code of a verdict: {@link #READY} (0), {@link #NOT_READY} (1) or {@link #UNVERIFIED} (2)}
   *
   * @param verdict the preflight report's verdict
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

  /**
   * {@return the exit code of an audit: {@link #AWS_UNAVAILABLE} (69) when a part of it could not be read, else the
   * worst verdict of its jobs' ({@link #of(Verdict)})}
   *
   * @param complete true when every account and region in scope was read
   * @param byVerdict the jobs by verdict
   */
  static int ofAudit(boolean complete, Map<Verdict, Long> byVerdict) {
    if (!complete) {
      return AWS_UNAVAILABLE;
    }
    if (byVerdict.getOrDefault(Verdict.NOT_READY, 0L) > 0) {
      return NOT_READY;
    }
    return byVerdict.getOrDefault(Verdict.UNVERIFIED, 0L) > 0 ? UNVERIFIED : READY;
  }
}
