package dev.vpctrain.aws.audit;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.core.rules.RuleEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Audits every job of many accounts: per account, credentials by {@code sts:AssumeRole} into the audit role; per
 * region, the jobs listed in the window and described; per VPC, one discovery shared by its jobs; per job, the same
 * preflight as {@code check}, and for a failed job what its failure reason says about today's network. Accounts are
 * read {@code concurrency} at a time, each region with a few calls in flight; the clients' adaptive retries slow an
 * account down when AWS throttles it. Results stream to an {@link AuditListener} (or {@link #stream}) as they come,
 * and only counts stay in memory. Whatever cannot be read is an {@link AuditGap}, never skipped silently.
 *
 * <pre>{@code
 * AuditSummary summary = Audit.builder().clients(myClients).build()
 *     .run(options, new AuditListener() {
 *       public void onJob(AuditedJob job) { ... }
 *     });
 * }</pre>
 */
public final class Audit {
  private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
  private static final String SESSION = "vpctrain-audit";

  private final AuditClients clients;
  private final RuleEngine engine;
  private final Clock clock;

  private Audit(Builder b) {
    this.clients = Objects.requireNonNull(b.clients, "Audit needs AuditClients: builder().clients(..)");
    this.engine = b.engine != null ? b.engine : RuleEngine.standard();
    this.clock = b.clock;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the audit, telling {@code listener} of each job and gap as it comes.
   *
   * @param options what to audit
   * @param listener told of the results, one at a time
   * @return the counts, once every account is done
   * @throws AwsCallException when the organisation's accounts cannot be listed (nothing else stops the audit)
   * @throws InterruptedException when the thread is interrupted (the audit stops; its calls are abandoned)
   */
  public AuditSummary run(AuditOptions options, AuditListener listener) throws InterruptedException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    CallStats stats = new CallStats();
    Output out = new Output(listener, new Tally(), stats);
    List<String> accounts = accounts(options, out);
    out.accountsTotal(accounts.size());
    LOG.info("Auditing {} account(s), {} at a time", accounts.size(), options.concurrency());
    ExecutorService accountPool = Executors.newFixedThreadPool(options.concurrency(), threads("account"));
    ExecutorService callPool =
        Executors.newFixedThreadPool(options.concurrency() * options.callsPerAccount(), threads("call"));
    ExecutorService discoveryPool = Executors.newFixedThreadPool(options.concurrency() * 4, threads("discovery"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(threads("progress"));
    try {
      Future<?> ticks = ticker.scheduleAtFixedRate(out::progress, 1, 1, TimeUnit.SECONDS);
      LOG.trace("Progress every second: {}", ticks);
      List<Future<?>> running = new ArrayList<>();
      for (String account : accounts) {
        running.add(accountPool.submit(() -> account(account, options, stats, out, callPool, discoveryPool)));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("An account's audit failed unexpectedly", e.getCause());
        }
      }
    } finally {
      ticker.shutdownNow();
      accountPool.shutdownNow();
      callPool.shutdownNow();
      discoveryPool.shutdownNow();
    }
    out.progress();
    return out.summary();
  }

  /**
   * {@return the audit's records as a stream, jobs and gaps in the order they come} The audit runs in a thread of
   * its own while the stream is read, a bounded queue ahead; closing the stream stops it. A failure to list the
   * organisation's accounts is thrown by the stream's terminal operation.
   *
   * @param options what to audit
   */
  public Stream<AuditRecord> stream(AuditOptions options) {
    Objects.requireNonNull(options, "options");
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
    Object end = new Object();
    Thread runner = new Thread(() -> {
      try {
        run(options, new AuditListener() {
          @Override
          public void onJob(AuditedJob job) {
            put(queue, job);
          }

          @Override
          public void onGap(AuditGap gap) {
            put(queue, gap);
          }
        });
        queue.put(end);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        queue.offer(e);
      }
    }, "vpctrain-audit");
    runner.setDaemon(true);
    runner.start();
    Iterator<AuditRecord> records = new Iterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.interrupt();
            throw new IllegalStateException("Interrupted while reading the audit", e);
          }
        }
        if (next instanceof RuntimeException e) {
          throw e;
        }
        return next != end;
      }

      @Override
      public AuditRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        AuditRecord r = (AuditRecord) next;
        next = null;
        return r;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(runner::interrupt);
  }

  private static void put(BlockingQueue<Object> queue, Object o) {
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The audit's reader went away", e);
    }
  }

  /** The accounts in scope: listed or the organisation's active ones, distinct, in this process's shard. */
  private List<String> accounts(AuditOptions options, Output out) {
    LinkedHashSet<String> all = new LinkedHashSet<>(options.accounts());
    if (options.organization()) {
      try {
        for (Account a : (Iterable<Account>) clients.organizations().listAccountsPaginator(r -> { }).stream()
            .flatMap(page -> page.accounts().stream())::iterator) {
          if ("ACTIVE".equals(a.statusAsString())) {
            all.add(a.id());
          } else if (options.shard().map(s -> s.includes(a.id())).orElse(true)) {
            out.gap(AuditGap.builder().accountId(a.id()).reason(GapReason.ACCOUNT_NOT_ACTIVE)
                .operation("organizations:ListAccounts").errorCode(a.statusAsString())
                .message("The account is " + a.statusAsString() + " in the organisation; it is not audited.").build());
          }
        }
      } catch (SdkException e) {
        throw new AwsCallException("organizations:ListAccounts", e);
      }
    }
    return all.stream().filter(a -> options.shard().map(s -> s.includes(a)).orElse(true)).toList();
  }

  private void account(String account, AuditOptions options, CallStats stats, Output out, ExecutorService callPool,
      ExecutorService discoveryPool) {
    String roleArn = "arn:" + partition(options.homeRegion()) + ":iam::" + account + ":role/" + options.roleName();
    try (StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(clients.sts()).refreshRequest(r -> r.roleArn(roleArn).roleSessionName(SESSION).durationSeconds(3600))
        .build()) {
      try {
        credentials.resolveCredentials();
      } catch (SdkException e) {
        out.gap(Gaps.of(account, Optional.empty(), Optional.empty(), "sts:AssumeRole", e));
        return;
      }
      for (String region : regions(account, options, credentials, stats, out)) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        try (RegionClients c = clients.region(credentials, region, stats)) {
          if (new AuditJobs(account, region, c, options, engine, clock, callPool, discoveryPool, out).run()) {
            out.regionRead();
          }
        } catch (SdkException e) {
          out.gap(Gaps.of(account, Optional.of(region), Optional.empty(), "audit", e));
        } catch (RuntimeException e) {
          LOG.warn("Auditing {} in {} failed", account, region, e);
          out.gap(AuditGap.builder().accountId(account).region(region).reason(GapReason.OTHER).operation("audit")
              .errorCode(e.getClass().getSimpleName()).message(String.valueOf(e.getMessage())).build());
        }
      }
    } finally {
      out.accountDone();
    }
  }

  /** The listed regions, or those the account has enabled (the others are gaps). */
  private List<String> regions(String account, AuditOptions options, AwsCredentialsProvider credentials,
      CallStats stats, Output out) {
    if (!options.allRegions()) {
      return options.regions();
    }
    List<String> enabled = new ArrayList<>();
    try (RegionClients c = clients.region(credentials, options.homeRegion(), stats)) {
      for (Region r : c.ec2().describeRegions(b -> b.allRegions(true)).regions()) {
        if ("not-opted-in".equals(r.optInStatus())) {
          out.gap(AuditGap.builder().accountId(account).region(r.regionName()).reason(GapReason.REGION_NOT_ENABLED)
              .operation("ec2:DescribeRegions").errorCode("not-opted-in")
              .message("The opt-in region " + r.regionName() + " is not enabled in the account; it is not audited.")
              .build());
        } else {
          enabled.add(r.regionName());
        }
      }
    } catch (SdkException e) {
      out.gap(Gaps.of(account, Optional.empty(), Optional.empty(), "ec2:DescribeRegions", e));
    }
    return enabled.stream().sorted().toList();
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  private static ThreadFactory threads(String what) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "vpctrain-audit-" + what + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds an {@link Audit}. */
  public static final class Builder {
    private AuditClients clients;
    private RuleEngine engine;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The clients the audit reads with (required).
     *
     * @param clients the clients
     * @return this builder
     */
    public Builder clients(AuditClients clients) {
      this.clients = clients;
      return this;
    }

    /**
     * The rule engine of the preflight, the standard one unless set.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder ruleEngine(RuleEngine engine) {
      this.engine = engine;
      return this;
    }

    /**
     * The clock of the time window and of "failed N days ago".
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@return the audit} */
    public Audit build() {
      return new Audit(this);
    }
  }
}
