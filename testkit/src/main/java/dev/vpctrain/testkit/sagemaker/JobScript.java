package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.VpcTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a test says about simulated training jobs beyond their request: how long training takes,
 * what the training code needs (so the network is judged for it), extra log lines, or an outcome
 * decided outright instead of by the network.
 *
 * <pre>{@code
 * aws.sageMaker().script("nightly", s -> s.trainingTime(Duration.ofHours(2)).requires(AwsService.STS));
 * aws.sageMaker().script("flaky", s -> s.failsIn(Phase.TRAINING, "AlgorithmError: CUDA out of memory"));
 * aws.sageMaker().script("features", s -> s.requiresInVpc("features=sg-0a1b2c3d4e5f60403:5432"));
 * }</pre>
 */
public final class JobScript {
  private Duration trainingTime = Duration.ofMinutes(10);
  private final Set<AwsService> requires = new LinkedHashSet<>();
  private final List<HostPort> requiresInternet = new ArrayList<>();
  private final List<VpcTarget> requiresInVpc = new ArrayList<>();
  private final List<String> logLines = new ArrayList<>();
  private Optional<Phase> failurePhase = Optional.empty();
  private Optional<String> failureReason = Optional.empty();
  private boolean forceCompletion;

  JobScript() {}

  JobScript copy() {
    JobScript c = new JobScript();
    c.trainingTime = trainingTime;
    c.requires.addAll(requires);
    c.requiresInternet.addAll(requiresInternet);
    c.requiresInVpc.addAll(requiresInVpc);
    c.logLines.addAll(logLines);
    c.failurePhase = failurePhase;
    c.failureReason = failureReason;
    c.forceCompletion = forceCompletion;
    return c;
  }

  /**
   * How long the Training phase lasts in virtual time (default 10 minutes).
   *
   * @param duration the duration
   * @return this script
   */
  public JobScript trainingTime(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("training time must be positive but was " + duration);
    }
    this.trainingTime = duration;
    return this;
  }

  /**
   * AWS services the training code calls (the network is judged for them: endpoints, NAT).
   *
   * @param services the services
   * @return this script
   */
  public JobScript requires(AwsService... services) {
    requires.addAll(Arrays.asList(services));
    return this;
  }

  /**
   * An internet destination the training code needs.
   *
   * @param host the host name
   * @param port the port
   * @return this script
   */
  public JobScript requiresInternet(String host, int port) {
    requiresInternet.add(HostPort.of(host, port));
    return this;
  }

  /**
   * Something inside the VPC the training code connects to (a database, an internal service): the
   * network is judged for it as for {@code --requires}, and a blocked target fails the job in Training.
   *
   * @param targets the targets
   * @return this script
   */
  public JobScript requiresInVpc(VpcTarget... targets) {
    requiresInVpc.addAll(Arrays.asList(targets));
    return this;
  }

  /**
   * The same, as {@code --requires} items: {@code "[label=]ADDR|CIDR|sg-…|eni-…:PORTS[/udp]"}.
   *
   * @param targets the targets
   * @return this script
   */
  public JobScript requiresInVpc(String... targets) {
    for (String t : targets) {
      requiresInVpc.add(VpcTarget.parse(t));
    }
    return this;
  }

  /**
   * Lines the training code writes to each instance's log while training.
   *
   * @param lines the lines
   * @return this script
   */
  public JobScript logs(String... lines) {
    logLines.addAll(Arrays.asList(lines));
    return this;
  }

  /**
   * The job completes whatever the network says.
   *
   * @return this script
   */
  public JobScript completes() {
    this.forceCompletion = true;
    this.failurePhase = Optional.empty();
    this.failureReason = Optional.empty();
    return this;
  }

  /**
   * The job fails in {@code phase} with {@code failureReason}, whatever the network says.
   *
   * @param phase the phase
   * @param failureReason the failure reason
   * @return this script
   */
  public JobScript failsIn(Phase phase, String failureReason) {
    this.failurePhase = Optional.of(Objects.requireNonNull(phase, "phase"));
    this.failureReason = Optional.of(Objects.requireNonNull(failureReason, "failureReason"));
    this.forceCompletion = false;
    return this;
  }

  Duration trainingTime() {
    return trainingTime;
  }

  Set<AwsService> requires() {
    return requires;
  }

  List<HostPort> requiresInternet() {
    return requiresInternet;
  }

  List<VpcTarget> requiresInVpc() {
    return requiresInVpc;
  }

  List<String> logLines() {
    return logLines;
  }

  Optional<Phase> failurePhase() {
    return failurePhase;
  }

  Optional<String> failureReason() {
    return failureReason;
  }

  boolean forcesCompletion() {
    return forceCompletion;
  }
}
