package dev.vpctrain.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --region}, {@code --profile} (from {@link RegionProfileOptions}) and {@code --endpoint-url} of
 * the commands that always call AWS: {@code launch}, {@code watch} and {@code snapshot}. A picocli mixin.
 */
final class AwsOptions {
  @Mixin
  RegionProfileOptions account = new RegionProfileOptions();

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send every AWS call to this URL instead of the regional endpoints (as the AWS CLI's option).")
  String endpointUrl;

  AwsClients clients() {
    return clients(Optional.empty());
  }

  /** The clients, in {@code defaultRegion} unless {@code --region} says another. */
  AwsClients clients(Optional<String> defaultRegion) {
    Optional<URI> endpoint = Optional.empty();
    if (endpointUrl != null) {
      try {
        URI uri = new URI(endpointUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new URISyntaxException(endpointUrl, "expected http(s)://host[:port]");
        }
        endpoint = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw new UsageException("--endpoint-url: expected a URL such as https://sagemaker.us-east-1.amazonaws.com but was '"
            + endpointUrl + "'");
      }
    }
    return new AwsClients(account.region().or(() -> defaultRegion), account.profile(), endpoint);
  }
}
