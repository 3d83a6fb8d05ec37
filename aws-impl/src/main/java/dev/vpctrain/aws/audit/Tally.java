package dev.vpctrain.aws.audit;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Verdict;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The running counts of an audit, fed by the one thread that holds the audit's output lock: jobs by verdict, by
 * rule, by account, and the gaps. Holds counts only, never results, so memory does not grow with the jobs.
 */
final class Tally {
  private final Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
  private final Map<String, Long> byRule = new TreeMap<>();
  private final Map<String, Map<Verdict, Long>> byAccount = new TreeMap<>();
  private long jobs;
  private long gaps;
  private long failedStillBroken;
  private int regionsRead;
  private int accountsDone;
  private int accountsTotal;

  void job(AuditedJob job) {
    jobs++;
    byVerdict.merge(job.verdict(), 1L, Long::sum);
    byAccount.computeIfAbsent(job.accountId(), a -> new EnumMap<>(Verdict.class)).merge(job.verdict(), 1L, Long::sum);
    Set<String> rules = new LinkedHashSet<>();
    job.findings().stream().map(Finding::ruleId).forEach(rules::add);
    rules.forEach(r -> byRule.merge(r, 1L, Long::sum));
    if (job.diagnosis().filter(d -> d.contains(AuditJobs.STILL)).isPresent()) {
      failedStillBroken++;
    }
  }

  void gap() {
    gaps++;
  }

  void regionRead() {
    regionsRead++;
  }

  void accountDone() {
    accountsDone++;
  }

  void accountsTotal(int total) {
    accountsTotal = total;
  }

  long jobs() {
    return jobs;
  }

  AuditProgress progress(CallStats stats, Duration elapsed) {
    return AuditProgress.builder().accountsDone(accountsDone).accountsTotal(accountsTotal).jobs(jobs)
        .calls(stats.calls()).retries(stats.retries()).throttles(stats.throttles()).elapsed(elapsed).build();
  }

  AuditSummary summary(CallStats stats, Duration elapsed) {
    return AuditSummary.builder().accounts(accountsTotal).regionsRead(regionsRead).jobs(jobs).byVerdict(byVerdict)
        .byRule(byRule).byAccount(byAccount).failedStillBroken(failedStillBroken).gaps(gaps).calls(stats.calls())
        .retries(stats.retries()).throttles(stats.throttles()).elapsed(elapsed).build();
  }
}
