package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.job.RequestDifference;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The launch sequence of a job sent as its own request ({@link ProcessingLauncher}, {@link TuningLauncher}):
 * attach to an existing job of the same name and request (or refuse a different one); run the preflight
 * and let the {@link LaunchPolicy} gate it; then create the job, treating {@code ResourceInUse} as "maybe
 * created by an earlier attempt". Nothing is created unless every earlier step succeeded.
 *
 * @param <D> the type of the job's description
 */
final class GatedLaunch<D> {
  private static final Logger LOG = LoggerFactory.getLogger(GatedLaunch.class);

  /** How one kind of job is described and created. */
  interface Api<D> {
    /** {@return the job's description, or empty when there is no job of the name} */
    Optional<D> describeIfExists(String name);

    /** {@return how the existing job's request differs from the one to launch} */
    List<RequestDifference> differences(D existing);

    /** {@return the job's ARN in its description} */
    String arn(D existing);

    /** {@return the job's status in its description} */
    String status(D existing);

    /** Creates the job; {@return its ARN} */
    String create();
  }

  /** The launched or attached job. */
  record Launched(String arn, PreflightReport report, boolean attached) {}

  private final String kind;
  private final String createOperation;

  /**
   * @param kind the job's kind in messages: {@code processing job}
   * @param createOperation the create operation in errors: {@code sagemaker:CreateProcessingJob}
   */
  GatedLaunch(String kind, String createOperation) {
    this.kind = kind;
    this.createOperation = createOperation;
  }

  <S extends JobSpec> Launched launch(S spec, Function<S, PreflightReport> preflight, LaunchPolicy policy, Api<D> api) {
    Optional<D> existing = api.describeIfExists(spec.name());
    if (existing.isPresent()) {
      return attach(spec, api, existing.get(), null);
    }
    PreflightReport report = preflight.apply(spec);
    List<Finding> blockers = policy.blockers(report);
    if (!blockers.isEmpty()) {
      LOG.warn("Refusing to launch {} {}: verdict {}, blocking rules {}", kind, spec.name(), report.verdict(),
          blockers.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", ")));
      throw new PreflightFailedException(report, blockers);
    }
    try {
      String arn = api.create();
      LOG.info("Created {} {} ({})", kind, spec.name(), arn);
      return new Launched(arn, report, false);
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() != null && "ResourceInUse".equals(e.awsErrorDetails().errorCode())) {
        Optional<D> now = api.describeIfExists(spec.name());
        if (now.isPresent()) {
          return attach(spec, api, now.get(), report);
        }
      }
      throw e.statusCode() >= 500 ? new LaunchException(createOperation, e, "The job may or may not have been created: "
          + "launching the same job again attaches to it if it exists.") : new LaunchException(createOperation, e);
    } catch (SdkException e) {
      throw new LaunchException(createOperation, e, "The job may or may not have been created: launching the same job "
          + "again attaches to it if it exists.");
    }
  }

  private Launched attach(JobSpec spec, Api<D> api, D existing, PreflightReport report) {
    List<RequestDifference> differences = api.differences(existing);
    if (!differences.isEmpty()) {
      throw new JobConflictException(spec.name(), differences);
    }
    LOG.info("{} {} already exists with the same request ({}); attaching to it", kind, spec.name(), api.status(existing));
    return new Launched(api.arn(existing), report, true);
  }

  /**
   * {@return the job's description, or empty when SageMaker answers that there is no such job}
   *
   * @param <D> the description's type
   * @param operation the describe operation, for errors: {@code sagemaker:DescribeProcessingJob}
   * @param describe the describe call
   * @throws LaunchException when the call fails otherwise
   */
  static <D> Optional<D> describeIfExists(String operation, java.util.function.Supplier<D> describe) {
    try {
      return Optional.of(describe.get());
    } catch (AwsServiceException e) {
      if (TrainingLauncher.isNotFound(e)) {
        return Optional.empty();
      }
      throw new LaunchException(operation, e);
    } catch (SdkException e) {
      throw new LaunchException(operation, e);
    }
  }
}
