package dev.vpctrain.testkit.internal.sdk;

import dev.vpctrain.testkit.ApiCall;
import dev.vpctrain.testkit.internal.world.World;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import dev.vpctrain.testkit.AwsFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.awscore.util.AwsHeader;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Where every operation of a fake SDK client goes. The client classes ({@link FakeClientOf}) hand
 * each call here by name; the dispatch finds the handler's method of that name (one per modeled
 * operation, taking the SDK request) and adds what a real client adds: a request id, response
 * metadata and a 200 HTTP response; the SDK's own exception types for {@link AwsError}s; the call
 * log; the faults a test injected ({@link FaultPlan}, one per attempt); and the SDK's retry
 * strategy, which decides as in a real client whether a failed attempt is retried, its backoff
 * spent on the world's virtual clock. An operation the handler lacks is an {@link UnsupportedOperationException} naming it.
 * Convenience overloads ({@code Consumer<Builder>}, no-argument forms) and paginators keep the
 * interface's own code, so they reach the handler as real calls do. Internal to the testkit.
 */
public final class ClientDispatch {
  private final String service;
  private final String serviceName;
  private final Object handler;
  private final World world;
  private final ServiceErrors errors;
  private final String requestIdHeader;
  private final Map<String, Optional<Method>> targets = new ConcurrentHashMap<>();
  private final FaultPlan faults;
  private final FaultDialect dialect;
  private final RetryStrategy retry;

  /**
   * @param service the short name recorded in the call log ({@code ec2}, {@code sagemaker}…)
   * @param serviceName what the client's {@code serviceName()} returns
   * @param handler the object with one public method per modeled operation
   * @param requestIdHeader the HTTP header carrying the request id, or null
   */
  public ClientDispatch(String service, String serviceName, Object handler, World world, ServiceErrors errors,
      String requestIdHeader) {
    this.service = service;
    this.serviceName = serviceName;
    this.handler = handler;
    this.world = world;
    this.errors = errors;
    this.requestIdHeader = requestIdHeader;
    this.faults = world.faults(service, () -> new FaultPlan(service, operations()));
    this.dialect = FaultDialect.of(service);
    this.retry = world.retryStrategy().toBuilder().build();
  }

  public String serviceName() {
    return serviceName;
  }

  /** The world's virtual clock (the client's {@code SimulatedTime}). */
  public java.time.Clock simulatedClock() {
    return world.clock();
  }

  /** A sleeper that advances the world's virtual clock and returns at once. */
  public dev.vpctrain.aws.launch.Sleeper simulatedSleeper() {
    return d -> world.clock().advance(d);
  }

  /** Clients of the fake world hold nothing to release. */
  public void close() {}

  /** Runs {@code method} of the handler with {@code request} (null for no-argument methods such as {@code waiter}). */
  public Object call(String method, Object request) {
    Method target = targets.computeIfAbsent(method, this::find).orElseThrow(() -> unsupported(method));
    if (!(request instanceof SdkRequest)) {
      return invoke(target, request == null ? new Object[0] : new Object[] {request});
    }
    String operation = capitalize(method);
    AcquireInitialTokenResponse acquired = retry.acquireInitialToken(AcquireInitialTokenRequest.create(service));
    RetryToken token = acquired.token();
    backOff(acquired.delay());
    List<String> failures = new ArrayList<>();
    while (true) {
      try {
        Object response = attempt(target, operation, request);
        retry.recordSuccess(RecordSuccessRequest.create(token));
        return response;
      } catch (SdkException e) {
        failures.add(e.getMessage());
        RefreshRetryTokenResponse refreshed;
        try {
          refreshed = retry.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(e).build());
        } catch (TokenAcquisitionFailedException notRetried) {
          throw lastFailure(e, failures);
        }
        token = refreshed.token();
        backOff(refreshed.delay());
      }
    }
  }

  /** One attempt: an injected fault, else the handler's answer, recorded in the call log. */
  private Object attempt(Method target, String operation, Object request) {
    String requestId = world.ids().nextRequestId();
    Optional<AwsFault> fault = faults.take(operation);
    if (fault.isPresent()) {
      AwsError error = dialect.serviceError(fault.get(), operation, world.accountId());
      if (error == null) {
        world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, null));
        throw dialect.clientError(fault.get());
      }
      world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, error.code()));
      throw errors.toException(error, requestId, http(error.status(), requestId));
    }
    try {
      Object response = invoke(target, new Object[] {request});
      world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, null));
      return decorate(response, requestId);
    } catch (AwsError e) {
      world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, e.code()));
      throw errors.toException(e, requestId, http(e.status(), requestId));
    }
  }

  /** The last attempt's exception, with its number of attempts and the earlier attempts' messages suppressed in it, as the SDK reports them. */
  private static SdkException lastFailure(SdkException failure, List<String> failures) {
    SdkException last = failure.toBuilder().numAttempts(failures.size()).build();
    for (int i = 0; i < failures.size() - 1; i++) {
      last.addSuppressed(SdkClientException.builder().message("Request attempt " + (i + 1) + " failure: "
          + failures.get(i)).writableStackTrace(false).build());
    }
    return last;
  }

  private void backOff(Duration delay) {
    if (delay != null && !delay.isNegative() && !delay.isZero()) {
      world.clock().advance(delay);
    }
  }

  /** The error for an operation the testkit does not model. */
  public UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(errors.serviceName() + "." + capitalize(method)
        + " is not modeled by the vpctrain testkit (FakeAws " + service + " client); it models " + modeled()
        + ". Stub this call another way or ask for it to be added.");
  }

  private Optional<Method> find(String method) {
    for (Method m : handler.getClass().getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() <= 1 && !Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() == handler.getClass()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private Object invoke(Method target, Object[] args) {
    try {
      return target.invoke(handler, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("fake " + service + " handler method " + target + " is not accessible", e);
    }
  }

  private Object decorate(Object response, String requestId) {
    if (!(response instanceof AwsResponse)) {
      return response;
    }
    AwsResponse.Builder b = ((AwsResponse) response).toBuilder();
    b.responseMetadata(DefaultAwsResponseMetadata.create(Map.of(AwsHeader.AWS_REQUEST_ID, requestId)));
    b.sdkHttpResponse(http(200, requestId));
    return b.build();
  }

  private SdkHttpResponse http(int status, String requestId) {
    SdkHttpResponse.Builder b = SdkHttpResponse.builder().statusCode(status).statusText(statusText(status));
    if (requestIdHeader != null) {
      b.putHeader(requestIdHeader, requestId);
    }
    return b.build();
  }

  private static String statusText(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 412:
        return "Precondition Failed";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 503:
        return "Service Unavailable";
      default:
        return "Error";
    }
  }

  private String modeled() {
    return String.join(", ", operations());
  }

  /** The operations the handler models, sorted. */
  private SortedSet<String> operations() {
    TreeSet<String> names = new TreeSet<>();
    for (Method m : handler.getClass().getMethods()) {
      if (m.getDeclaringClass() == handler.getClass() && m.getParameterCount() == 1
          && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
        names.add(capitalize(m.getName()));
      }
    }
    return names;
  }

  static String capitalize(String name) {
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
