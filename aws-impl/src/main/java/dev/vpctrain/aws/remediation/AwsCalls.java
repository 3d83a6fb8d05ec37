package dev.vpctrain.aws.remediation;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one AWS call and turns its errors into {@link StepFailure}s, recognising the answers that mean "fine". */
final class AwsCalls {
  /** EC2's answer to a successful dry run (HTTP 412). */
  static final String DRY_RUN_OPERATION = "DryRunOperation";

  private AwsCalls() {}

  /** The call's result; any error is a {@link StepFailure} naming {@code operation}. */
  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      throw failure(operation, e);
    } catch (SdkException e) {
      throw new StepFailure(operation, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }
  }

  /**
   * A write call. An error whose code is {@code DryRunOperation} or one of {@code benign} (for
   * example {@code InvalidPermission.Duplicate}: the change is already there) is an answer, not a
   * failure: {@link Answer#code()} holds it.
   */
  static <T> Answer<T> write(String operation, Set<String> benign, Supplier<T> call) {
    try {
      return new Answer<>(Optional.of(call.get()), Optional.empty());
    } catch (AwsServiceException e) {
      String code = code(e);
      if (code.equals(DRY_RUN_OPERATION) || benign.contains(code)) {
        return new Answer<>(Optional.empty(), Optional.of(code));
      }
      throw failure(operation, e);
    } catch (SdkException e) {
      throw new StepFailure(operation, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }
  }

  /** A write call's answer: its response, or the benign error code that ended it. */
  record Answer<T>(Optional<T> response, Optional<String> code) {
    boolean dryRunPassed() {
      return code.map(DRY_RUN_OPERATION::equals).orElse(false);
    }
  }

  static String code(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
      return e.awsErrorDetails().errorCode();
    }
    return "HTTP " + e.statusCode();
  }

  private static StepFailure failure(String operation, AwsServiceException e) {
    String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage()
        : String.valueOf(e.getMessage());
    return new StepFailure(operation, code(e), message);
  }
}
