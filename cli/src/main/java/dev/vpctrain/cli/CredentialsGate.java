package dev.vpctrain.cli;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The credentials of one command's AWS clients, and the stop after the first credentials failure:
 * when none can be resolved, or AWS answers a call with an expired or unknown token, the
 * {@link CredentialsFailure} is kept and every later call of every client fails with it at once,
 * without resolving again or calling AWS. The command then reports it once ({@link #check()}).
 * Both a credentials provider and an execution interceptor of the clients.
 */
final class CredentialsGate implements AwsCredentialsProvider, ExecutionInterceptor {
  private final AwsCredentialsProvider delegate;
  private final Optional<String> profile;
  private CredentialsFailure failure;

  /**
   * @param delegate the provider that resolves the credentials (the default chain, or the profile's)
   * @param profile the {@code --profile} given, for the message
   */
  CredentialsGate(AwsCredentialsProvider delegate, Optional<String> profile) {
    this.delegate = delegate;
    this.profile = profile;
  }

  @Override
  public synchronized AwsCredentials resolveCredentials() {
    if (failure != null) {
      throw failure;
    }
    try {
      return delegate.resolveCredentials();
    } catch (RuntimeException e) {
      // the chain found nothing, or a profile cannot give credentials (missing, incomplete, needs a module, an SSO
      // profile whose cached session is missing or expired: an UncheckedIOException or an SdkClientException)
      failure = CredentialsFailure.unresolved(profile, e);
      throw failure;
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
    if (context.exception() instanceof AwsServiceException) {
      CredentialsFailure.rejected((AwsServiceException) context.exception(), profile).ifPresent(this::fail);
    }
  }

  private synchronized void fail(CredentialsFailure f) {
    if (failure == null) {
      failure = f;
    }
  }

  /** Throws the first credentials failure of any call so far; does nothing when there was none. */
  synchronized void check() {
    if (failure != null) {
      throw failure;
    }
  }
}
