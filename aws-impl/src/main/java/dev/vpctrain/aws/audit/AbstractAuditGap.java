package dev.vpctrain.aws.audit;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A part of the audit that could not be read: an account (its role could not be assumed), a region of an account
 * (not enabled, denied, throttled) or one job. Gaps are listed, never skipped silently; an audit with gaps is
 * incomplete.
 */
@Value.Immutable
abstract class AbstractAuditGap implements AuditRecord {
  @Override
  public abstract String accountId();

  /** {@return the region, when the gap is in one region} */
  public abstract Optional<String> region();

  /** {@return the job, when the gap is one job} */
  public abstract Optional<String> jobName();

  /** {@return why} */
  public abstract GapReason reason();

  /** {@return the call that failed, for example {@code sts:AssumeRole}} */
  public abstract String operation();

  /** {@return AWS's error code, for example {@code AccessDenied}} */
  public abstract String errorCode();

  /** {@return the message, with AWS's own} */
  public abstract String message();
}
