package dev.vpctrain.aws.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-process WireMock server on loopback that answers EC2 and S3 read calls from a
 * {@link FakeAccount}. Tests add their own higher-priority stubs (priority 1) for faults; the fake
 * answers at priority 10.
 */
public final class FakeAwsServer implements AutoCloseable {
  private final WireMockServer wm;
  private final FakeAwsTransformer fake;
  private final int fixedDelayMillis;

  private FakeAwsServer(FakeAccount account, int fixedDelayMillis, boolean journal) {
    this.fake = new FakeAwsTransformer(account);
    this.fixedDelayMillis = fixedDelayMillis;
    WireMockConfiguration config = options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .containerThreads(80)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(40)
        .extensions(fake);
    if (!journal) {
      config.disableRequestJournal();
    }
    wm = new WireMockServer(config);
    wm.start();
    stubFake();
  }

  private void stubFake() {
    var response = aResponse().withTransformers(FakeAwsTransformer.NAME);
    if (fixedDelayMillis > 0) {
      response.withFixedDelay(fixedDelayMillis);
    }
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(response));
  }

  /** Forgets tests' own stubs, scenarios and received requests, and serves {@code account}. */
  public void reset(FakeAccount account) {
    wm.resetAll();
    stubFake();
    fake.account(account);
  }

  public static FakeAwsServer start(FakeAccount account) {
    return new FakeAwsServer(account, 0, true);
  }

  /** Every answer delayed by {@code fixedDelayMillis}; {@code journal} false for long benchmarks. */
  public static FakeAwsServer start(FakeAccount account, int fixedDelayMillis, boolean journal) {
    return new FakeAwsServer(account, fixedDelayMillis, journal);
  }

  public WireMockServer wireMock() {
    return wm;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + wm.port();
  }

  public void account(FakeAccount account) {
    fake.account(account);
  }

  /**
   * Requests received so far, by operation ({@code DescribeSubnets}, {@code GetBucketPolicy}, …);
   * with {@code firstPagesOnly}, EC2 requests carrying a {@code NextToken} are not counted.
   */
  public Map<String, Integer> calls(boolean firstPagesOnly) {
    Map<String, Integer> counts = new TreeMap<>();
    List<ServeEvent> events = wm.getAllServeEvents();
    for (ServeEvent e : events) {
      String op = operation(e, firstPagesOnly);
      if (op != null) {
        counts.merge(op, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String operation(ServeEvent e, boolean firstPagesOnly) {
    var request = e.getRequest();
    String amzTarget = request.getHeader("X-Amz-Target");
    if (amzTarget != null) {
      return amzTarget.substring(amzTarget.indexOf('.') + 1);
    }
    if (FileSystemApis.isEfs(request.getUrl())) {
      return FakeAwsTransformer.efsOperation(request.getUrl());
    }
    if (request.getMethod().getName().equals("POST")) {
      Map<String, String> form = FakeAwsTransformer.form(request.getBodyAsString());
      if (firstPagesOnly && form.containsKey("NextToken")) {
        return null;
      }
      return form.get("Action");
    }
    String url = request.getUrl();
    if (url.contains("?location")) {
      return "GetBucketLocation";
    }
    if (url.contains("?policy")) {
      return "GetBucketPolicy";
    }
    return request.getMethod().getName() + " " + url;
  }

  /** Requests the fake itself answered (without the journal), by operation; see {@link FakeAwsTransformer#served()}. */
  public Map<String, Long> served() {
    return fake.served();
  }

  public void resetRequests() {
    wm.resetRequests();
  }

  @Override
  public void close() {
    wm.stop();
  }
}
