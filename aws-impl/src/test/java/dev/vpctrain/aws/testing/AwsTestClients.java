package dev.vpctrain.aws.testing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Real SDK clients pointed at a loopback server: static credentials, explicit region, fast retries. */
public final class AwsTestClients {
  public static final Region REGION = Region.US_EAST_1;

  private AwsTestClients() {}

  /** Three attempts, 10 ms apart, a 5 s attempt timeout. */
  public static ClientOverrideConfiguration fast() {
    return fast(Duration.ofSeconds(5), 3);
  }

  public static ClientOverrideConfiguration fast(Duration attemptTimeout, int maxAttempts) {
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
        .circuitBreakerEnabled(false)
        .build();
    return ClientOverrideConfiguration.builder()
        .retryStrategy(retry)
        .apiCallAttemptTimeout(attemptTimeout)
        .build();
  }

  public static Ec2Client ec2(String baseUrl) {
    return ec2(baseUrl, fast());
  }

  public static Ec2Client ec2(String baseUrl, ClientOverrideConfiguration config) {
    return loopback(Ec2Client.builder(), baseUrl, REGION, config);
  }

  public static S3Client s3(String baseUrl) {
    return s3(baseUrl, fast());
  }

  public static S3Client s3(String baseUrl, ClientOverrideConfiguration config) {
    return loopback(S3Client.builder().forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), baseUrl, REGION, config);
  }

  public static EfsClient efs(String baseUrl) {
    return loopback(EfsClient.builder(), baseUrl, REGION, fast());
  }

  public static FSxClient fsx(String baseUrl) {
    return loopback(FSxClient.builder(), baseUrl, REGION, fast());
  }

  /** The global IAM client ({@code Region.AWS_GLOBAL}, as the partition's endpoint is built). */
  public static IamClient iam(String baseUrl) {
    return loopback(IamClient.builder(), baseUrl, Region.AWS_GLOBAL, fast());
  }

  public static KmsClient kms(String baseUrl) {
    return loopback(KmsClient.builder(), baseUrl, REGION, fast());
  }

  /** {@code builder} pointed at {@code baseUrl} with static credentials, {@code region} and the URL-connection client. */
  private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C loopback(B builder,
      String baseUrl, Region region, ClientOverrideConfiguration config) {
    return builder
        .endpointOverride(URI.create(baseUrl))
        .region(region)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(config)
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKEFAKE", "fake-secret-key"));
  }
}
