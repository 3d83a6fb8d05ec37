package dev.vpctrain.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --region}, {@code --profile} and {@code --endpoint-url} of the commands that call AWS. */
final class AwsOptions {
  @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the profile's or the environment's).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "AWS CLI profile for credentials (default: the default chain).")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send every AWS call to this URL instead of the regional endpoints (as the AWS CLI's option).")
  String endpointUrl;

  AwsClients clients() {
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
    return new AwsClients(Optional.ofNullable(region), Optional.ofNullable(profile), endpoint);
  }
}
