package dev.vpctrain.aws.wire;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Real SDK clients pointed at WireMock on loopback: static credentials, fixed region, fast retries. */
final class Clients {
  static final int MAX_ATTEMPTS = 3;

  private Clients() {}

  static SageMakerClient sageMaker(String baseUrl) {
    return configure(SageMakerClient.builder(), baseUrl, Duration.ofSeconds(5)).build();
  }

  static SageMakerClient sageMaker(String baseUrl, Duration readTimeout) {
    return configure(SageMakerClient.builder(), baseUrl, readTimeout).build();
  }

  static CloudWatchLogsClient logs(String baseUrl) {
    return configure(CloudWatchLogsClient.builder(), baseUrl, Duration.ofSeconds(5)).build();
  }

  static CloudWatchClient cloudWatch(String baseUrl) {
    return configure(CloudWatchClient.builder(), baseUrl, Duration.ofSeconds(5)).build();
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String baseUrl,
      Duration readTimeout) {
    return builder
        .endpointOverride(URI.create(baseUrl))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(readTimeout).connectionTimeout(Duration.ofSeconds(2)).build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(MAX_ATTEMPTS)
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
            .circuitBreakerEnabled(false)
            .build()));
  }
}
