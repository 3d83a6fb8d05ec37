package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.launch.JobConflictException;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that turns an error into its exit code (the table in the README) and a one-paragraph message
 * on stderr, with a stack trace only under {@code --debug}. Commands throw; picocli hands what they
 * throw to this handler:
 *
 * <ul>
 *   <li>{@link UsageException}, a picocli parameter error: 64
 *   <li>{@link InvalidInputException} (also {@code SdkJsonException}): 65
 *   <li>{@link PreflightFailedException}: 1 (NOT_READY) or 2 (UNVERIFIED); the command printed the report
 *   <li>{@link AwsCallException}: 65 when AWS rejects the request as invalid (or a different job has
 *       the name), else 69
 *   <li>{@link CredentialsFailure}, or an AWS error saying the credentials expired or are unknown: 69,
 *       one line saying what to set ({@code --profile}, {@code AWS_PROFILE}, {@code aws sso login})
 *   <li>{@link InterruptedException} (the user interrupted a watch; the job keeps running): 130
 *   <li>{@link IOException}: 66 (missing or unreadable file)
 *   <li>an AWS SDK exception that no library call wrapped: 69
 *   <li>anything else, including a {@code VpcTrainException} the CLI does not expect: 70, a bug
 * </ul>
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
  /** AWS error codes that mean "not allowed" rather than "wrong" (apply's failed steps): exit code 69. */
  private static final Set<String> DENIED = Set.of("UnauthorizedOperation", "AccessDenied", "AccessDeniedException",
      "AuthFailure", "UnauthorizedAccess", "InvalidClientTokenId", "ExpiredToken", "RequestExpired", "SignatureDoesNotMatch",
      "OptInRequired", "Blocked");

  private final boolean debug;

  Failures(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    Throwable shown = fromAws(e) ? CredentialsFailure.orElse(e, profile(line)) : e;
    return report(shown, line.getErr(), debug);
  }

  /**
   * Whether {@code t} or a cause is an AWS SDK exception or a vpctrain AWS failure. By class name: an
   * offline error (an invalid or missing file) must load none of the SDK's classes, which naming
   * {@link CredentialsFailure} here (its verification) or the SDK's exception types would.
   */
  private static boolean fromAws(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String name = c.getClass().getName();
      if (name.startsWith("software.amazon.awssdk.") || name.startsWith("dev.vpctrain.aws.") || isCredentialsFailure(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} is a {@link CredentialsFailure}, without loading that class (see {@link #fromAws}). */
  private static boolean isCredentialsFailure(Throwable t) {
    return t.getClass().getName().equals("dev.vpctrain.cli.CredentialsFailure");
  }

  /** The {@code --profile} given to the command that failed. */
  private static Optional<String> profile(CommandLine line) {
    CommandLine.Model.OptionSpec option = line.getCommandSpec().findOption("--profile");
    return option == null ? Optional.empty() : Optional.ofNullable(option.<String>getValue());
  }

  @Override
  public int getExitCode(Throwable t) {
    return exitCode(unwrap(t));
  }

  /** Prints what went wrong on {@code err} and returns the exit code. */
  static int report(Throwable e, PrintWriter err, boolean debug) {
    Throwable t = unwrap(e);
    int code = exitCode(t);
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    err.println("vpctrain: " + message(t, code));
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
  }

  /** The exit code of {@code t}. */
  static int exitCode(Throwable t) {
    if (isCredentialsFailure(t)) {
      return ExitCodes.AWS_UNAVAILABLE;
    }
    if (t instanceof UsageException || t instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (t instanceof InvalidInputException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (t instanceof PreflightFailedException) {
      return ((PreflightFailedException) t).verdict() == Verdict.UNVERIFIED ? ExitCodes.UNVERIFIED : ExitCodes.NOT_READY;
    }
    if (t instanceof AwsCallException) {
      return rejectedAsInvalid((AwsCallException) t) ? ExitCodes.INVALID_INPUT : ExitCodes.AWS_UNAVAILABLE;
    }
    if (t instanceof InterruptedException) {
      return ExitCodes.INTERRUPTED;
    }
    if (t instanceof IOException) {
      return ExitCodes.FILE_NOT_FOUND;
    }
    if (t instanceof SdkException) {
      return ExitCodes.AWS_UNAVAILABLE;
    }
    return ExitCodes.INTERNAL;
  }

  /** True when AWS refused the request itself (a different job has the name, or it fails validation). */
  private static boolean rejectedAsInvalid(AwsCallException e) {
    return e instanceof JobConflictException || "ValidationException".equals(e.errorCode());
  }

  /** True when an AWS error code of a failed step means AWS denied the call (exit code 69). */
  static boolean denied(String awsErrorCode) {
    return DENIED.contains(awsErrorCode) || awsErrorCode.endsWith(".Unauthorized")
        || awsErrorCode.startsWith("SdkClientException");
  }

  private static String message(Throwable t, int code) {
    if (isCredentialsFailure(t)) {
      return t.getMessage();
    }
    if (t instanceof PreflightFailedException) {
      PreflightFailedException refused = (PreflightFailedException) t;
      return "training job " + refused.report().jobName() + " was not created: refused by the preflight ("
          + String.join(", ", refused.ruleIds()) + ").";
    }
    switch (code) {
      case ExitCodes.USAGE:
        return t.getMessage();
      case ExitCodes.INVALID_INPUT:
        return "invalid input: " + t.getMessage();
      case ExitCodes.INTERRUPTED:
        return "interrupted" + (t.getMessage() == null ? "." : "; " + t.getMessage());
      case ExitCodes.FILE_NOT_FOUND:
        if (t instanceof NoSuchFileException) {
          return "file not found: " + ((NoSuchFileException) t).getFile();
        }
        if (t instanceof AccessDeniedException) {
          return "cannot read " + ((AccessDeniedException) t).getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException && ((FileSystemException) t).getFile() != null) {
          FileSystemException f = (FileSystemException) t;
          return "cannot read " + f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        return "cannot read the input: " + t.getMessage();
      case ExitCodes.AWS_UNAVAILABLE:
        return "AWS is unavailable or denied a required call: " + t.getMessage();
      default:
        return "internal error: " + t + ". This is a bug in vpctrain; please report it with the command line "
            + "and the output of the same command with --debug.";
    }
  }
}
