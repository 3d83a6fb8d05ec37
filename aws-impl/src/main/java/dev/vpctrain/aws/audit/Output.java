package dev.vpctrain.aws.audit;

import java.time.Duration;

/**
 * Where the audit's workers hand their results: one lock, so the listener is told one thing at a time and the tally
 * counts what it was told.
 */
final class Output {
  private final AuditListener listener;
  private final Tally tally;
  private final CallStats stats;
  private final long start;

  Output(AuditListener listener, Tally tally, CallStats stats) {
    this.listener = listener;
    this.tally = tally;
    this.stats = stats;
    this.start = System.nanoTime();
  }

  synchronized void job(AuditedJob job) {
    tally.job(job);
    listener.onJob(job);
  }

  synchronized void gap(AuditGap gap) {
    if (gap.reason() != GapReason.ACCOUNT_NOT_ACTIVE) {
      tally.gap();
    }
    listener.onGap(gap);
  }

  synchronized void regionRead() {
    tally.regionRead();
  }

  synchronized void accountDone() {
    tally.accountDone();
    listener.onProgress(tally.progress(stats, elapsed()));
  }

  synchronized void accountsTotal(int total) {
    tally.accountsTotal(total);
  }

  synchronized void progress() {
    listener.onProgress(tally.progress(stats, elapsed()));
  }

  synchronized AuditSummary summary() {
    return tally.summary(stats, elapsed());
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
