package dev.vpctrain.testkit.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vpctrain.testkit.AwsFault;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;

/**
 * The fakes' faults agree with what real SDK clients make of the services' wire answers (served on
 * loopback): same exception class, error code, status, message, attempt count and, under the same
 * retry strategy, the same number of attempts.
 */
class FaultAgreementTest {
  static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  private static void answer(int status, String contentType, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
        .withHeader("x-amzn-RequestId", "req-1").withHeader("x-amz-request-id", "req-1").withBody(body)));
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C real(B builder,
      RetryStrategy retry) {
    return builder.endpointOverride(URI.create(server.baseUrl())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(retry))
        .build();
  }

  private static FakeAws fake(RetryStrategy retry, Consumer<FakeAws> faults) {
    FakeAws aws = FakeAws.builder().scenario(Scenarios.readyPrivateEndpoints()).retryStrategy(retry).build();
    faults.accept(aws);
    return aws;
  }

  private static void assertSame(SdkException real, SdkException fake) {
    assertThat(fake).isExactlyInstanceOf(real.getClass());
    assertThat(fake.numAttempts()).isEqualTo(real.numAttempts());
    assertThat(fake.retryable()).isEqualTo(real.retryable());
    if (real instanceof AwsServiceException) {
      AwsServiceException r = (AwsServiceException) real;
      AwsServiceException f = (AwsServiceException) fake;
      assertThat(f.awsErrorDetails().errorCode()).isEqualTo(r.awsErrorDetails().errorCode());
      assertThat(f.awsErrorDetails().errorMessage()).isEqualTo(r.awsErrorDetails().errorMessage());
      assertThat(f.awsErrorDetails().serviceName()).isEqualTo(r.awsErrorDetails().serviceName());
      assertThat(f.statusCode()).isEqualTo(r.statusCode());
      assertThat(f.isThrottlingException()).isEqualTo(r.isThrottlingException());
      assertThat(f.getMessage().replace(f.requestId(), "ID")).isEqualTo(r.getMessage().replace(r.requestId(), "ID"));
    } else {
      assertThat(fake.getMessage()).isEqualTo(real.getMessage());
    }
  }

  private static <T extends SdkException> T thrown(Runnable call, Class<T> type) {
    return catchThrowableOfType(call::run, type);
  }

  @Test
  void ec2Throttling() {
    answer(503, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
        + "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>"
        + "<RequestID>req-1</RequestID></Response>");
    Function<Ec2Client, Runnable> call = c -> () -> c.describeSubnets(DescribeSubnetsRequest.builder().build());
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build();
    try (Ec2Client real = real(Ec2Client.builder(), retry)) {
      SdkException r = thrown(call.apply(real), SdkException.class);
      FakeAws aws = fake(retry, a -> a.ec2().failAlways("DescribeSubnets", AwsFault.throttling()));
      SdkException f = thrown(call.apply(aws.ec2Client()), SdkException.class);

      assertSame(r, f);
      assertThat(server.getAllServeEvents()).hasSize(3);
      assertThat(aws.calls("ec2:DescribeSubnets")).hasSize(3);
    }
  }

  @Test
  void sageMakerThrottling() {
    answer(400, "application/x-amz-json-1.1", "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    Function<SageMakerClient, Runnable> call = c -> () -> c.listTrainingJobs(ListTrainingJobsRequest.builder().build());
    RetryStrategy retry = AwsRetryStrategy.doNotRetry();
    try (SageMakerClient real = real(SageMakerClient.builder(), retry)) {
      SdkException r = thrown(call.apply(real), SdkException.class);
      SdkException f = thrown(call.apply(fake(retry, a -> a.sageMaker().failNext("ListTrainingJobs",
          AwsFault.throttling())).sageMakerClient()), SdkException.class);

      assertSame(r, f);
    }
  }

  @Test
  void s3AccessDenied() {
    answer(403, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
        + "<Message>Access Denied</Message><RequestId>req-1</RequestId><HostId>h</HostId></Error>");
    Function<S3Client, Runnable> call = c -> () -> c.getBucketLocation(
        GetBucketLocationRequest.builder().bucket("training-data").build());
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy();
    try (S3Client real = real(S3Client.builder().forcePathStyle(true), retry)) {
      SdkException r = thrown(call.apply(real), SdkException.class);
      SdkException f = thrown(call.apply(fake(retry, a -> a.s3().failAlways("GetBucketLocation",
          AwsFault.accessDenied())).s3Client()), SdkException.class);

      assertSame(r, f);
      assertThat(server.getAllServeEvents()).hasSize(1);
    }
  }

  @Test
  void ec2MalformedResponse() {
    answer(200, "text/xml", "<DescribeSubnetsResponse><subnetSet><item>");
    Function<Ec2Client, Runnable> call = c -> () -> c.describeSubnets(DescribeSubnetsRequest.builder().build());
    RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy();
    try (Ec2Client real = real(Ec2Client.builder(), retry)) {
      SdkException r = thrown(call.apply(real), SdkClientException.class);
      SdkException f = thrown(call.apply(fake(retry, a -> a.ec2().failAlways("DescribeSubnets",
          AwsFault.malformedResponse())).ec2Client()), SdkClientException.class);

      assertSame(r, f);
      assertThat(f.getCause()).isExactlyInstanceOf(r.getCause().getClass());
    }
  }
}
