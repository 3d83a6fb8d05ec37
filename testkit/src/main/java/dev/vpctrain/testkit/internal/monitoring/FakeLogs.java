package dev.vpctrain.testkit.internal.monitoring;

import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The fake CloudWatch Logs service: {@code DescribeLogStreams}, {@code GetLogEvents} (with the
 * forward/backward tokens the SDK paginator stops on) and {@code FilterLogEvents} (term, phrase,
 * {@code ?or} and {@code -not} patterns) over the world's logs, as far as virtual time has written
 * them. Public for the client proxy only.
 */
@FakeClientOf(value = CloudWatchLogsClient.class, name = "FakeLogsClient")
public final class FakeLogs {
  private static final ServiceErrors ERRORS = new ServiceErrors("CloudWatchLogs", CloudWatchLogsException::builder, Map.of(
      "ResourceNotFoundException", ResourceNotFoundException::builder,
      "InvalidParameterException", InvalidParameterException::builder,
      "ThrottlingException", software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException::builder,
      "AccessDeniedException", software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException::builder,
      "ServiceUnavailableException", software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException::builder,
      "InternalServerException", software.amazon.awssdk.services.cloudwatchlogs.model.InternalServerException::builder));

  private final World world;

  private FakeLogs(World world) {
    this.world = world;
  }

  /** A {@code CloudWatchLogsClient} over {@code world}. */
  public static CloudWatchLogsClient client(World world) {
    return new FakeLogsClient(new ClientDispatch("logs", "logs", new FakeLogs(world), world, ERRORS,
        "x-amzn-RequestId"));
  }

  public CloudWatchLogsServiceClientConfiguration serviceClientConfiguration() {
    return CloudWatchLogsServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest r) {
    String group = group(r.logGroupName(), r.logGroupIdentifier());
    boolean byTime = "LastEventTime".equals(r.orderByAsString());
    if (byTime && r.logStreamNamePrefix() != null) {
      throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    int limit = limit(r.limit(), 50);
    List<LogStore.StreamView> streams = new ArrayList<>();
    for (LogStore.StreamView s : world.logs().streams(group, now())) {
      if (r.logStreamNamePrefix() == null || s.name().startsWith(r.logStreamNamePrefix())) {
        streams.add(s);
      }
    }
    if (byTime) {
      streams.sort(Comparator.comparing(s -> s.lastEventTimestamp().orElse(s.creationTime())));
    }
    if (Boolean.TRUE.equals(r.descending())) {
      java.util.Collections.reverse(streams);
    }
    Pages.Page<LogStore.StreamView> page = Pages.slice(streams, limit, r.nextToken(), "DescribeLogStreams:" + group,
        t -> invalid("The specified nextToken is invalid."));
    List<LogStream> out = new ArrayList<>();
    for (LogStore.StreamView s : page.items()) {
      out.add(LogStream.builder()
          .logStreamName(s.name())
          .creationTime(s.creationTime())
          .firstEventTimestamp(s.firstEventTimestamp().orElse(null))
          .lastEventTimestamp(s.lastEventTimestamp().orElse(null))
          .lastIngestionTime(s.lastEventTimestamp().orElse(null))
          .arn("arn:aws:logs:" + world.region() + ":" + world.accountId() + ":log-group:" + group + ":log-stream:" + s.name())
          .build());
    }
    return DescribeLogStreamsResponse.builder().logStreams(out).nextToken(page.nextToken()).build();
  }

  public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
    String group = group(r.logGroupName(), r.logGroupIdentifier());
    if (r.logStreamName() == null) {
      throw invalid("1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: "
          + "Member must not be null");
    }
    LogStore.StreamView stream = world.logs().stream(group, r.logStreamName(), now())
        .orElseThrow(() -> new AwsError("ResourceNotFoundException", "The specified log stream does not exist.", 400));
    List<LogStore.Event> events = new ArrayList<>();
    for (LogStore.Event e : stream.events()) {
      if ((r.startTime() == null || e.timestamp() >= r.startTime()) && (r.endTime() == null || e.timestamp() < r.endTime())) {
        events.add(e);
      }
    }
    int limit = limit(r.limit(), 10000);
    int from;
    int to;
    String token = r.nextToken();
    if (token != null) {
      int at = position(token, events.size());
      if (token.startsWith("f/")) {
        from = at;
        to = Math.min(events.size(), at + limit);
      } else {
        to = at;
        from = Math.max(0, at - limit);
      }
    } else if (Boolean.TRUE.equals(r.startFromHead())) {
      from = 0;
      to = Math.min(events.size(), limit);
    } else {
      to = events.size();
      from = Math.max(0, to - limit);
    }
    List<OutputLogEvent> out = new ArrayList<>();
    for (LogStore.Event e : events.subList(from, to)) {
      out.add(OutputLogEvent.builder().timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build());
    }
    return GetLogEventsResponse.builder()
        .events(out)
        .nextForwardToken("f/" + String.format("%056d", to))
        .nextBackwardToken("b/" + String.format("%056d", from))
        .build();
  }

  public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest r) {
    String group = group(r.logGroupName(), r.logGroupIdentifier());
    if (r.hasLogStreamNames() && !r.logStreamNames().isEmpty() && r.logStreamNamePrefix() != null) {
      throw invalid("You cannot specify both logStreamNames and logStreamNamePrefix.");
    }
    FilterPattern pattern = FilterPattern.parse(r.filterPattern());
    List<FilteredLogEvent> all = new ArrayList<>();
    for (LogStore.StreamView s : world.logs().streams(group, now())) {
      if ((r.hasLogStreamNames() && !r.logStreamNames().isEmpty() && !r.logStreamNames().contains(s.name()))
          || (r.logStreamNamePrefix() != null && !s.name().startsWith(r.logStreamNamePrefix()))) {
        continue;
      }
      List<LogStore.Event> events = s.events();
      for (int i = 0; i < events.size(); i++) {
        LogStore.Event e = events.get(i);
        if ((r.startTime() == null || e.timestamp() >= r.startTime()) && (r.endTime() == null || e.timestamp() <= r.endTime())
            && pattern.matches(e.message())) {
          all.add(FilteredLogEvent.builder()
              .logStreamName(s.name())
              .timestamp(e.timestamp())
              .message(e.message())
              .ingestionTime(e.ingestionTime())
              .eventId(String.format("%d%08d", e.timestamp(), Math.abs(s.name().hashCode() % 100_000_000) + i))
              .build());
        }
      }
    }
    all.sort(Comparator.comparing(FilteredLogEvent::timestamp));
    Pages.Page<FilteredLogEvent> page = Pages.slice(all, limit(r.limit(), 10000), r.nextToken(), "FilterLogEvents:" + group,
        t -> invalid("The specified nextToken is invalid."));
    return FilterLogEventsResponse.builder().events(page.items()).nextToken(page.nextToken()).build();
  }

  private String group(String name, String identifier) {
    String group = name != null ? name : identifier;
    if (group == null) {
      throw invalid("Either logGroupName or logGroupIdentifier must be specified.");
    }
    if (group.startsWith("arn:")) {
      group = group.substring(group.indexOf(":log-group:") + ":log-group:".length()).replaceAll(":\\*$", "");
    }
    if (!world.logs().groupExists(group, now())) {
      throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.", 400);
    }
    return group;
  }

  private static int limit(Integer limit, int max) {
    if (limit == null) {
      return max;
    }
    if (limit < 1 || limit > max) {
      throw invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
          + "Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to " + max));
    }
    return limit;
  }

  private static int position(String token, int size) {
    try {
      if (token.length() > 2 && (token.startsWith("f/") || token.startsWith("b/"))) {
        int at = Integer.parseInt(token.substring(2));
        return Math.min(at, size);
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw invalid("The specified nextToken is invalid.");
  }

  private static AwsError invalid(String message) {
    return AwsError.client("InvalidParameterException", message);
  }

  private Instant now() {
    return world.clock().instant();
  }
}
