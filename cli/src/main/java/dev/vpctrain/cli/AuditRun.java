package dev.vpctrain.cli;

import dev.vpctrain.aws.audit.AuditListener;
import dev.vpctrain.aws.audit.AuditOptions;
import dev.vpctrain.aws.audit.AuditProgress;
import dev.vpctrain.aws.audit.AuditSummary;
import dev.vpctrain.aws.audit.AuditGap;
import dev.vpctrain.aws.audit.AuditedJob;
import dev.vpctrain.aws.audit.Shard;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.vpctrain.aws.audit.Audit;

/**
 * What {@code vpctrain audit} runs: the options checked, the accounts file read, the audit run with the command's
 * clients, its records written in the chosen format and its progress on standard error when that is a terminal.
 * A class of its own, so that building the command for {@code --help} loads none of the SDK types it uses.
 */
final class AuditRun {
  private static final Pattern AGE = Pattern.compile("(\\d+)([dhw])");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private AuditRun() {}

  static int run(AuditCommand c, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
    if (!AuditOutput.FORMATS.contains(c.format)) {
      throw new UsageException("--format: expected one of " + String.join(", ", AuditOutput.FORMATS) + " but was '"
          + c.format + "'");
    }
    if ((c.accounts == null) == !c.organization) {
      throw new UsageException(c.organization ? "give --accounts FILE or --organization, not both"
          : "give the accounts to audit: --accounts FILE, or --organization for every account of the organisation");
    }
    c.color.choice();
    AuditOptions options = options(c);
    // one JVM-wide keep-alive pool: enough idle connections for every call in flight (read once, before any call)
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", Integer.toString(Math.max(5, options.concurrency() * 8)));
    }
    boolean progress = Terminal.stdoutIsTerminal();
    try (Writer sink = c.outputFile.output == null ? out : Files.newBufferedWriter(c.outputFile.output, StandardCharsets.UTF_8);
        AwsClients clients = c.aws.clients(Optional.of(options.homeRegion()))) {
      AuditOutput output = AuditOutput.of(c.format, sink, c.color.paint());
      AuditListener listener = progress ? withProgress(output, err) : output;
      AuditSummary summary;
      try {
        summary = Audit.builder().clients(clients.auditClients()).ruleEngine(RuleEngine.standard()).build()
            .run(options, listener);
      } catch (RuntimeException e) {
        clients.requireCredentials();
        throw e;
      }
      if (progress) {
        err.println();
      }
      output.finish(summary);
      sink.flush();
      if (c.outputFile.output != null) {
        err.println("vpctrain: wrote " + c.outputFile.output + " (" + summary.jobs() + " job(s), " + summary.gaps()
            + " unread part(s))");
      }
      clients.requireCredentials();
      return ExitCodes.ofAudit(summary.complete(), summary.byVerdict());
    }
  }

  static AuditOptions options(AuditCommand c) throws IOException {
    AuditOptions.Builder b = AuditOptions.builder().roleName(c.roleName).organization(c.organization)
        .concurrency(c.concurrency);
    if (c.accounts != null) {
      b.accounts(readAccounts(c.accounts));
    }
    List<String> regions = c.regions.stream().map(String::trim).filter(r -> !r.isEmpty()).toList();
    if (regions.equals(List.of("all"))) {
      b.allRegions(true);
      c.aws.account.region().ifPresent(b::homeRegion);
    } else if (regions.contains("all")) {
      throw new UsageException("--regions: all stands alone, not in a list");
    } else {
      b.regions(regions);
    }
    if (c.since != null) {
      b.since(age(c.since));
    }
    if (c.kinds != null) {
      List<JobKind> kinds = new ArrayList<>();
      for (String k : c.kinds) {
        kinds.add(JobKind.ofLabel(k.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> new UsageException(
            "--kinds: expected training, processing or tuning but was '" + k.trim() + "'")));
      }
      b.kinds(kinds);
    }
    if (c.statuses != null) {
      c.statuses.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(b::addStatuses);
    }
    if (c.shard != null) {
      try {
        b.shard(Shard.parse(c.shard));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--shard: " + e.getMessage());
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static Duration age(String text) {
    Matcher m = AGE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "w" -> Duration.ofDays(7 * n);
        default -> Duration.ofDays(n);
      };
      if (!d.isZero()) {
        return d;
      }
    } else {
      try {
        Duration d = Duration.parse(text.trim());
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // the message below says what is expected
      }
    }
    throw new UsageException("--since: expected an age such as 30d, 12h, 2w or P30D but was '" + text + "'");
  }

  /** The account ids of {@code file}: one per line, blank lines and {@code #} comments ignored. */
  static List<String> readAccounts(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString());
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String id = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!ACCOUNT.matcher(id).matches()) {
        throw new InvalidInputException(file.toString(), "line " + (i + 1),
            "a 12-digit account id (one per line, '#' starts a comment), not '" + id + "'");
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException(file.toString(), "line 1", "at least one 12-digit account id");
    }
    return ids;
  }

  /**
   * The output, and a progress line on standard error: accounts done of all, calls, throttles, ETA. The line is
   * cleared before each record, so that records written to the same terminal stay whole.
   */
  private static AuditListener withProgress(AuditListener output, PrintWriter err) {
    return new AuditListener() {
      private int shown;

      private void clear() {
        if (shown > 0) {
          err.print("\r" + " ".repeat(shown) + "\r");
          err.flush();
          shown = 0;
        }
      }

      @Override
      public void onJob(AuditedJob job) {
        clear();
        output.onJob(job);
      }

      @Override
      public void onGap(AuditGap gap) {
        clear();
        output.onGap(gap);
      }

      @Override
      public void onProgress(AuditProgress p) {
        String line = progressLine(p);
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
      }
    };
  }

  static String progressLine(AuditProgress p) {
    int width = 24;
    int filled = p.accountsTotal() == 0 ? 0 : (int) ((long) width * p.accountsDone() / p.accountsTotal());
    return String.format(Locale.ROOT, "[%s%s] %d/%d accounts, %d jobs, %d calls, %d throttled, ETA %s",
        "#".repeat(filled), " ".repeat(width - filled), p.accountsDone(), p.accountsTotal(), p.jobs(), p.calls(),
        p.throttles(), p.eta().map(AuditRun::minutes).orElse("?"));
  }

  private static String minutes(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }
}
