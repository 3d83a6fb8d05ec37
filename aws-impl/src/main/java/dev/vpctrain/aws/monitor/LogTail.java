package dev.vpctrain.aws.monitor;

import dev.vpctrain.aws.AwsCallException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Follows a training job's CloudWatch log streams ({@code /aws/sagemaker/TrainingJobs}, one stream
 * per instance named {@code <job>/algo-N-<epoch>}). Each {@link #poll()} picks up new streams and
 * returns the lines written since the last poll, each exactly once: it pages every stream forward
 * from its head with {@code nextForwardToken} and stops when the token comes back unchanged (the
 * end of the stream). A log group that does not exist yet is "no lines yet". Not thread-safe.
 */
public final class LogTail {
  private static final Logger LOG = LoggerFactory.getLogger(LogTail.class);

  /** The log group of SageMaker training jobs. */
  public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

  private static final Pattern HOST = Pattern.compile("(.+)-\\d+");

  private final CloudWatchLogsClient logs;
  private final String jobName;
  private final String logGroup;
  private final int maxPagesPerStream;
  private final Map<String, String> tokens = new LinkedHashMap<>();

  private LogTail(Builder b) {
    this.logs = Objects.requireNonNull(b.logs, "logs");
    this.jobName = Objects.requireNonNull(b.jobName, "jobName");
    this.logGroup = b.logGroup;
    this.maxPagesPerStream = b.maxPagesPerStream;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the lines written since the last poll, in time order (by stream on ties)} A poll is all or
   * nothing: when a call fails, the positions stay where the last successful poll left them, so
   * the next poll returns the same lines again and none is lost.
   *
   * @throws AwsCallException naming {@code logs:DescribeLogStreams} or {@code logs:GetLogEvents}
   */
  public List<LogLine> poll() {
    discoverStreams();
    Map<String, String> positions = new LinkedHashMap<>(tokens);
    List<LogLine> lines = new ArrayList<>();
    for (String stream : List.copyOf(positions.keySet())) {
      readStream(stream, positions, lines);
    }
    tokens.putAll(positions);
    lines.sort(Comparator.comparing(LogLine::timestamp).thenComparing(LogLine::stream));
    return lines;
  }

  /** {@return the streams found so far} */
  public Set<String> streams() {
    return Set.copyOf(tokens.keySet());
  }

  /**
   * {@return the host of a stream: {@code <job>/algo-2-1764403200} gives {@code algo-2}}
   *
   * @param jobName the training job name
   * @param stream the stream
   */
  public static String hostOf(String jobName, String stream) {
    String rest = stream.startsWith(jobName + "/") ? stream.substring(jobName.length() + 1) : stream;
    Matcher m = HOST.matcher(rest);
    return m.matches() ? m.group(1) : rest;
  }

  private void discoverStreams() {
    String next = null;
    do {
      DescribeLogStreamsRequest request = DescribeLogStreamsRequest.builder()
          .logGroupName(logGroup).logStreamNamePrefix(jobName + "/").nextToken(next).build();
      DescribeLogStreamsResponse response;
      try {
        response = logs.describeLogStreams(request);
      } catch (AwsServiceException e) {
        if (isNotFound(e)) {
          LOG.debug("Log group {} does not exist yet", logGroup);
          return;
        }
        throw new AwsCallException("logs:DescribeLogStreams", e);
      } catch (SdkException e) {
        throw new AwsCallException("logs:DescribeLogStreams", e);
      }
      for (LogStream s : response.logStreams()) {
        if (s.logStreamName() != null && !tokens.containsKey(s.logStreamName())) {
          tokens.put(s.logStreamName(), null);
          LOG.debug("New log stream {}", s.logStreamName());
        }
      }
      String previous = next;
      next = response.nextToken();
      if (next != null && next.equals(previous)) {
        break;
      }
    } while (next != null);
  }

  private void readStream(String stream, Map<String, String> positions, List<LogLine> out) {
    String token = positions.get(stream);
    String host = hostOf(jobName, stream);
    for (int page = 0; page < maxPagesPerStream; page++) {
      GetLogEventsRequest request = GetLogEventsRequest.builder().logGroupName(logGroup).logStreamName(stream)
          .startFromHead(true).nextToken(token).build();
      GetLogEventsResponse response;
      try {
        response = logs.getLogEvents(request);
      } catch (SdkException e) {
        throw new AwsCallException("logs:GetLogEvents", e);
      }
      for (OutputLogEvent e : response.events()) {
        out.add(LogLine.builder().stream(stream).host(host)
            .timestamp(e.timestamp() == null ? Instant.EPOCH : Instant.ofEpochMilli(e.timestamp()))
            .message(e.message() == null ? "" : e.message()).build());
      }
      String next = response.nextForwardToken();
      if (next == null) {
        break;
      }
      boolean end = next.equals(token);
      token = next;
      if (end) {
        break;
      }
    }
    positions.put(stream, token);
  }

  private static boolean isNotFound(AwsServiceException e) {
    return e.awsErrorDetails() != null && "ResourceNotFoundException".equals(e.awsErrorDetails().errorCode());
  }

  /** Builds a {@link LogTail}. */
  public static final class Builder {
    private CloudWatchLogsClient logs;
    private String jobName;
    private String logGroup = LOG_GROUP;
    private int maxPagesPerStream = 50;

    private Builder() {}

    /**
     * Sets the CloudWatch Logs client.
     *
     * @param logs the CloudWatch Logs client
     * @return this builder
     */
    public Builder logs(CloudWatchLogsClient logs) {
      this.logs = logs;
      return this;
    }

    /**
     * Sets the training job whose logs are read.
     *
     * @param jobName the training job name
     * @return this builder
     */
    public Builder jobName(String jobName) {
      this.jobName = jobName;
      return this;
    }

    /**
     * The log group (default {@value LogTail#LOG_GROUP}).
     *
     * @param logGroup the log group
     * @return this builder
     */
    public Builder logGroup(String logGroup) {
      this.logGroup = Objects.requireNonNull(logGroup);
      return this;
    }

    /**
     * Pages read per stream in one poll (default 50); the rest follows on the next poll.
     *
     * @param pages the pages
     * @return this builder
     */
    public Builder maxPagesPerStream(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("maxPagesPerStream must be at least 1 but was " + pages);
      }
      this.maxPagesPerStream = pages;
      return this;
    }

    /** {@return a new {@code LogTail} with the values given} */
    public LogTail build() {
      return new LogTail(this);
    }
  }
}
