package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile that signs in through IAM Identity Center: with the cached token {@code aws sso login} leaves
 * in {@code ~/.aws/sso/cache}, the CLI gets the role's credentials from the SSO portal (GetRoleCredentials,
 * REST-JSON with the {@code x-amz-sso_bearer_token} header) and reads the account with them. In a new JVM,
 * since the SDK finds the cache under {@code HOME}.
 */
class SsoProfileTest {
  private static final String START_URL = "https://acme.awsapps.com/start";

  @RegisterExtension
  static WireMockExtension sso = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path home;

  @Test
  void anSsoProfileWithALoggedInSessionReadsTheAccount() throws Exception {
    Path aws = Files.createDirectories(home.resolve(".aws/sso/cache"));
    Files.writeString(home.resolve(".aws/config"), "[profile ml]\nregion = us-east-1\nsso_start_url = " + START_URL
        + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = MlEngineer\n");
    String cacheFile = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(START_URL.getBytes(StandardCharsets.UTF_8))) + ".json";
    Files.writeString(aws.resolve(cacheFile), "{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", "
        + "\"accessToken\": \"cached-portal-token\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
    sso.stubFor(get(urlPathEqualTo("/federation/credentials")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"roleCredentials\": {\"accessKeyId\": \"ASIAFAKEFAKEFAKEFAKE\", \"secretAccessKey\": \"fake\", "
            + "\"sessionToken\": \"fake-session\", \"expiration\": 4070908800000}}")));

    try (FakeAwsServer server = FakeAwsServer.start(Networks.account(Networks.goldenWithNoise()))) {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Daws.endpointUrl=" + server.baseUrl(), "-Daws.endpointUrlSso=" + sso.baseUrl(),
          "-Daws.disableEc2Metadata=true",
          "dev.vpctrain.cli.Main", "snapshot", "--vpc", Networks.VPC, "--profile", "ml");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(home.resolve("out").toFile())
          .redirectError(home.resolve("err").toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      pb.environment().put("HOME", home.toString());
      Process p = pb.start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(home.resolve("out"));
      String err = Files.readString(home.resolve("err"));

      assertThat(p.exitValue()).as("exit\n%s\n%s", out, err).isZero();
      assertThat(out).contains(Networks.VPC);
      sso.verify(getRequestedFor(urlPathEqualTo("/federation/credentials"))
          .withQueryParam("account_id", equalTo("123456789012")).withQueryParam("role_name", equalTo("MlEngineer"))
          .withHeader("x-amz-sso_bearer_token", equalTo("cached-portal-token")));
    }
  }
}
