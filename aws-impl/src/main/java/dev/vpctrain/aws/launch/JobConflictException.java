package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.job.RequestDifference;
import java.util.List;
import java.util.stream.Collectors;

/** A training job of the same name exists with a different request: names every differing member. */
public final class JobConflictException extends LaunchException {
  private static final long serialVersionUID = 1L;

  private final transient List<RequestDifference> differences;

  /**
   * Creates the exception for a job that exists with a different request.
   *
   * @param jobName the training job name
   * @param differences the differences
   */
  public JobConflictException(String jobName, List<RequestDifference> differences) {
    super("Training job '" + jobName + "' already exists with a different request; differing members: "
            + differences.stream().map(RequestDifference::toString).collect(Collectors.joining("; "))
            + ". Choose a new TrainingJobName, or launch the same request to attach to the existing job.",
        "sagemaker:CreateTrainingJob", "ResourceInUse", "Resource Already Exists");
    this.differences = List.copyOf(differences);
  }

  /** {@return where the requests differ} */
  public List<RequestDifference> differences() {
    return differences;
  }
}
