package dev.vpctrain.aws.audit;

/** Why part of an audit could not be read; each {@link AuditGap} has one. */
public enum GapReason {
  /** {@code sts:AssumeRole} into the account's audit role was refused: the role is missing or does not trust the caller. */
  ROLE_NOT_ASSUMABLE,
  /** The region is an opt-in region the account has not enabled. */
  REGION_NOT_ENABLED,
  /** A read call was denied: the audit role lacks a permission (docs/iam-permissions.md lists them). */
  ACCESS_DENIED,
  /** AWS kept throttling a call after the client's retries. */
  THROTTLED,
  /** AWS failed or did not answer (5xx, timeouts, unreachable endpoint) after the client's retries. */
  UNAVAILABLE,
  /** The account is not active in the organisation (suspended or being closed). */
  ACCOUNT_NOT_ACTIVE,
  /** A job's description could not be read as a job (an unexpected shape). */
  UNREADABLE_JOB,
  /** Any other failure. */
  OTHER
}
