package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vpctrain.aws.testing.Ec2Xml;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * No credentials, an unknown profile, or credentials AWS calls expired: one line on stderr saying what
 * to set, exit code 69, and no call after the first that failed for it. The CLI runs in-process with
 * empty AWS config and credentials files (the SDK's {@code aws.configFile} and
 * {@code aws.sharedCredentialsFile}, as {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}),
 * the instance metadata service off, and every AWS endpoint pointed at WireMock.
 */
class CredentialErrorsTest {
  private static final String XML = "text/xml;charset=UTF-8";
  private static final String JSON = "application/x-amz-json-1.1";
  private static final List<String> PROPERTIES = List.of("aws.configFile", "aws.sharedCredentialsFile",
      "aws.disableEc2Metadata", "aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
      "aws.profile", "aws.region");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  private final Map<String, String> saved = new HashMap<>();
  private Path config;

  @BeforeEach
  void emptyEnvironment() throws Exception {
    for (String env : List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
      assumeTrue(System.getenv(env) == null, env + " is set in the test's environment");
    }
    for (String p : PROPERTIES) {
      saved.put(p, System.getProperty(p));
      System.clearProperty(p);
    }
    config = Files.writeString(dir.resolve("config"), "");
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", Files.writeString(dir.resolve("credentials"), "").toString());
    System.setProperty("aws.disableEc2Metadata", "true");
    System.setProperty("aws.endpointUrl", wm.baseUrl());
  }

  @AfterEach
  void restore() {
    saved.forEach((p, v) -> {
      if (v == null) {
        System.clearProperty(p);
      } else {
        System.setProperty(p, v);
      }
    });
  }

  private static void staticCredentials() {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fake-secret-key");
  }

  private Path example(String file) throws Exception {
    return Files.writeString(dir.resolve(file), Examples.file("ready-private-endpoints", file).orElseThrow());
  }

  /** Exit 69, nothing on stdout, exactly one short line on stderr; returns that line. */
  private static String oneLine(Cli r) {
    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.AWS_UNAVAILABLE);
    assertThat(r.out).as(r.toString()).isEmpty();
    assertThat(r.err.lines()).as(r.toString()).hasSize(1);
    assertThat(r.err).as(r.toString()).startsWith("vpctrain: ").endsWith("\n").doesNotContain("Exception:").doesNotContain("\tat ")
        .doesNotContain("Unable to load credentials");
    assertThat(r.err.length()).as(r.toString()).isLessThan(300); // with the test's long temporary paths
    return r.err.strip();
  }

  private List<String[]> liveCommands() throws Exception {
    String job = example("job.json").toString();
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"check", "--job", job, "--live", "--region", "us-west-2"});
    commands.add(new String[] {"snapshot", "--job", job, "--region", "us-west-2"});
    commands.add(new String[] {"plan", "--job", job, "--live", "--region", "us-west-2"});
    commands.add(new String[] {"apply", "--job", job, "--live", "--region", "us-west-2"});
    commands.add(new String[] {"launch", "--job", job, "--region", "us-west-2", "--plain"});
    commands.add(new String[] {"launch", "--job", job, "--network", example("network.json").toString(),
        "--region", "us-west-2", "--plain"});
    commands.add(new String[] {"watch", "llama3-8b-finetune", "--region", "us-west-2", "--plain"});
    return commands;
  }

  @Test
  void withoutCredentialsEveryLiveCommandSaysSoInOneLineAndCallsNothing() throws Exception {
    for (String[] args : liveCommands()) {
      String line = oneLine(Cli.run(args));

      assertThat(line).as(String.join(" ", args)).isEqualTo("vpctrain: no AWS credentials found: pass --profile NAME "
          + "or set AWS_PROFILE (after 'aws sso login' for an SSO profile), or set AWS_ACCESS_KEY_ID and "
          + "AWS_SECRET_ACCESS_KEY.");
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent without credentials").isEmpty();
  }

  @Test
  void anUnknownProfileIsNamedWithWhereItCameFrom() throws Exception {
    String job = example("job.json").toString();

    // no --region: the region would come from the profile, which is not there
    String line = oneLine(Cli.run("check", "--job", job, "--live", "--profile", "vpctrian"));
    assertThat(line).startsWith("vpctrain: AWS profile 'vpctrian' (from --profile) is not in " + config)
        .contains("'aws configure --profile vpctrian'", "--profile or AWS_PROFILE");

    System.setProperty("aws.profile", "staging");
    line = oneLine(Cli.run("snapshot", "--job", job, "--region", "us-west-2"));
    assertThat(line).startsWith("vpctrain: AWS profile 'staging' (from aws.profile) is not in ");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aProfileWithoutCredentialsAndAnSsoProfileSayWhatToRun() throws Exception {
    Files.writeString(config, "[profile dev]\nregion = us-west-2\n\n[profile sso]\nregion = us-west-2\n"
        + "sso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\n"
        + "sso_role_name = MlEngineer\n");
    String job = example("job.json").toString();

    assertThat(oneLine(Cli.run("check", "--job", job, "--live", "--profile", "dev")))
        .isEqualTo("vpctrain: AWS profile 'dev' (from --profile) has no credentials: run 'aws sso login --profile dev' "
            + "(SSO) or 'aws configure --profile dev', or choose another profile with --profile or AWS_PROFILE.");
    assertThat(oneLine(Cli.run("check", "--job", job, "--live", "--profile", "sso")))
        .isEqualTo("vpctrain: AWS profile 'sso' (from --profile) signs in through IAM Identity Center (SSO) and has "
            + "no valid session: run 'aws sso login --profile sso', or choose another profile with --profile or "
            + "AWS_PROFILE.");
  }

  @Test
  void aProfileTheSdkIgnoresAndAConfigFileItCannotParseAreNamed() throws Exception {
    String job = example("job.json").toString();
    Files.writeString(config, "[dev]\nregion = us-west-2\n");

    assertThat(oneLine(Cli.run("check", "--job", job, "--live", "--profile", "dev"))).isEqualTo("vpctrain: AWS "
        + "profile 'dev' (from --profile) is written [dev] in " + config + ", where it must be [profile dev]: rename "
        + "the section, or choose another profile with --profile or AWS_PROFILE.");

    staticCredentials();
    Files.writeString(config, "[profile dev]\nregion = us-west-2\nthis line has no equals sign\n");
    assertThat(oneLine(Cli.run("check", "--job", job, "--live", "--region", "us-west-2")))
        .startsWith("vpctrain: cannot read the AWS config file " + config + ": ")
        .endsWith(" Fix the file, or point AWS_CONFIG_FILE at another one.");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void anExpiredTokenStopsTheDiscoveryWithOneLine() throws Exception {
    staticCredentials();
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", XML)
        .withBody(Ec2Xml.error("ExpiredToken", "The provided token has expired."))));
    String job = example("job.json").toString();

    for (String[] args : List.of(new String[] {"check", "--job", job, "--live", "--region", "us-west-2"},
        new String[] {"snapshot", "--job", job, "--region", "us-west-2", "--profile", "dev"})) {
      if (args[0].equals("snapshot")) {
        Files.writeString(config, "[profile dev]\naws_access_key_id = AKIAFAKEFAKEFAKEFAKE\n"
            + "aws_secret_access_key = fake-secret-key\n");
      }
      String line = oneLine(Cli.run(args));

      assertThat(line).as(String.join(" ", args)).contains("have expired (ExpiredToken): run 'aws sso login",
          "or choose another profile with --profile or AWS_PROFILE.");
    }
  }

  @Test
  void expiredAndUnknownTokensOfJsonServicesAreOneLineToo() {
    staticCredentials();
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is "
            + "expired\"}")));

    String line = oneLine(Cli.run("watch", "llama3-8b-finetune", "--region", "us-west-2", "--plain"));
    assertThat(line).isEqualTo("vpctrain: the AWS credentials have expired (ExpiredTokenException): run 'aws sso login' "
        + "or renew them, or choose another profile with --profile or AWS_PROFILE.");

    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the "
            + "request is invalid.\"}")));
    line = oneLine(Cli.run("watch", "llama3-8b-finetune", "--region", "us-west-2", "--plain"));
    assertThat(line).startsWith("vpctrain: AWS does not accept the credentials (UnrecognizedClientException)");
  }

  @Test
  void afterTheFirstCredentialsFailureNoClientCallsAwsAgain() {
    staticCredentials();
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", XML)
        .withBody(Ec2Xml.error("InvalidClientTokenId", "The security token included in the request is invalid."))));
    try (AwsClients clients = new AwsClients(Optional.of("us-west-2"), Optional.empty(),
        Optional.of(URI.create(wm.baseUrl())))) {
      clients.requireCredentials(); // nothing failed yet

      assertThatThrownBy(() -> clients.ec2().describeSubnets()).isInstanceOf(AwsServiceException.class);
      for (Runnable call : Stream.<Runnable>of(() -> clients.ec2().describeVpcs(), () -> clients.s3().listBuckets(),
          () -> clients.iam().getRole(b -> b.roleName("r"))).toList()) {
        assertThatThrownBy(call::run).isInstanceOf(CredentialsFailure.class)
            .hasMessageStartingWith("AWS does not accept the credentials (InvalidClientTokenId)");
      }
      assertThatThrownBy(clients::requireCredentials).isInstanceOf(CredentialsFailure.class);
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void anAwsErrorThatIsNotAboutCredentialsStaysWhatItWas() {
    staticCredentials();
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", XML)
        .withBody(Ec2Xml.error("UnauthorizedOperation", "You are not authorized to perform this operation."))));
    try (AwsClients clients = new AwsClients(Optional.of("us-west-2"), Optional.empty(),
        Optional.of(URI.create(wm.baseUrl())))) {
      assertThatThrownBy(() -> clients.ec2().describeSubnets()).isInstanceOf(AwsServiceException.class);
      assertThatThrownBy(() -> clients.ec2().describeVpcs()).isInstanceOf(AwsServiceException.class);
      clients.requireCredentials();
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }
}
