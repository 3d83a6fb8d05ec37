package dev.vpctrain.testkit.assertions;

import dev.vpctrain.testkit.sagemaker.FakeSageMaker;
import dev.vpctrain.testkit.sagemaker.FakeTrainingJob;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on what the fake SageMaker was asked to do. */
public final class FakeSageMakerAssert extends AbstractAssert<FakeSageMakerAssert, FakeSageMaker> {
  FakeSageMakerAssert(FakeSageMaker actual) {
    super(actual, FakeSageMakerAssert.class);
  }

  /**
   * No training job was created.
   *
   * @return this assertion
   */
  public FakeSageMakerAssert createdNoJobs() {
    isNotNull();
    List<FakeTrainingJob> jobs = actual.createdJobs();
    if (!jobs.isEmpty()) {
      failWithMessage("Expected no training job to be created but %d were: %s", jobs.size(),
          jobs.stream().map(FakeTrainingJob::name).toList());
    }
    return this;
  }

  /**
   * Exactly {@code count} training jobs were created.
   *
   * @param count the count
   * @return this assertion
   */
  public FakeSageMakerAssert createdJobs(int count) {
    isNotNull();
    List<FakeTrainingJob> jobs = actual.createdJobs();
    if (jobs.size() != count) {
      failWithMessage("Expected %d training job(s) to be created but %d were: %s", count, jobs.size(),
          jobs.stream().map(FakeTrainingJob::name).toList());
    }
    return this;
  }

  /**
   * {@return a job named {@code name} was created; continues with it}
   *
   * @param name the name
   */
  public TrainingJobAssert createdJob(String name) {
    isNotNull();
    Optional<FakeTrainingJob> job = actual.findJob(name);
    if (job.isEmpty()) {
      failWithMessage("Expected a training job named %s to be created but the jobs are %s", name,
          actual.createdJobs().stream().map(FakeTrainingJob::name).toList());
    }
    return new TrainingJobAssert(job.get());
  }
}
