import com.sun.net.httpserver.HttpServer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Build step of the CLI (cli/pom.xml, after {@code ShadedJarTrim}), run on the classpath of the
 * trimmed shaded jar alone: builds every service client the jar holds, as the CLI builds them (URL
 * connection HTTP client, static credentials, a loopback endpoint), and calls every operation that
 * code in the jar invokes (the list ShadedJarTrim wrote) against a loopback HTTP server that
 * answers {@code 200} with an empty document. An answer the SDK cannot read is fine; a class the
 * trimming removed but a call needs ({@code NoClassDefFoundError}, {@code VerifyError}, any
 * {@code LinkageError} or {@code ClassNotFoundException}) fails the build.
 *
 * <p>Usage: {@code java -cp vpctrain.jar ShadedJarSmoke.java TRIM_REPORT}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    List<String> operations = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        operations.add(line);
      }
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean json = type != null && type.contains("json");
      byte[] body = (json ? "{}" : "<Response><RequestId>smoke</RequestId></Response>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", json ? "application/x-amz-json-1.1" : "text/xml");
      exchange.getResponseHeaders().add("x-amzn-RequestId", "smoke");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    URI endpoint = URI.create("http://localhost:" + server.getAddress().getPort());
    int called = 0;
    List<String> failures = new ArrayList<>();
    try {
      for (String line : operations) {
        String[] parts = line.split(" ");
        Class<?> clientType = clientInterface(parts[0]);
        Class<?> request;
        try {
          request = Class.forName("software.amazon.awssdk.services." + parts[0] + ".model." + parts[1] + "Request");
        } catch (ClassNotFoundException e) {
          continue; // a client method that is no operation (builder, serviceClientConfiguration)
        }
        // one method looked up by its exact type: reflecting on the whole interface would load the types of
        // every operation, which the trimming removed (nothing in the jar reflects on a client)
        MethodHandle operation;
        try {
          Class<?> response = Class.forName(request.getName().replaceFirst("Request$", "Response"));
          operation = MethodHandles.publicLookup().findVirtual(clientType,
              Character.toLowerCase(parts[1].charAt(0)) + parts[1].substring(1), MethodType.methodType(response, request));
        } catch (NoSuchMethodException | ClassNotFoundException e) {
          continue; // a streaming operation (it takes a body too): its classes are checked by the trimming
        }
        Object client = client(clientType, endpoint);
        try {
          operation.invoke(client, request(request));
          called++;
        } catch (Throwable e) {
          called++;
          if (linkage(e)) {
            failures.add(line + ": " + e);
          }
        } finally {
          ((AutoCloseable) client).close();
        }
      }
    } catch (LinkageError e) {
      e.printStackTrace();
      failures.add(e.toString());
    } finally {
      server.stop(0);
    }
    System.out.println("ShadedJarSmoke: " + called + " operations called through the trimmed jar's clients");
    if (!failures.isEmpty() || called == 0) {
      System.err.println("ShadedJarSmoke: classes missing from the trimmed jar:");
      failures.forEach(f -> System.err.println("  " + f));
      System.exit(1);
    }
  }

  private static Class<?> clientInterface(String service) throws Exception {
    String prefix = "software.amazon.awssdk.services." + service + ".";
    try (var zip = new java.util.zip.ZipFile(System.getProperty("java.class.path"))) {
      return zip.stream().map(e -> e.getName())
          .filter(n -> n.startsWith(prefix.replace('.', '/')) && n.endsWith("Client.class")
              && n.indexOf('/', prefix.length()) < 0 && !n.contains("Async") && !n.contains("Default")
              && !n.contains("$"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .findFirst()
          .map(n -> {
            try {
              return Class.forName(n);
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException(e);
            }
          })
          .orElseThrow(() -> new IllegalStateException("no client interface for " + service));
    }
  }

  private static Object client(Class<?> clientType, URI endpoint) throws Exception {
    Class<?> builderType = Class.forName(clientType.getName() + "Builder");
    Object builder;
    try {
      builder = MethodHandles.publicLookup().findStatic(clientType, "builder", MethodType.methodType(builderType)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    AwsClientBuilder<?, ?> aws = (AwsClientBuilder<?, ?>) builder;
    aws.region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("smoke", "smoke")))
        .endpointOverride(endpoint)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    ((SdkSyncClientBuilder<?, ?>) builder).httpClientBuilder(UrlConnectionHttpClient.builder());
    return aws.build();
  }

  /** A request of {@code type} with every string member set, so that no required member stops the call early. */
  private static Object request(Class<?> type) throws Exception {
    Object builder = type.getMethod("builder").invoke(null);
    for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
      if (field.marshallingType() == MarshallingType.STRING) {
        field.set(builder, "smoke");
      }
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static boolean linkage(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof LinkageError || c instanceof ClassNotFoundException) {
        return true;
      }
    }
    return false;
  }
}
