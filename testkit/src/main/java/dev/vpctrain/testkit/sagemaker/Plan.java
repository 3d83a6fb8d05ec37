package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.report.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How a simulated job will end: completed, failed in a phase, or hung in training until it fails. */
final class Plan {
  enum Kind {
    COMPLETE,
    FAIL,
    HANG
  }

  final Kind kind;
  final Phase phase;
  final String failureReason;
  final Optional<Finding> cause;
  /** How long into the failing phase the failure comes. */
  final Duration after;
  /** Lines the failing code logs (training failures); the host it cannot reach (hangs). */
  final List<String> failureLog;

  private Plan(Kind kind, Phase phase, String failureReason, Optional<Finding> cause, Duration after, List<String> failureLog) {
    this.kind = kind;
    this.phase = phase;
    this.failureReason = failureReason;
    this.cause = cause;
    this.after = after;
    this.failureLog = List.copyOf(failureLog);
  }

  static Plan complete() {
    return new Plan(Kind.COMPLETE, null, null, Optional.empty(), Duration.ZERO, List.of());
  }

  static Plan fail(Phase phase, String reason, Finding cause, Duration after, List<String> log) {
    return new Plan(Kind.FAIL, phase, reason, Optional.ofNullable(cause), after, log);
  }

  static Plan hang(String reason, Finding cause, Duration after) {
    return new Plan(Kind.HANG, Phase.TRAINING, reason, Optional.ofNullable(cause), after, List.of());
  }

  /** Orders plans by when they end the job: earlier phase first, then sooner in the phase. */
  boolean endsBefore(Plan other) {
    if (other.kind == Kind.COMPLETE) {
      return kind != Kind.COMPLETE;
    }
    if (kind == Kind.COMPLETE) {
      return false;
    }
    if (phase != other.phase) {
      return phase.compareTo(other.phase) < 0;
    }
    return after.compareTo(other.after) < 0;
  }
}
