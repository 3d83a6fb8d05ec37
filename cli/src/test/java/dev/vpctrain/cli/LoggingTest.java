package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging, in a fresh JVM each (SLF4J binds once per JVM): one provider, slf4j-simple, so
 * nothing warns at start; a normal run, offline or live, writes nothing to stderr (no wire log either);
 * {@code --debug} turns on the AWS SDK's request logs and vpctrain's wire log of the bodies.
 */
class LoggingTest {
  static FakeAwsServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    server = FakeAwsServer.start(Networks.account(Networks.goldenWithNoise()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Exit code, stdout and stderr of {@code vpctrain args} in a new JVM over the test classpath. */
  private Cli2 vpctrain(List<String> properties, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    command.addAll(properties);
    command.add("dev.vpctrain.cli.Main");
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
        .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vpctrain %s ends", List.of(args)).isTrue();
    return new Cli2(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> fakeAccount() {
    return List.of("-Daws.accessKeyId=AKIAFAKEFAKEFAKEFAKE", "-Daws.secretAccessKey=fake-secret-key",
        "-Daws.endpointUrl=" + server.baseUrl(), "-Daws.configFile=/nonexistent/config",
        "-Daws.sharedCredentialsFile=/nonexistent/credentials");
  }

  @Test
  void theOneProviderIsSlf4jSimple() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
  }

  @Test
  void normalRunsWriteNothingToStderr() throws Exception {
    Cli2 offline = vpctrain(List.of(), "check", "--example", "ready-private-endpoints");
    Cli2 live = vpctrain(fakeAccount(), "snapshot", "--vpc", Networks.VPC, "--region", "us-east-1");

    assertThat(offline.code).as(offline.toString()).isZero();
    assertThat(offline.err).as("stderr of an offline check").isEmpty();
    assertThat(live.code).as(live.toString()).isZero();
    assertThat(live.out).contains(Networks.VPC);
    assertThat(live.err).as("stderr of a live snapshot").isEmpty();
  }

  @Test
  void debugLogsEveryAwsRequest() throws Exception {
    Cli2 r = vpctrain(fakeAccount(), "snapshot", "--vpc", Networks.VPC, "--region", "us-east-1", "--debug");

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.err).as(r.toString()).contains("software.amazon.awssdk.request", "Sending Request")
        .doesNotContain("SLF4J");
    // the wire log: the bodies of each request and response, and no secret
    assertThat(r.err).as(r.toString()).contains("dev.vpctrain.cli.WireLog - -> Ec2 DescribeSubnets POST",
            "Action=DescribeSubnets&Version=2016-11-15&", "dev.vpctrain.cli.WireLog - <- Ec2 DescribeSubnets 200",
            "<DescribeSubnetsResponse", "<subnetId>")
        .doesNotContain("fake-secret-key");
  }

  /** A finished process. */
  static final class Cli2 {
    final int code;
    final String out;
    final String err;

    Cli2(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
