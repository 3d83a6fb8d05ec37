package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.network.CaptureError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs read calls on an executor and keeps what failed: a failed call yields an empty result and a
 * {@link CaptureError}; nothing is thrown.
 */
final class Calls {
  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  private final Executor executor;
  private final List<CaptureError> errors = Collections.synchronizedList(new ArrayList<>());

  Calls(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code work}, named {@code operation} (for example {@code ec2:DescribeSubnets}). */
  <T> CompletableFuture<Optional<T>> start(String operation, Supplier<T> work) {
    return start(operation, "", work);
  }

  /** Runs {@code work} about {@code resource} (a bucket for S3 calls). */
  <T> CompletableFuture<Optional<T>> start(String operation, String resource, Supplier<T> work) {
    return CompletableFuture.supplyAsync(() -> attempt(operation, resource, work), executor);
  }

  /** A result that is known to be "not called". */
  static <T> CompletableFuture<Optional<T>> skipped() {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  private <T> Optional<T> attempt(String operation, String resource, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      T value = work.get();
      LOG.debug("{} {} took {} ms", operation, resource, (System.nanoTime() - start) / 1_000_000);
      return Optional.of(value);
    } catch (SdkException e) {
      CaptureError error = Failures.of(operation, resource, e);
      LOG.warn("{} {} failed: {} {}", operation, resource, error.code(), error.message());
      LOG.debug("{} {} failure", operation, resource, e);
      errors.add(error);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("{} {} returned a response that could not be read", operation, resource, e);
      errors.add(Failures.malformed(operation, resource, e));
      return Optional.empty();
    }
  }

  /** Records a failure found in an answer (not thrown by the call). */
  void record(CaptureError error) {
    LOG.warn("{} {} failed: {} {}", error.operation(), error.resource(), error.code(), error.message());
    errors.add(error);
  }

  /** The failures so far, in a stable order, one per operation, resource and code. */
  List<CaptureError> errors() {
    Map<String, CaptureError> unique = new LinkedHashMap<>();
    synchronized (errors) {
      errors.stream()
          .sorted(Comparator.comparing(CaptureError::operation).thenComparing(CaptureError::resource)
              .thenComparing(CaptureError::code).thenComparing(CaptureError::message))
          .forEach(e -> unique.putIfAbsent(e.operation() + "|" + e.resource() + "|" + e.code(), e));
    }
    return new ArrayList<>(unique.values());
  }
}
