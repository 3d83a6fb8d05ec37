package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.testkit.internal.world.SageMakerWiring;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
  private final Map<String, JobScript> scripts = new LinkedHashMap<>();
  private JobScript defaultScript = new JobScript();
  private volatile boolean stepOnDescribe = true;

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
   * Moves the virtual clock to the end of {@code jobName} and returns that time.
   *
   * @param jobName the training job name
   * @return when the job ended, on the virtual clock
   */
  public Instant runToEnd(String jobName) {
    SimulatedJob j;
    synchronized (this) {
      j = jobs.get(jobName);
    }
    if (j == null) {
      throw new IllegalArgumentException("no training job named " + jobName + " was created; created: " + jobNames());
    }
    return world.clock().advanceTo(j.end());
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

  private synchronized List<String> jobNames() {
    return new ArrayList<>(jobs.keySet());
  }
}
