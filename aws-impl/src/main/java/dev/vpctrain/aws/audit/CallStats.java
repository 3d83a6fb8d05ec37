package dev.vpctrain.aws.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts an audit's calls: one per execution, the attempts beyond the first (the retry strategy's retries), and the
 * attempts AWS answered with a throttling error, read from the error answer's status and body
 * ({@code ThrottlingException}, {@code Throttling}, {@code RequestLimitExceeded}, {@code SlowDown}, 429). Error
 * bodies are small; they are read once and handed on unchanged. Thread-safe.
 */
final class CallStats implements ExecutionInterceptor {
  private static final int PEEK = 4096;

  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder throttles = new LongAdder();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.increment();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts.increment();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    Optional<InputStream> body = context.responseBody();
    if (status < 400) {
      return body;
    }
    if (status == 429) {
      throttles.increment();
      return body;
    }
    if (body.isEmpty()) {
      return body;
    }
    byte[] bytes;
    try (InputStream in = body.get()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, PEEK), StandardCharsets.UTF_8);
    if (isThrottling(head)) {
      throttles.increment();
    }
    return Optional.of(new ByteArrayInputStream(bytes));
  }

  static boolean isThrottling(String errorBody) {
    return errorBody.contains("Throttling") || errorBody.contains("RequestLimitExceeded")
        || errorBody.contains("SlowDown") || errorBody.contains("TooManyRequestsException");
  }

  long calls() {
    return calls.sum();
  }

  long retries() {
    return Math.max(0, attempts.sum() - calls.sum());
  }

  long throttles() {
    return throttles.sum();
  }
}
