package dev.vpctrain.aws.audit;

/**
 * Told of an audit's results as they come, from the audit's worker threads one call at a time (calls never overlap),
 * so a listener can write them out without locking. The default methods do nothing.
 */
public interface AuditListener {
  /**
   * A job was audited.
   *
   * @param job the result
   */
  default void onJob(AuditedJob job) {}

  /**
   * A part of the audit could not be read.
   *
   * @param gap what and why
   */
  default void onGap(AuditGap gap) {}

  /**
   * The progress, after each account-region and at least every few seconds while calls go on.
   *
   * @param progress the counts so far
   */
  default void onProgress(AuditProgress progress) {}
}
