package dev.vpctrain.aws.testing;

import dev.vpctrain.aws.audit.AuditClients;
import dev.vpctrain.aws.audit.RegionClients;
import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The audit's clients on one loopback endpoint (a simulated organisation): the management account's static
 * credentials for STS and Organizations, per account-region SageMaker, EC2 and S3 clients with the assumed
 * credentials, {@code UrlConnectionHttpClient}, path-style S3, and the override configuration given (retries).
 */
public final class LoopbackAuditClients implements AuditClients {
  private final URI endpoint;
  private final Consumer<ClientOverrideConfiguration.Builder> config;
  private final StsClient sts;
  private final OrganizationsClient organizations;

  /**
   * @param endpoint the loopback endpoint
   * @param config the override configuration of every client (retry strategy, timeouts)
   */
  public LoopbackAuditClients(URI endpoint, Consumer<ClientOverrideConfiguration.Builder> config) {
    this.endpoint = endpoint;
    this.config = config;
    AwsCredentialsProvider management = StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDMANAGEMENT", "management-secret"));
    this.sts = build(StsClient.builder(), management, "us-east-1", null).build();
    this.organizations = build(OrganizationsClient.builder(), management, "us-east-1", null).build();
  }

  /** Clients with the fast retries of {@link AwsTestClients#fast()}. */
  public static LoopbackAuditClients fast(URI endpoint) {
    ClientOverrideConfiguration fast = AwsTestClients.fast();
    return new LoopbackAuditClients(endpoint, c -> c.retryStrategy(fast.retryStrategy().orElseThrow())
        .apiCallAttemptTimeout(fast.apiCallAttemptTimeout().orElseThrow()));
  }

  @Override
  public StsClient sts() {
    return sts;
  }

  @Override
  public OrganizationsClient organizations() {
    return organizations;
  }

  @Override
  public RegionClients region(AwsCredentialsProvider credentials, String region, ExecutionInterceptor interceptor) {
    return RegionClients.of(build(SageMakerClient.builder(), credentials, region, interceptor).build(),
        build(Ec2Client.builder(), credentials, region, interceptor).build(),
        build(S3Client.builder().forcePathStyle(true).crossRegionAccessEnabled(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), credentials, region, interceptor)
            .build());
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B build(B builder,
      AwsCredentialsProvider credentials, String region, ExecutionInterceptor interceptor) {
    return builder.endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> {
          config.accept(c);
          if (interceptor != null) {
            c.addExecutionInterceptor(interceptor);
          }
        });
  }

  /** Closes the management account's clients. */
  public void close() {
    sts.close();
    organizations.close();
  }
}
