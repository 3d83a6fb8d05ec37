package dev.vpctrain.aws.audit;

import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One audited job: where it runs, its status, the verdict of the same preflight {@code check} runs against the
 * network as it is now, the FAIL and UNVERIFIED findings, and for a failed job what its failure says about the
 * network today.
 */
@Value.Immutable
abstract class AbstractAuditedJob implements AuditRecord {
  @Override
  public abstract String accountId();

  /** {@return the region} */
  public abstract String region();

  /** {@return the job's name} */
  public abstract String jobName();

  /** {@return training, processing or tuning} */
  public abstract JobKind kind();

  /** {@return the job's status as SageMaker gives it, for example {@code Completed} or {@code Failed}} */
  public abstract String status();

  /** {@return when the job was created} */
  public abstract Optional<Instant> creationTime();

  /** {@return the job's {@code FailureReason}, when it failed} */
  public abstract Optional<String> failureReason();

  /** {@return the VPC of the job's subnets; empty for a job outside a VPC or whose subnets no longer exist} */
  public abstract Optional<String> vpcId();

  /** {@return the preflight's verdict on the job against today's network} */
  public abstract Verdict verdict();

  /** {@return the preflight's FAIL and UNVERIFIED findings} */
  public abstract List<Finding> findings();

  /**
   * {@return for a failed job, one sentence: what the failure reason says and whether the network still has the
   * fault, for example {@code failed 12 days ago: the job's instances could not reach S3 …; the network still has
   * s3.route.missing (subnet-0a1b)}}
   */
  public abstract Optional<String> diagnosis();

  /** {@return a note on how the job was read, for example that none of its subnets exists any more} */
  public abstract Optional<String> note();
}
