package dev.vpctrain.aws.audit;

import dev.vpctrain.aws.AwsCallException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns a failed call into the {@link AuditGap} that lists it, with its {@link GapReason}. */
final class Gaps {
  /**
   * What AWS answers in a region the account has not enabled (the assumed role's token is unknown there); a 401
   * too, whose body some HTTP clients do not read.
   */
  private static final Set<String> REGION_OFF = Set.of("UnrecognizedClientException", "AuthFailure",
      "InvalidClientTokenId", "OptInRequired", "InvalidToken");
  private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
      "TooManyRequestsException", "RequestLimitExceeded", "SlowDown");

  private Gaps() {}

  static AuditGap of(String account, Optional<String> region, Optional<String> job, String operation, SdkException e) {
    AwsCallException call = new AwsCallException(operation, e);
    String code = call.errorCode();
    GapReason reason;
    String hint = "";
    if (operation.equals("sts:AssumeRole")) {
      reason = GapReason.ROLE_NOT_ASSUMABLE;
      hint = " The audit role is missing in the account, or its trust policy does not admit the caller.";
    } else if ((REGION_OFF.contains(code) || call.statusCode() == 401) && region.isPresent()) {
      reason = GapReason.REGION_NOT_ENABLED;
      hint = " The region is likely an opt-in region the account has not enabled.";
    } else if (THROTTLED.contains(code)) {
      reason = GapReason.THROTTLED;
      hint = " Lower --concurrency, or run the audit again for this account.";
    } else if (call.isAccessDenied()) {
      reason = GapReason.ACCESS_DENIED;
      hint = " The audit role lacks a permission that docs/iam-permissions.md lists.";
    } else if (call.isUnavailable()) {
      reason = GapReason.UNAVAILABLE;
    } else {
      reason = GapReason.OTHER;
    }
    return AuditGap.builder().accountId(account).region(region).jobName(job).reason(reason).operation(operation)
        .errorCode(code).message(call.getMessage() + hint).build();
  }

  static AuditGap unreadable(String account, String region, String job, String operation, RuntimeException e) {
    return AuditGap.builder().accountId(account).region(region).jobName(job).reason(GapReason.UNREADABLE_JOB)
        .operation(operation).errorCode("Unreadable")
        .message("The job's description could not be read as a job: " + e.getMessage()).build();
  }
}
