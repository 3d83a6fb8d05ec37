package dev.vpctrain.aws.launch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;

/**
 * Turns successive DescribeTrainingJob responses into progress events, each transition exactly
 * once: primary status changes, new {@code SecondaryStatusTransitions} entries (keyed by status and
 * start time), and changed messages of transitions already reported. When a response carries no
 * transition list, the {@code SecondaryStatus} field stands in for it.
 */
final class TransitionTracker {
  private final String jobName;
  private String lastStatus;
  private final Set<String> seenTransitions = new HashSet<>();
  private final Map<String, String> messages = new HashMap<>();
  private final Map<String, Integer> fallbackReported = new HashMap<>();
  private String lastFallbackSecondary;

  TransitionTracker(String jobName) {
    this.jobName = jobName;
  }

  /** The new events in {@code d}, in time order (primary status first on ties). */
  List<Progress> update(DescribeTrainingJobResponse d) {
    List<Progress> out = new ArrayList<>();
    String status = d.trainingJobStatusAsString();
    if (status != null && !status.equals(lastStatus)) {
      lastStatus = status;
      out.add(Progress.builder().jobName(jobName).kind(ProgressKind.STATUS).status(status)
          .timestamp(Objects.requireNonNullElse(statusTime(d, status), Instant.EPOCH))
          .message(java.util.Optional.ofNullable("Failed".equals(status) ? d.failureReason() : null))
          .build());
    }
    if (d.hasSecondaryStatusTransitions() && !d.secondaryStatusTransitions().isEmpty()) {
      for (SecondaryStatusTransition t : d.secondaryStatusTransitions()) {
        String key = t.statusAsString() + "@" + t.startTime();
        String message = t.statusMessage();
        if (seenTransitions.add(key)) {
          messages.put(key, message);
          if (consumeFallback(t.statusAsString())) {
            continue;
          }
          out.add(event(ProgressKind.SECONDARY_STATUS, t.statusAsString(), t.startTime(), message));
        } else if (message != null && !message.equals(messages.get(key))) {
          messages.put(key, message);
          out.add(event(ProgressKind.STATUS_MESSAGE, t.statusAsString(), d.lastModifiedTime(), message));
        }
      }
    } else if (d.secondaryStatusAsString() != null && !d.secondaryStatusAsString().equals(lastFallbackSecondary)) {
      lastFallbackSecondary = d.secondaryStatusAsString();
      fallbackReported.merge(lastFallbackSecondary, 1, Integer::sum);
      out.add(event(ProgressKind.SECONDARY_STATUS, lastFallbackSecondary, d.lastModifiedTime(), null));
    }
    out.sort(Comparator.comparing((Progress p) -> p.timestamp().orElse(Instant.MAX))
        .thenComparing(TransitionTracker::rank));
    return out;
  }

  /** On equal timestamps: a new running status first, secondary transitions next, a final status last. */
  private static int rank(Progress p) {
    if (p.kind() != ProgressKind.STATUS) {
      return 1;
    }
    return isFinal(p.status()) ? 2 : 0;
  }

  private boolean consumeFallback(String status) {
    Integer n = fallbackReported.get(status);
    if (n == null || n == 0) {
      return false;
    }
    fallbackReported.put(status, n - 1);
    return true;
  }

  private Progress event(ProgressKind kind, String status, Instant at, String message) {
    return Progress.builder().jobName(jobName).kind(kind).status(status)
        .timestamp(java.util.Optional.ofNullable(at)).message(java.util.Optional.ofNullable(message)).build();
  }

  private static Instant statusTime(DescribeTrainingJobResponse d, String status) {
    if ("InProgress".equals(status)) {
      return d.creationTime() != null ? d.creationTime() : d.lastModifiedTime();
    }
    if (isFinal(status) && d.trainingEndTime() != null) {
      return d.trainingEndTime();
    }
    return d.lastModifiedTime();
  }

  static boolean isFinal(String status) {
    return "Completed".equals(status) || "Failed".equals(status) || "Stopped".equals(status);
  }
}
