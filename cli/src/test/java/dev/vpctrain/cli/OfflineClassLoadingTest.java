package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline commands stay offline: each runs in-process in a fresh class loader over the test
 * classpath, which records every class it loads. {@code rules}, {@code examples} and {@code --help}
 * load no AWS SDK class at all. An offline {@code check} or {@code plan} loads no SDK client, HTTP,
 * credential, region, endpoint or profile class: the only SDK classes it may load are API shapes
 * ({@code services.*.model}: the job file is a {@code CreateTrainingJobRequest}, the bundle holds
 * EC2 responses) and the shape metadata they are read through (fields, traits, builders).
 */
class OfflineClassLoadingTest {
  @TempDir
  Path dir;

  /** A class loader over the test classpath that loads everything but the JDK itself, and records it. */
  static final class RecordingLoader extends URLClassLoader {
    final Set<String> loaded = ConcurrentHashMap.newKeySet();

    RecordingLoader(URL[] urls) {
      super("recording", urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> c = super.findClass(name);
      loaded.add(name);
      return c;
    }
  }

  static URL[] testClasspath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** Runs {@code vpctrain args} in a fresh loader; returns the names of the classes it loaded. */
  static Set<String> classesLoadedBy(String... args) throws Exception {
    return classesLoadedBy(Set.of(0, 1, 2), args);
  }

  /** As {@link #classesLoadedBy(String...)}, the command ending with one of {@code exits}. */
  static Set<String> classesLoadedBy(Set<Integer> exits, String... args) throws Exception {
    try (RecordingLoader loader = new RecordingLoader(testClasspath())) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        Class<?> main = Class.forName("dev.vpctrain.cli.Main", true, loader);
        assertThat(main.getClassLoader()).isSameAs(loader);
        Method run = main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = (int) run.invoke(null, args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code of %s\n%s\n%s", List.of(args), out, err).isIn(exits);
      } finally {
        thread.setContextClassLoader(previous);
      }
      return Set.copyOf(loader.loaded);
    }
  }

  /** API shapes and the metadata they are read through; nothing that can reach AWS. */
  private static final Pattern SHAPES = Pattern.compile("software\\.amazon\\.awssdk\\.("
      + "services\\.[a-z0-9]+\\.model\\..*"
      + "|core\\.(protocol|traits|document|util|adapter)\\..*"
      + "|core\\.(SdkField|SdkPojo|SdkRequest|SdkResponse|SdkBytes|SdkNumber|BytesWrapper"
      + "|RequestOverrideConfiguration)(\\$.*)?"
      + "|awscore\\.(AwsRequest|AwsResponse|AwsRequestOverrideConfiguration|AwsResponseMetadata)(\\$.*)?"
      + "|utils\\.[A-Za-z0-9$]+|utils\\.builder\\..*)");

  static List<String> sdk(Set<String> loaded) {
    return loaded.stream().filter(n -> n.startsWith("software.amazon.awssdk.")).sorted().collect(Collectors.toList());
  }

  static List<String> beyondShapes(Set<String> loaded) {
    return sdk(loaded).stream().filter(n -> !SHAPES.matcher(n).matches()).collect(Collectors.toList());
  }

  @Test
  void theRecordingLoaderSeesTheCommandsClasses() throws Exception {
    Set<String> loaded = classesLoadedBy("rules");
    assertThat(loaded).contains("dev.vpctrain.cli.Main", "dev.vpctrain.cli.RulesCommand",
        "dev.vpctrain.core.rules.RuleEngine");
  }

  @Test
  void rulesExamplesAndHelpLoadNoAwsSdkClass() throws Exception {
    for (String[] args : List.of(new String[] {"rules"}, new String[] {"rules", "s3.route.missing"},
        new String[] {"examples"}, new String[] {"--help"}, new String[] {"check", "--help"})) {
      assertThat(sdk(classesLoadedBy(args))).as("AWS SDK classes loaded by vpctrain %s", List.of(args)).isEmpty();
    }
  }

  @Test
  void theShapeFilterLetsNoClientCredentialOrHttpClassThrough() {
    Set<String> runtime = Set.of("software.amazon.awssdk.services.sagemaker.SageMakerClient",
        "software.amazon.awssdk.services.ec2.DefaultEc2Client", "software.amazon.awssdk.core.SdkClient",
        "software.amazon.awssdk.core.client.config.SdkClientConfiguration",
        "software.amazon.awssdk.awscore.client.builder.AwsDefaultClientBuilder",
        "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider",
        "software.amazon.awssdk.regions.Region", "software.amazon.awssdk.http.SdkHttpClient",
        "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
        "software.amazon.awssdk.profiles.ProfileFile", "software.amazon.awssdk.identity.spi.AwsCredentialsIdentity",
        "software.amazon.awssdk.core.exception.SdkClientException");
    assertThat(beyondShapes(runtime)).containsExactlyInAnyOrderElementsOf(runtime);
    assertThat(beyondShapes(Set.of("software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest",
        "software.amazon.awssdk.services.ec2.model.Subnet$BuilderImpl", "software.amazon.awssdk.core.SdkField",
        "software.amazon.awssdk.core.traits.ListTrait"))).isEmpty();
  }

  @Test
  void offlineCheckAndPlanLoadNoSdkClientCredentialOrHttpClass() throws Exception {
    Path job = dir.resolve("job.json");
    Path network = dir.resolve("network.json");
    Files.writeString(job, Examples.file("ready-private-endpoints", "job.json").orElseThrow());
    Files.writeString(network, Examples.file("ready-private-endpoints", "network.json").orElseThrow());
    Set<String> check = classesLoadedBy("check", "--job", job.toString(), "--network", network.toString());
    assertThat(check).contains("dev.vpctrain.cli.CheckCommand", "dev.vpctrain.core.rules.RuleEngine");
    assertThat(beyondShapes(check)).as("AWS SDK classes beyond the API shapes loaded by an offline check").isEmpty();
    Set<String> example = classesLoadedBy("check", "--example", "dedicated-tenancy", "--format", "sarif");
    assertThat(beyondShapes(example)).as("AWS SDK classes beyond the API shapes loaded by check --example").isEmpty();
    Set<String> plan = classesLoadedBy("plan", "--job", job.toString(), "--network", network.toString());
    assertThat(plan).contains("dev.vpctrain.cli.PlanCommand");
    assertThat(beyondShapes(plan)).as("AWS SDK classes beyond the API shapes loaded by an offline plan").isEmpty();
  }

  @Test
  void offlineErrorsAndOtherFormatsLoadNoSdkClientCredentialOrHttpClass() throws Exception {
    Path job = dir.resolve("job.json");
    Path network = dir.resolve("network.json");
    Files.writeString(job, Examples.file("subnet-out-of-ips", "job.json").orElseThrow());
    Files.writeString(network, Examples.file("subnet-out-of-ips", "network.json").orElseThrow());
    Set<String> json = classesLoadedBy("check", "--job", job.toString(), "--network", network.toString(),
        "--format", "json", "--verbose");
    assertThat(json).contains("dev.vpctrain.core.report.JsonReport");
    assertThat(beyondShapes(json)).as("AWS SDK classes beyond the API shapes loaded by check --format json").isEmpty();
    // an invalid bundle (exit 65) and a missing file (exit 66) are reported without touching the SDK's runtime
    Set<String> invalid = classesLoadedBy(Set.of(65), "check", "--example", "bundle-wrong-type");
    assertThat(beyondShapes(invalid)).as("AWS SDK classes beyond the API shapes loaded by an invalid bundle").isEmpty();
    Set<String> missing = classesLoadedBy(Set.of(66), "check", "--job", job.toString(), "--network",
        dir.resolve("absent.json").toString());
    assertThat(beyondShapes(missing)).as("AWS SDK classes beyond the API shapes loaded for a missing file").isEmpty();
  }

  /**
   * Start-up: a text check reads its files through Jackson's streaming parser into trees and never
   * creates an {@code ObjectMapper} (whose first creation, with its date format's calendar and locale
   * data, costs about 50 ms), for bundles with EC2, S3 policies and an IAM section alike.
   */
  @Test
  void aTextCheckCreatesNoObjectMapper() throws Exception {
    for (String example : List.of("ready-private-endpoints", "role-eni-scoped-to-subnets", "no-s3-endpoint")) {
      Path job = dir.resolve(example + "-job.json");
      Path network = dir.resolve(example + "-network.json");
      Files.writeString(job, Examples.file(example, "job.json").orElseThrow());
      Files.writeString(network, Examples.file(example, "network.json").orElseThrow());
      Set<String> check = classesLoadedBy("check", "--job", job.toString(), "--network", network.toString());
      assertThat(check).as(example).contains("dev.vpctrain.aws.internal.json.JsonTrees")
          .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }
  }
}
