package dev.vpctrain.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import dev.vpctrain.aws.audit.AuditClients;
import dev.vpctrain.aws.audit.RegionClients;

/**
 * The AWS SDK clients of one command: the region of {@code --region} (else the profile's or the
 * default chain's), the credentials of {@code --profile} (else the default chain), the URL
 * connection HTTP client, and {@code --endpoint-url} when given (as the AWS CLI's). Clients are
 * built on first use and closed with this object. Their credentials pass one {@link CredentialsGate}:
 * after the first credentials failure no client calls AWS again, and {@link #requireCredentials()}
 * throws it. Under {@code --debug} every client also logs its requests and responses ({@link WireLog}).
 */
final class AwsClients implements AutoCloseable {
  /** Attempts of an audit call: the adaptive strategy's rate limiter paces them, so a throttled account waits. */
  static final int AUDIT_ATTEMPTS = 8;

  private final Optional<String> region;
  private final Optional<String> profile;
  private final Optional<URI> endpoint;
  private final List<SdkAutoCloseable> open = new ArrayList<>();
  private CredentialsGate credentials;
  private Optional<WireLog> wireLog;
  private Region resolved;
  private Ec2Client ec2;
  private S3Client s3;
  private EfsClient efs;
  private FSxClient fsx;
  private IamClient iam;
  private KmsClient kms;
  private SageMakerClient sageMaker;
  private CloudWatchClient cloudWatch;
  private CloudWatchLogsClient logs;
  private StsClient sts;
  private OrganizationsClient organizations;

  AwsClients(Optional<String> region, Optional<String> profile, Optional<URI> endpoint) {
    this.region = region;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  /**
   * Throws the {@link CredentialsFailure} of the first call that had no usable credentials (none
   * found, an unknown profile, or a token AWS called expired or unknown); does nothing otherwise.
   */
  synchronized void requireCredentials() {
    if (credentials != null) {
      credentials.check();
    }
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

  /**
   * The IAM client: IAM is global, so it is built for the partition's global region
   * ({@code aws-global}, {@code aws-cn-global}, {@code aws-us-gov-global}) with the same credentials.
   */
  synchronized IamClient iam() {
    if (iam == null) {
      CredentialsGate gate = credentials();
      Optional<WireLog> wire = wireLog();
      IamClientBuilder b = IamClient.builder().region(globalRegion(region())).credentialsProvider(gate)
          .overrideConfiguration(c -> interceptors(c, gate, wire))
          .httpClientBuilder(UrlConnectionHttpClient.builder());
      endpoint.ifPresent(b::endpointOverride);
      iam = track(b.build());
    }
    return iam;
  }

  synchronized KmsClient kms() {
    if (kms == null) {
      kms = track(configure(KmsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return kms;
  }

  /** The global region of {@code r}'s partition, where IAM's endpoint is. */
  static Region globalRegion(Region r) {
    String id = r.id();
    if (id.startsWith("cn-")) {
      return Region.AWS_CN_GLOBAL;
    }
    if (id.startsWith("us-gov-")) {
      return Region.AWS_US_GOV_GLOBAL;
    }
    return Region.AWS_GLOBAL;
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

  /** The STS client of the caller's credentials (the audit's AssumeRole calls). */
  synchronized StsClient sts() {
    if (sts == null) {
      sts = track(configure(StsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }
    return sts;
  }

  /** The Organizations client of the caller's credentials (the audit's account list). */
  synchronized OrganizationsClient organizations() {
    if (organizations == null) {
      organizations = track(configure(OrganizationsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder())
          .build());
    }
    return organizations;
  }

  /**
   * The audit's clients: STS and Organizations of this object, and per account-region SageMaker, EC2 and S3 clients
   * with the assumed role's credentials, the adaptive retry strategy of {@value #AUDIT_ATTEMPTS} attempts (each
   * account's clients slow down when throttled),
   * {@code --endpoint-url} and {@code --debug}'s wire log. The per-region clients are the audit's to close.
   */
  AuditClients auditClients() {
    Optional<WireLog> wire = wireLog();
    return new AuditClients() {
      @Override
      public StsClient sts() {
        return AwsClients.this.sts();
      }

      @Override
      public OrganizationsClient organizations() {
        return AwsClients.this.organizations();
      }

      @Override
      public RegionClients region(AwsCredentialsProvider credentials, String region, ExecutionInterceptor counter) {
        return RegionClients.of(
            regional(SageMakerClient.builder(), credentials, region, counter, wire).build(),
            regional(Ec2Client.builder(), credentials, region, counter, wire).build(),
            regional(S3Client.builder(), credentials, region, counter, wire).crossRegionAccessEnabled(true)
                .forcePathStyle(endpoint.isPresent()).build());
      }
    };
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B regional(B builder,
      AwsCredentialsProvider credentials, String region, ExecutionInterceptor counter, Optional<WireLog> wire) {
    builder.region(Region.of(region)).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> {
          c.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(AUDIT_ATTEMPTS).build())
              .addExecutionInterceptor(counter);
          wire.ifPresent(c::addExecutionInterceptor);
        });
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
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
          CredentialsFailure.profileNotFound(profile).ifPresent(f -> {
            throw f; // the region would have come from the profile that is not there
          });
          throw new UsageException("no AWS region is configured: pass --region (for example --region us-east-1) "
              + "or set one in your AWS profile");
        }
      }
    }
    return resolved;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    CredentialsGate gate = credentials();
    Optional<WireLog> wire = wireLog();
    builder.region(region()).credentialsProvider(gate).overrideConfiguration(c -> interceptors(c, gate, wire));
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  /** The credentials gate, then the wire log if there is one. */
  private static void interceptors(ClientOverrideConfiguration.Builder c, CredentialsGate gate, Optional<WireLog> wire) {
    c.addExecutionInterceptor(gate);
    wire.ifPresent(c::addExecutionInterceptor);
  }

  /** The wire log of {@code --debug}, looked up when the first client is built. */
  private synchronized Optional<WireLog> wireLog() {
    if (wireLog == null) {
      wireLog = WireLog.ifDebug();
    }
    return wireLog;
  }

  /**
   * The credentials of every client: {@code --profile}'s, else the default chain's, behind one gate.
   * First of all, the AWS config and credentials files must parse (the clients read them too).
   */
  private synchronized CredentialsGate credentials() {
    if (credentials == null) {
      CredentialsFailure.unreadableProfileFiles().ifPresent(f -> {
        throw f;
      });
      credentials = new CredentialsGate(profile.<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
          .orElseGet(() -> DefaultCredentialsProvider.builder().build()), profile);
    }
    return credentials;
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
