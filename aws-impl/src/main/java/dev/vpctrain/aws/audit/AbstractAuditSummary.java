package dev.vpctrain.aws.audit;

import dev.vpctrain.core.report.Verdict;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The end of an audit: counts by verdict, by rule and by account, the gaps, and the calls it took. The audit is
 * {@link #complete()} when every account and region of its scope was read.
 */
@Value.Immutable
abstract class AbstractAuditSummary {
  /** {@return accounts in scope (after the shard)} */
  public abstract int accounts();

  /** {@return account-regions whose jobs were read} */
  public abstract int regionsRead();

  /** {@return jobs audited} */
  public abstract long jobs();

  /** {@return jobs by verdict} */
  public abstract Map<Verdict, Long> byVerdict();

  /** {@return for each rule with a FAIL or UNVERIFIED finding, the number of jobs that have one} */
  public abstract Map<String, Long> byRule();

  /** {@return per account: its jobs by verdict} */
  public abstract Map<String, Map<Verdict, Long>> byAccount();

  /** {@return failed jobs whose network still has a fault their failure reason points to} */
  public abstract long failedStillBroken();

  /** {@return the gaps: parts that could not be read} */
  public abstract long gaps();

  /** {@return AWS calls made} */
  public abstract long calls();

  /** {@return attempts repeated by the clients' retry strategies} */
  public abstract long retries();

  /** {@return attempts AWS answered with a throttling error} */
  public abstract long throttles();

  /** {@return how long the audit took} */
  public abstract Duration elapsed();

  /** {@return true when nothing in scope was left unread} */
  @Value.Derived
  public boolean complete() {
    return gaps() == 0;
  }
}
