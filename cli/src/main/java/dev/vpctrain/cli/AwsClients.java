package dev.vpctrain.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK clients of one command: the region of {@code --region} (else the profile's or the
 * default chain's), the credentials of {@code --profile} (else the default chain), the URL
 * connection HTTP client, and {@code --endpoint-url} when given (as the AWS CLI's). Clients are
 * built on first use and closed with this object.
 */
final class AwsClients implements AutoCloseable {
  private final Optional<String> region;
  private final Optional<String> profile;
  private final Optional<URI> endpoint;
  private final List<SdkAutoCloseable> open = new ArrayList<>();
  private Region resolved;
  private Ec2Client ec2;
  private S3Client s3;
  private EfsClient efs;
  private FSxClient fsx;
  private SageMakerClient sageMaker;
  private CloudWatchClient cloudWatch;
  private CloudWatchLogsClient logs;
  private IamClient iam;

  AwsClients(Optional<String> region, Optional<String> profile, Optional<URI> endpoint) {
    this.region = region;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  synchronized Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = track(configure(Ec2Client.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return ec2;
  }

  synchronized S3Client s3() {
    if (s3 == null) {
      s3 = track(configure(S3Client.builder()).httpClientBuilder(UrlConnectionHttpClient.builder())
          .crossRegionAccessEnabled(true).forcePathStyle(endpoint.isPresent()).build());
    }
    return s3;
  }

  synchronized EfsClient efs() {
    if (efs == null) {
      efs = track(configure(EfsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return efs;
  }

  synchronized FSxClient fsx() {
    if (fsx == null) {
      fsx = track(configure(FSxClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return fsx;
  }

  synchronized SageMakerClient sageMaker() {
    if (sageMaker == null) {
      sageMaker = track(configure(SageMakerClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return sageMaker;
  }

  synchronized CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch = track(configure(CloudWatchClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return cloudWatch;
  }

  synchronized CloudWatchLogsClient logs() {
    if (logs == null) {
      logs = track(configure(CloudWatchLogsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return logs;
  }

  /** IAM on its global endpoint: {@code aws-global} (or the China / GovCloud global region of the job's partition). */
  synchronized IamClient iam() {
    if (iam == null) {
      String r = region().id();
      Region global = r.startsWith("cn-") ? Region.AWS_CN_GLOBAL
          : r.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
      IamClientBuilder b = IamClient.builder().region(global).credentialsProvider(credentials())
          .httpClientBuilder(UrlConnectionHttpClient.builder());
      endpoint.ifPresent(b::endpointOverride);
      iam = track(b.build());
    }
    return iam;
  }

  /** The region the clients use. */
  synchronized Region region() {
    if (resolved == null) {
      if (region.isPresent()) {
        resolved = Region.of(region.get());
      } else {
        try {
          resolved = profile.map(p -> DefaultAwsRegionProviderChain.builder().profileName(p).build())
              .orElseGet(DefaultAwsRegionProviderChain::new).getRegion();
        } catch (SdkClientException e) {
          throw new UsageException("no AWS region is configured: pass --region (for example --region us-east-1) "
              + "or set one in your AWS profile");
        }
      }
    }
    return resolved;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.region(region()).credentialsProvider(credentials());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    return profile.<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  private <T extends SdkAutoCloseable> T track(T client) {
    open.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    open.forEach(SdkAutoCloseable::close);
    open.clear();
  }
}
