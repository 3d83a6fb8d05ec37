package dev.vpctrain.aws.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies a SageMaker {@code FailureReason} by the texts SageMaker and the training toolkits
 * print. Patterns are tried in order; the first match wins, so specific causes (disk space, the S3
 * route hint) beat generic ones (data download failed, AlgorithmError).
 */
final class FailureClassifier {
  private static final List<Entry> ENTRIES = List.of(
      entry(FailureCategory.DISK, "no space left on device|insufficient disk space|disk quota exceeded"),
      entry(FailureCategory.DHCP, "expected dhcp options|dhcp option"),
      entry(FailureCategory.SUBNET_IP, "no available ip|insufficient free (ip )?addresses|insufficientfreeaddresses"
          + "|not enough (free )?ip|free ip addresses|subnet has insufficient"),
      entry(FailureCategory.CAPACITY, "insufficientcapacity|insufficient capacity|capacityerror"
          + "|insufficientinstancecapacity|unable to provision requested ml compute capacity"),
      entry(FailureCategory.RESOURCE, "(security group|subnet)[^.]*(does not exist|not found)|invalidsubnet|invalidgroup"
          + "|invalidsecuritygroup|different vpc"),
      entry(FailureCategory.S3_ROUTE, "route to an s3 vpc endpoint or a nat device|outbound traffic to s3"
          + "|(s3|s3\\.[a-z0-9-]+\\.amazonaws\\.com)[^.]*(timed out|timeout|could not connect|connect timeout)"
          + "|(timed out|timeout|could not connect)[^.]*\\bs3\\b"),
      entry(FailureCategory.S3_ACCESS, "((data download|artifact upload|upload|download|s3)[^.]*(access ?denied|403|forbidden))"
          + "|((access ?denied|403|forbidden)[^.]*(s3|bucket))"),
      entry(FailureCategory.S3_INPUT, "data download failed|failed to download|could not download|no s3 objects found"),
      entry(FailureCategory.S3_OUTPUT, "artifact upload failed|unable to upload|failed to upload|upload[^.]*(s3|checkpoint)"),
      entry(FailureCategory.CLUSTER, "cannot connect to host algo-|algo-\\d+[^.]*(timed out|timeout|unreachable|refused"
          + "|could not connect|connection)|(timed out|timeout|unreachable|refused|could not connect)[^.]*algo-\\d+"
          + "|nccl[^.]*(timeout|timed out|connect|unhandled system error|remote process exited)|gloo[^.]*(timeout|connect)"
          + "|efa[^.]*(health|fail)|barrier[^.]*timed? ?out|waiting for (all )?hosts"),
      entry(FailureCategory.DNS, "could not resolve host|name or service not known|temporary failure in name resolution"
          + "|getaddrinfo|nodename nor servname"),
      entry(FailureCategory.SERVICE_EGRESS, "could not connect to the endpoint url|connect timeout on endpoint url"
          + "|failed to establish a new connection|connection to [a-z0-9.-]+ timed out|max retries exceeded with url"),
      entry(FailureCategory.IMAGE, "cannotpullcontainer|image ?pull|failed to pull|pull access denied|manifest unknown"),
      entry(FailureCategory.ALGORITHM, "^algorithmerror"));

  private FailureClassifier() {}

  /** The category of {@code failureReason}; {@link FailureCategory#UNKNOWN} when nothing matches. */
  static FailureCategory classify(String failureReason) {
    if (failureReason == null || failureReason.isBlank()) {
      return FailureCategory.UNKNOWN;
    }
    String text = failureReason.toLowerCase(Locale.ROOT);
    for (Entry e : ENTRIES) {
      if (e.pattern.matcher(text).find()) {
        return e.category;
      }
    }
    return FailureCategory.UNKNOWN;
  }

  private static Entry entry(FailureCategory category, String regex) {
    return new Entry(category, Pattern.compile(regex));
  }

  private static final class Entry {
    final FailureCategory category;
    final Pattern pattern;

    Entry(FailureCategory category, Pattern pattern) {
      this.category = category;
      this.pattern = pattern;
    }
  }
}
