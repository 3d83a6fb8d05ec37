package dev.vpctrain.aws.testing;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
    return Ec2Client.builder()
        .endpointOverride(URI.create(baseUrl))
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(config)
        .build();
  }

  public static S3Client s3(String baseUrl) {
    return s3(baseUrl, fast());
  }

  public static S3Client s3(String baseUrl, ClientOverrideConfiguration config) {
    return S3Client.builder()
        .endpointOverride(URI.create(baseUrl))
        .forcePathStyle(true)
        .region(REGION)
        .credentialsProvider(credentials())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(config)
        .build();
  }

  public static EfsClient efs(String baseUrl) {
    return EfsClient.builder()
        .endpointOverride(URI.create(baseUrl))
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(fast())
        .build();
  }

  public static FSxClient fsx(String baseUrl) {
    return FSxClient.builder()
        .endpointOverride(URI.create(baseUrl))
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(fast())
        .build();
  }

  /** The global IAM client ({@code Region.AWS_GLOBAL}, as the partition's endpoint is built). */
  public static IamClient iam(String baseUrl) {
    return IamClient.builder()
        .endpointOverride(URI.create(baseUrl))
        .region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(fast())
        .build();
  }

  public static KmsClient kms(String baseUrl) {
    return KmsClient.builder()
        .endpointOverride(URI.create(baseUrl))
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(fast())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKEFAKE", "fake-secret-key"));
  }
}
