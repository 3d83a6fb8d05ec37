package dev.vpctrain.testkit.junit;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FakeAwsTest}: a fresh {@link FakeAws} for every test,
 * injected into test and {@code @BeforeEach}/{@code @AfterEach} methods that declare a
 * {@code FakeAws} parameter (a {@link Scenario} parameter gets the loaded scenario, except in
 * parameterized tests, whose arguments may be scenarios themselves).
 * Declaratively with {@code @FakeAwsTest} or {@code @ExtendWith(FakeAwsExtension.class)}, or
 * programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAwsExtension AWS = FakeAwsExtension.builder()
 *     .scenario(Scenarios.readyPrivateEndpoints())
 *     .configure(aws -> aws.sageMaker().scriptAll(s -> s.trainingTime(Duration.ofHours(1))))
 *     .build();
 * }</pre>
 */
public final class FakeAwsExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeAwsExtension.class);
  private static final String KEY = "fakeAws";

  private final Scenario scenario;
  private final Path bundle;
  private final NetworkSnapshot network;
  private final RuleEngine ruleEngine;
  private final Instant start;
  private final Boolean stepOnDescribe;
  private final List<Consumer<FakeAws>> configure;

  /** The declarative form: settings come from {@link FakeAwsTest} on the test method or class. */
  public FakeAwsExtension() {
    this(new Builder());
  }

  private FakeAwsExtension(Builder b) {
    this.scenario = b.scenario;
    this.bundle = b.bundle;
    this.network = b.network;
    this.ruleEngine = b.ruleEngine;
    this.start = b.start;
    this.stepOnDescribe = b.stepOnDescribe;
    this.configure = List.copyOf(b.configure);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeAws.class || (type == Scenario.class && !parameterized(parameter));
  }

  /** A parameterized test's own arguments come first; a Scenario there is one of them, not the loaded one. */
  private static boolean parameterized(ParameterContext parameter) {
    for (java.lang.annotation.Annotation a : parameter.getDeclaringExecutable().getAnnotations()) {
      if (a.annotationType().getName().equals("org.junit.jupiter.params.ParameterizedTest")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeAws aws = aws(context);
    if (parameter.getParameter().getType() == Scenario.class) {
      return aws.scenario().orElseThrow(() -> new ParameterResolutionException(
          "a Scenario parameter needs a scenario: @FakeAwsTest(scenario = \"…\") or FakeAwsExtension.builder().scenario(…)"));
    }
    return aws;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeAws aws = context.getStore(NAMESPACE).remove(KEY, FakeAws.class);
    if (aws != null) {
      aws.close();
    }
  }

  /** The world of the test running in {@code context}, created on first use. */
  private FakeAws aws(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("FakeAws is fresh for every test: declare it on @Test, @BeforeEach or "
          + "@AfterEach methods, not on constructors or @BeforeAll/@AfterAll methods");
    }
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> create(context), FakeAws.class);
  }

  private FakeAws create(ExtensionContext context) {
    Optional<FakeAwsTest> declared = declared(context);
    FakeAws.Builder b = FakeAws.builder();
    if (ruleEngine != null) {
      b.ruleEngine(ruleEngine);
    }
    Instant startAt = start != null ? start : declared.map(FakeAwsTest::startingAt).filter(s -> !s.isEmpty())
        .map(FakeAwsExtension::instant).orElse(null);
    if (startAt != null) {
      b.startingAt(startAt);
    }
    FakeAws aws = b.build();
    if (network != null) {
      aws.load(network);
    }
    if (bundle != null) {
      aws.load(bundle);
    }
    if (scenario != null) {
      aws.load(scenario);
    }
    if (declared.isPresent()) {
      FakeAwsTest d = declared.get();
      if (!d.bundle().isEmpty()) {
        aws.load(bundle(d.bundle(), context));
      }
      if (!d.scenario().isEmpty()) {
        aws.load(scenario(d.scenario()));
      }
    }
    boolean step = stepOnDescribe != null ? stepOnDescribe : declared.map(FakeAwsTest::stepOnDescribe).orElse(true);
    aws.sageMaker().stepOnDescribe(step);
    configure.forEach(c -> c.accept(aws));
    return aws;
  }

  private static Optional<FakeAwsTest> declared(ExtensionContext context) {
    Optional<FakeAwsTest> onMethod = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, FakeAwsTest.class));
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<FakeAwsTest> onClass = AnnotationSupport.findAnnotation(c, FakeAwsTest.class);
      if (onClass.isPresent()) {
        return onClass;
      }
    }
    return Optional.empty();
  }

  private static Scenario scenario(String name) {
    try {
      return Scenarios.named(name);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@FakeAwsTest(scenario = \"" + name + "\"): " + e.getMessage(), e);
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("@FakeAwsTest(startingAt = \"" + text
          + "\"): expected an ISO-8601 instant such as 2026-01-05T09:00:00Z", e);
    }
  }

  private static Path bundle(String location, ExtensionContext context) {
    Path file = Path.of(location);
    if (Files.isRegularFile(file)) {
      return file;
    }
    String resource = location.startsWith("/") ? location.substring(1) : location;
    ClassLoader loader = context.getTestClass().map(Class::getClassLoader).orElse(FakeAwsExtension.class.getClassLoader());
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ExtensionConfigurationException("@FakeAwsTest(bundle = \"" + location
            + "\"): no such file (from " + Path.of("").toAbsolutePath() + ") or classpath resource");
      }
      Path copy = Files.createTempFile("vpctrain-bundle-", ".json");
      copy.toFile().deleteOnExit();
      Files.write(copy, in.readAllBytes());
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundle resource " + location, e);
    }
  }

  /** Builds a programmatic {@link FakeAwsExtension}; its settings apply to every test of the class. */
  public static final class Builder {
    private Scenario scenario;
    private Path bundle;
    private NetworkSnapshot network;
    private RuleEngine ruleEngine;
    private Instant start;
    private Boolean stepOnDescribe;
    private final List<Consumer<FakeAws>> configure = new ArrayList<>();

    private Builder() {}

    /**
     * Each test starts in this scenario.
     *
     * @param scenario the scenario
     * @return this builder
     */
    public Builder scenario(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      return this;
    }

    /**
     * Each test starts with this snapshot bundle's network.
     *
     * @param bundle the bundle
     * @return this builder
     */
    public Builder bundle(Path bundle) {
      this.bundle = Objects.requireNonNull(bundle, "bundle");
      return this;
    }

    /**
     * Each test starts with this network.
     *
     * @param network the network snapshot
     * @return this builder
     */
    public Builder network(NetworkSnapshot network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /**
     * The engine that judges simulated jobs.
     *
     * @param engine the rule engine
     * @return this builder
     */
    public Builder ruleEngine(RuleEngine engine) {
      this.ruleEngine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Where each test's virtual clock starts.
     *
     * @param start the first instant
     * @return this builder
     */
    public Builder startingAt(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Whether each DescribeTrainingJob moves a running job one step (default true).
     *
     * @param step the step
     * @return this builder
     */
    public Builder stepOnDescribe(boolean step) {
      this.stepOnDescribe = step;
      return this;
    }

    /**
     * Runs on each new world before the test sees it (scripts, network tweaks).
     *
     * @param setup the setup
     * @return this builder
     */
    public Builder configure(Consumer<FakeAws> setup) {
      configure.add(Objects.requireNonNull(setup, "setup"));
      return this;
    }

    /** {@return a new {@code FakeAwsExtension} with the values given} */
    public FakeAwsExtension build() {
      return new FakeAwsExtension(this);
    }
  }
}
