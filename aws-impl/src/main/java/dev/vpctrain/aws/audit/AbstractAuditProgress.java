package dev.vpctrain.aws.audit;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** How far an audit has come: accounts done of the total, jobs audited, AWS calls, retries and throttles, the ETA. */
@Value.Immutable
abstract class AbstractAuditProgress {
  /** {@return accounts whose regions were all read or given up} */
  public abstract int accountsDone();

  /** {@return accounts to audit (after the shard); 0 until the list is known} */
  public abstract int accountsTotal();

  /** {@return jobs audited so far} */
  public abstract long jobs();

  /** {@return AWS calls made (each once, whatever its attempts)} */
  public abstract long calls();

  /** {@return attempts repeated by the clients' retry strategies} */
  public abstract long retries();

  /** {@return attempts AWS answered with a throttling error} */
  public abstract long throttles();

  /** {@return the time since the audit started} */
  public abstract Duration elapsed();

  /** {@return the time left at the pace so far; empty before the first account is done} */
  @Value.Derived
  public Optional<Duration> eta() {
    if (accountsDone() == 0 || accountsTotal() == 0) {
      return Optional.empty();
    }
    long left = Math.max(0, accountsTotal() - accountsDone());
    return Optional.of(elapsed().multipliedBy(left).dividedBy(accountsDone()));
  }
}
