package dev.vpctrain.cli;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The EC2 and S3 clients of a {@code --live} command, for {@code --region} and {@code --profile}
 * (else the SDK's default chains). The only place vpctrain creates AWS clients.
 */
final class AwsClients implements AutoCloseable {
  /** Creates the clients; tests replace it to point them at a loopback server. */
  interface Factory {
    AwsClients create(Optional<String> region, Optional<String> profile);
  }

  /** The real SDK clients. */
  static final Factory SDK = AwsClients::sdk;

  static Factory factory = SDK;

  final Ec2Client ec2;
  final S3Client s3;
  final String region;

  AwsClients(Ec2Client ec2, S3Client s3, String region) {
    this.ec2 = ec2;
    this.s3 = s3;
    this.region = region;
  }

  static AwsClients create(Optional<String> region, Optional<String> profile) {
    return factory.create(region, profile);
  }

  private static AwsClients sdk(Optional<String> region, Optional<String> profile) {
    Region r = Region.of(region.orElseGet(() -> defaultRegion(profile)));
    AwsCredentialsProvider credentials = profile.isPresent()
        ? ProfileCredentialsProvider.create(profile.get())
        : DefaultCredentialsProvider.builder().build();
    Ec2Client ec2 = Ec2Client.builder().region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
    S3Client s3 = S3Client.builder().region(r).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
    return new AwsClients(ec2, s3, r.id());
  }

  private static String defaultRegion(Optional<String> profile) {
    try {
      DefaultAwsRegionProviderChain.Builder b = DefaultAwsRegionProviderChain.builder();
      profile.ifPresent(b::profileName);
      return b.build().getRegion().id();
    } catch (SdkClientException e) {
      throw new UsageException("no AWS region: give --region, or set AWS_REGION or a region in the AWS CLI profile.");
    }
  }

  @Override
  public void close() {
    ec2.close();
    s3.close();
  }
}
