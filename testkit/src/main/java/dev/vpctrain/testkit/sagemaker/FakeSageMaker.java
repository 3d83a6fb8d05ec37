package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.testkit.AwsFault;
import dev.vpctrain.testkit.internal.world.SageMakerWiring;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The fake SageMaker as a test sees it: the jobs created through its client, scripts that shape
 * them, and how virtual time moves. By default every {@code DescribeTrainingJob} of a running job
 * moves it one status further (the clock jumps to the next transition), so polling loops and
 * waiters end without sleeping; turn that off with {@link #stepOnDescribe(boolean)} and move
 * {@code aws.clock()} yourself.
 */
public final class FakeSageMaker {
  private final World world;
  private final Map<String, SimulatedJob> jobs = new LinkedHashMap<>();
  /** Processing jobs: names of their own, apart from training jobs' */
  private final Map<String, SimulatedJob> processingJobs = new LinkedHashMap<>();
  /** Hyperparameter tuning jobs; their training jobs are in {@link #jobs} too */
  private final Map<String, SimulatedTuningJob> tuningJobs = new LinkedHashMap<>();
  private final Map<String, JobScript> scripts = new LinkedHashMap<>();
  private JobScript defaultScript = new JobScript();
  private volatile boolean stepOnDescribe = true;
  private volatile RealSleepDetector realSleeps = new RealSleepDetector(System::nanoTime, RealSleepDetector.THRESHOLD,
      LoggerFactory.getLogger(FakeSageMaker.class)::warn);

  static {
    SageMakerWiring.register(new SageMakerWiring() {
      @Override
      public FakeSageMaker sageMaker(World world) {
        return new FakeSageMaker(world);
      }

      @Override
      public SageMakerClient client(World world, FakeSageMaker state) {
        return SageMakerService.client(world, state);
      }
    });
  }

  FakeSageMaker(World world) {
    this.world = world;
  }

  /** {@return every job created so far, oldest first} */
  public synchronized List<FakeTrainingJob> createdJobs() {
    List<FakeTrainingJob> out = new ArrayList<>();
    jobs.values().forEach(j -> out.add(new FakeTrainingJob(j, world.clock())));
    return out;
  }

  /**
   * {@return the job named {@code name}; an error naming the jobs that exist when there is none}
   *
   * @param name the name
   */
  public FakeTrainingJob job(String name) {
    return findJob(name).orElseThrow(() -> new IllegalArgumentException(
        "no training job named " + name + " was created; created: " + jobNames()));
  }

  /**
   * Finds a created job by name.
   *
   * @param name the name
   * @return the job, or empty when none has that name
   */
  public synchronized Optional<FakeTrainingJob> findJob(String name) {
    return Optional.ofNullable(jobs.get(name)).map(j -> new FakeTrainingJob(j, world.clock()));
  }

  /**
   * Scripts the job that will be (or was not yet) created as {@code jobName}.
   *
   * @param jobName the training job name
   * @param script the script
   * @return this maker
   */
  public synchronized FakeSageMaker script(String jobName, Consumer<JobScript> script) {
    JobScript s = scripts.containsKey(jobName) ? scripts.get(jobName) : defaultScript.copy();
    script.accept(s);
    scripts.put(jobName, s);
    return this;
  }

  /**
   * Scripts every job without a script of its own.
   *
   * @param script the script
   * @return this maker
   */
  public synchronized FakeSageMaker scriptAll(Consumer<JobScript> script) {
    script.accept(defaultScript);
    return this;
  }

  /**
   * Whether each {@code DescribeTrainingJob} moves a running job one status further (default true).
   *
   * @param step the step
   * @return this maker
   */
  public FakeSageMaker stepOnDescribe(boolean step) {
    this.stepOnDescribe = step;
    return this;
  }

  /**
   * Fails the next attempt of {@code operation} ({@code DescribeTrainingJob}…) with {@code fault}; see
   * {@link dev.vpctrain.testkit.FakeService#failNext}.
   *
   * @param operation the operation as the AWS API spells it
   * @param fault the failure
   * @return this fake
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeSageMaker failNext(String operation, AwsFault fault) {
    return failTimes(operation, 1, fault);
  }

  /**
   * Fails the next {@code times} attempts of {@code operation} with {@code fault}.
   *
   * @param operation the operation as the AWS API spells it
   * @param times how many attempts fail, at least 1
   * @param fault the failure
   * @return this fake
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeSageMaker failTimes(String operation, int times, AwsFault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("failTimes needs at least 1 call to fail, not " + times);
    }
    world.faults("sagemaker").add(operation, times, fault);
    return this;
  }

  /**
   * Fails every attempt of {@code operation} with {@code fault} until {@link #clearFaults()}.
   *
   * @param operation the operation as the AWS API spells it
   * @param fault the failure
   * @return this fake
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeSageMaker failAlways(String operation, AwsFault fault) {
    world.faults("sagemaker").add(operation, -1, fault);
    return this;
  }

  /**
   * Removes every fault queued for the fake SageMaker's operations.
   *
   * @return this fake
   */
  public FakeSageMaker clearFaults() {
    world.faults("sagemaker").clear(null);
    return this;
  }

  /**
   * Moves the virtual clock to the end of training job {@code jobName} (or, when no training job has
   * that name, processing job {@code jobName}) and returns that time.
   *
   * @param jobName the job name
   * @return when the job ended, on the virtual clock
   */
  public Instant runToEnd(String jobName) {
    SimulatedJob j;
    synchronized (this) {
      j = jobs.containsKey(jobName) ? jobs.get(jobName) : processingJobs.get(jobName);
    }
    if (j == null) {
      throw new IllegalArgumentException("no training or processing job named " + jobName + " was created; created: "
          + jobNames());
    }
    return world.clock().advanceTo(j.end());
  }

  RealSleepDetector realSleeps() {
    return realSleeps;
  }

  /** Replaces the detector of real sleeping (tests). */
  void realSleeps(RealSleepDetector detector) {
    this.realSleeps = detector;
  }

  boolean stepsOnDescribe() {
    return stepOnDescribe;
  }

  synchronized JobScript scriptFor(String jobName) {
    return scripts.getOrDefault(jobName, defaultScript).copy();
  }

  synchronized Optional<SimulatedJob> simulated(String name) {
    return Optional.ofNullable(jobs.get(name));
  }

  /** Adds {@code job} unless the name is taken; returns the existing job when it is. */
  synchronized Optional<SimulatedJob> add(SimulatedJob job) {
    SimulatedJob existing = jobs.putIfAbsent(job.name, job);
    return Optional.ofNullable(existing);
  }

  synchronized List<SimulatedJob> all() {
    return new ArrayList<>(jobs.values());
  }

  synchronized Optional<SimulatedJob> simulatedProcessing(String name) {
    return Optional.ofNullable(processingJobs.get(name));
  }

  /** Adds processing job {@code job} unless the name is taken; returns the existing job when it is. */
  synchronized Optional<SimulatedJob> addProcessing(SimulatedJob job) {
    return Optional.ofNullable(processingJobs.putIfAbsent(job.name, job));
  }

  synchronized Optional<SimulatedTuningJob> simulatedTuning(String name) {
    return Optional.ofNullable(tuningJobs.get(name));
  }

  /**
   * Adds tuning job {@code job} and its training jobs unless a name is taken; returns false, adding
   * nothing, when one is.
   */
  synchronized boolean addTuning(SimulatedTuningJob job) {
    if (tuningJobs.containsKey(job.name)
        || job.children.stream().anyMatch(c -> jobs.containsKey(c.job().name))) {
      return false;
    }
    tuningJobs.put(job.name, job);
    job.children.forEach(c -> jobs.put(c.job().name, c.job()));
    return true;
  }

  synchronized List<SimulatedTuningJob> allTuning() {
    return new ArrayList<>(tuningJobs.values());
  }

  synchronized List<SimulatedJob> allProcessing() {
    return new ArrayList<>(processingJobs.values());
  }

  private synchronized List<String> jobNames() {
    List<String> names = new ArrayList<>(jobs.keySet());
    names.addAll(processingJobs.keySet());
    return names;
  }
}
