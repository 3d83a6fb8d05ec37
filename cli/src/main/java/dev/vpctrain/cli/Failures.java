package dev.vpctrain.cli;

import dev.vpctrain.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an error into its exit code and a one-paragraph message; a stack trace only when debugging. */
final class Failures {
  private Failures() {}

  static int report(Exception e, PrintWriter err, boolean debug) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    int code = exitCode(t);
    err.println("vpctrain: " + message(t, code));
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static int exitCode(Throwable t) {
    if (t instanceof UsageException) {
      return ExitCodes.USAGE;
    }
    if (t instanceof InvalidInputException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (t instanceof IOException) {
      return ExitCodes.FILE_NOT_FOUND;
    }
    if (t instanceof SdkException) {
      return ExitCodes.AWS_UNAVAILABLE;
    }
    return ExitCodes.INTERNAL;
  }

  private static String message(Throwable t, int code) {
    switch (code) {
      case ExitCodes.USAGE:
        return t.getMessage();
      case ExitCodes.INVALID_INPUT:
        return "invalid input: " + t.getMessage();
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
