package dev.vpctrain.aws.audit;

import dev.vpctrain.core.job.JobKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What an audit reads: the accounts (listed, or every active account of the organisation), the role assumed in each,
 * the regions, the time window and the kinds of job, how many accounts are read at once, and the shard of the
 * account list this process takes.
 *
 * <pre>{@code
 * AuditOptions options = AuditOptions.builder()
 *     .organization(true)
 *     .roleName("VpcTrainAudit")
 *     .addRegions("us-east-1", "eu-west-1")
 *     .since(Duration.ofDays(30))
 *     .build();
 * }</pre>
 */
@Value.Immutable
abstract class AbstractAuditOptions {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ROLE = Pattern.compile("[\\w+=,.@/-]{1,512}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  /** The role name {@link #roleName()} defaults to. */
  public static final String DEFAULT_ROLE = "VpcTrainAudit";

  /** {@return the accounts to audit, 12-digit ids; empty when {@link #organization()} lists them} */
  public abstract List<String> accounts();

  /** {@return true to audit every active account {@code organizations:ListAccounts} lists} */
  @Value.Default
  public boolean organization() {
    return false;
  }

  /** {@return the role assumed in each account, {@value #DEFAULT_ROLE} unless set; a path may precede the name} */
  @Value.Default
  public String roleName() {
    return DEFAULT_ROLE;
  }

  /** {@return the regions to read in each account; empty when {@link #allRegions()} is set} */
  public abstract List<String> regions();

  /** {@return true to read every region each account has enabled ({@code ec2:DescribeRegions}); the others are gaps} */
  @Value.Default
  public boolean allRegions() {
    return false;
  }

  /** {@return the region of the calls that are not per region (STS, Organizations, DescribeRegions)} */
  @Value.Default
  public String homeRegion() {
    return regions().isEmpty() ? "us-east-1" : regions().get(0);
  }

  /** {@return only jobs created in this window before now; empty for every job SageMaker still lists} */
  public abstract Optional<Duration> since();

  /** {@return only jobs in one of these statuses (for example {@code Failed}); empty for every status} */
  public abstract Set<String> statuses();

  /** {@return the kinds of job to read; every kind unless set} */
  @Value.Default
  public Set<JobKind> kinds() {
    return EnumSet.allOf(JobKind.class);
  }

  /** {@return how many accounts are read at once (each with a few calls in flight); 16 unless set} */
  @Value.Default
  public int concurrency() {
    return 16;
  }

  /** {@return how many Describe calls one account-region has in flight at once; 4 unless set} */
  @Value.Default
  public int callsPerAccount() {
    return 4;
  }

  /** {@return the part of the account list this process audits; empty for all} */
  public abstract Optional<Shard> shard();

  /**
   * Refuses options that cannot run, saying what to change (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    if (organization() != accounts().isEmpty()) {
      throw new IllegalArgumentException(organization()
          ? "an audit lists accounts or reads the organisation, not both" : "an audit needs accounts or organization(true)");
    }
    accounts().stream().filter(a -> !ACCOUNT.matcher(a).matches()).findFirst().ifPresent(a -> {
      throw new IllegalArgumentException("an account id is 12 digits, not '" + a + "'");
    });
    if (allRegions() != regions().isEmpty()) {
      throw new IllegalArgumentException(allRegions()
          ? "an audit reads the listed regions or all regions, not both" : "an audit needs at least one region");
    }
    regions().stream().filter(r -> !REGION.matcher(r).matches()).findFirst().ifPresent(r -> {
      throw new IllegalArgumentException("'" + r + "' is not a region name such as us-east-1");
    });
    if (!ROLE.matcher(roleName()).matches()) {
      throw new IllegalArgumentException("'" + roleName() + "' is not an IAM role name");
    }
    if (kinds().isEmpty()) {
      throw new IllegalArgumentException("an audit reads at least one kind of job");
    }
    if (concurrency() < 1 || concurrency() > 1024) {
      throw new IllegalArgumentException("concurrency is between 1 and 1024, not " + concurrency());
    }
    if (callsPerAccount() < 1 || callsPerAccount() > 64) {
      throw new IllegalArgumentException("callsPerAccount is between 1 and 64, not " + callsPerAccount());
    }
    since().filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> {
      throw new IllegalArgumentException("since is a positive duration, not " + d);
    });
  }
}
