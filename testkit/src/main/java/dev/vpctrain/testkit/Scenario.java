package dev.vpctrain.testkit;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * A ready-made situation: a network, a training job meant for it, and what vpctrain's preflight
 * says about the pair (the verdict and the ERROR rules that fail). See {@link Scenarios}.
 */
public final class Scenario {
  private final String name;
  private final String description;
  private final NetworkSnapshot network;
  private final TrainingJobSpec job;
  private final Verdict expectedVerdict;
  private final List<String> expectedErrors;

  Scenario(String name, String description, NetworkSnapshot network, TrainingJobSpec job, Verdict expectedVerdict,
      List<String> expectedErrors) {
    this.name = Objects.requireNonNull(name);
    this.description = Objects.requireNonNull(description);
    this.network = Objects.requireNonNull(network);
    this.job = Objects.requireNonNull(job);
    this.expectedVerdict = Objects.requireNonNull(expectedVerdict);
    this.expectedErrors = List.copyOf(expectedErrors);
  }

  /** {@return the scenario's name, as the matching example folder is named ({@code no-s3-endpoint})} */
  public String name() {
    return name;
  }

  /** {@return what is wrong (or right) with the network, in a sentence} */
  public String description() {
    return description;
  }

  /** {@return the scenario's network: what the fake EC2, S3, EFS, FSx and IAM clients answer with} */
  public NetworkSnapshot network() {
    return network;
  }

  /** {@return the training job the scenario is about} */
  public TrainingJobSpec job() {
    return job;
  }

  /** {@return the preflight verdict of {@link #job()} on {@link #network()}} */
  public Verdict expectedVerdict() {
    return expectedVerdict;
  }

  /** {@return the ERROR rules that fail for the job (empty for a ready scenario)} */
  public List<String> expectedErrors() {
    return expectedErrors;
  }

  /**
   * A copy with another job (to try a variant of the job on the same network).
   *
   * @param otherJob the job to use instead
   * @return the copy
   */
  public Scenario withJob(TrainingJobSpec otherJob) {
    return new Scenario(name, description, network, otherJob, expectedVerdict, expectedErrors);
  }

  @Override
  public String toString() {
    return name;
  }
}
