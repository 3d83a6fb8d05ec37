package dev.vpctrain.cli;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients of one command: region from {@code --region} (else the default chain, which
 * reads {@code AWS_REGION} and the profile), credentials from {@code --profile} (else the default
 * chain), the SDK's standard retries, and bounded timeouts. Endpoint overrides configured the SDK
 * way ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl}) apply.
 */
final class AwsClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final String region;
  private final Ec2Client ec2;
  private final S3Client s3;

  private AwsClients(Optional<String> region, Optional<String> profile) {
    this.region = region.orElseGet(() -> defaultRegion(profile));
    AwsCredentialsProvider credentials = profile
        .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    ClientOverrideConfiguration config = ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(Duration.ofSeconds(20))
        .apiCallTimeout(Duration.ofSeconds(60))
        .build();
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(20))
        .build();
    Region r = Region.of(this.region);
    this.ec2 = Ec2Client.builder().region(r).credentialsProvider(credentials).httpClient(http)
        .overrideConfiguration(config).build();
    this.s3 = S3Client.builder().region(r).credentialsProvider(credentials).httpClient(http)
        .crossRegionAccessEnabled(true).overrideConfiguration(config).build();
  }

  static AwsClients create(Optional<String> region, Optional<String> profile) {
    return new AwsClients(region, profile);
  }

  String region() {
    return region;
  }

  Ec2Client ec2() {
    return ec2;
  }

  S3Client s3() {
    return s3;
  }

  LiveNetworkDiscovery discovery() {
    return LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).region(region).build();
  }

  /**
   * Throws when the snapshot could not see the network at all: the calls that find it (the job's
   * subnets and security groups, or the VPC) all failed. The message lists what failed and why.
   */
  static NetworkSnapshot requireNetwork(NetworkSnapshot s, List<Section> finders) {
    boolean seen = finders.stream().anyMatch(s::has);
    if (seen) {
      return s;
    }
    List<CaptureError> why = s.errors().stream()
        .filter(e -> finders.stream().anyMatch(f -> f.operation().equals(e.operation())))
        .collect(Collectors.toList());
    if (why.isEmpty()) {
      return s;
    }
    throw SdkClientException.create("could not describe the network: " + why.stream()
        .map(e -> e.operation() + " failed (" + e.code() + ": " + e.message() + ")")
        .collect(Collectors.joining("; ")));
  }

  private static String defaultRegion(Optional<String> profile) {
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      profile.ifPresent(chain::profileName);
      return chain.build().getRegion().id();
    } catch (SdkClientException e) {
      throw new UsageException("no AWS region is configured: pass --region (for example --region us-east-1), "
          + "or set AWS_REGION or a region in the profile.");
    }
  }

  @Override
  public void close() {
    ec2.close();
    s3.close();
    http.close();
  }
}
