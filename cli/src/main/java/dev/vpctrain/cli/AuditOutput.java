package dev.vpctrain.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.audit.AuditGap;
import dev.vpctrain.aws.audit.AuditListener;
import dev.vpctrain.aws.audit.AuditSummary;
import dev.vpctrain.aws.audit.AuditedJob;
import dev.vpctrain.core.BuildInfo;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.SarifReport;
import dev.vpctrain.core.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The formats of {@code vpctrain audit}, each written as results come (docs/audit.md): {@code jsonl} one record a
 * line then the summary; {@code json} one document {@code vpctrain-audit/1} with its records array streamed;
 * {@code csv} one row a record; {@code sarif} one result per finding of a job (gaps as notifications); {@code text}
 * one line per job with a problem and per gap, then the summary by rule and by account.
 */
abstract class AuditOutput implements AuditListener {
  static final String SCHEMA = "vpctrain-audit/1";
  static final List<String> FORMATS = List.of("text", "json", "jsonl", "csv", "sarif");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the end (the summary) and flushes. */
  abstract void finish(AuditSummary summary);

  static AuditOutput of(String format, Writer out, Paint paint) {
    return switch (format) {
      case "jsonl" -> new JsonLines(out);
      case "json" -> new JsonDocument(out);
      case "csv" -> new Csv(out);
      case "sarif" -> new Sarif(out);
      default -> new Text(new PrintWriter(out), paint);
    };
  }

  /** The JSON of one job, as each JSON format writes it. */
  static ObjectNode json(AuditedJob j) {
    ObjectNode n = JSON.createObjectNode().put("type", "job").put("account", j.accountId()).put("region", j.region())
        .put("job", j.jobName()).put("kind", j.kind().label()).put("status", j.status());
    j.creationTime().ifPresent(t -> n.put("created", t.toString()));
    j.vpcId().ifPresent(v -> n.put("vpc", v));
    n.put("verdict", j.verdict().name());
    ArrayNode findings = n.putArray("findings");
    for (Finding f : j.findings()) {
      ObjectNode o = findings.addObject().put("rule", f.ruleId()).put("severity", f.severity().name())
          .put("outcome", f.outcome().name());
      f.definition().ifPresent(d -> o.put("definition", d));
      f.resources().forEach(o.putArray("resources")::add);
      o.put("message", f.message());
    }
    j.failureReason().ifPresent(r -> n.put("failureReason", r));
    j.diagnosis().ifPresent(d -> n.put("diagnosis", d));
    j.note().ifPresent(d -> n.put("note", d));
    return n;
  }

  /** The JSON of one gap. */
  static ObjectNode json(AuditGap g) {
    ObjectNode n = JSON.createObjectNode().put("type", "gap").put("account", g.accountId());
    g.region().ifPresent(r -> n.put("region", r));
    g.jobName().ifPresent(r -> n.put("job", r));
    return n.put("reason", g.reason().name()).put("operation", g.operation()).put("errorCode", g.errorCode())
        .put("message", g.message());
  }

  /** The JSON of the summary. */
  static ObjectNode json(AuditSummary s) {
    ObjectNode n = JSON.createObjectNode().put("type", "summary").put("complete", s.complete())
        .put("accounts", s.accounts()).put("regionsRead", s.regionsRead()).put("jobs", s.jobs());
    ObjectNode verdicts = n.putObject("byVerdict");
    s.byVerdict().forEach((v, c) -> verdicts.put(v.name(), c));
    ObjectNode rules = n.putObject("byRule");
    s.byRule().forEach(rules::put);
    ObjectNode accounts = n.putObject("byAccount");
    s.byAccount().forEach((a, m) -> {
      ObjectNode o = accounts.putObject(a);
      m.forEach((v, c) -> o.put(v.name(), c));
    });
    return n.put("failedStillBroken", s.failedStillBroken()).put("gaps", s.gaps()).put("calls", s.calls())
        .put("retries", s.retries()).put("throttles", s.throttles()).put("seconds", s.elapsed().toMillis() / 1000.0);
  }

  private static JsonGenerator generator(Writer out) {
    try {
      return new JsonFactory(JSON).createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON object per line. */
  private static final class JsonLines extends AuditOutput {
    private final Writer out;

    JsonLines(Writer out) {
      this.out = out;
    }

    private void line(ObjectNode n) {
      try {
        out.write(JSON.writeValueAsString(n));
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onJob(AuditedJob job) {
      line(json(job));
    }

    @Override
    public void onGap(AuditGap gap) {
      line(json(gap));
    }

    @Override
    void finish(AuditSummary summary) {
      line(json(summary));
    }
  }

  /** One document, its records array streamed. */
  private static final class JsonDocument extends AuditOutput {
    private final JsonGenerator g;

    JsonDocument(Writer out) {
      g = generator(out);
      try {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeArrayFieldStart("records");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void write(ObjectNode n) {
      try {
        g.writeTree(n);
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onJob(AuditedJob job) {
      write(json(job));
    }

    @Override
    public void onGap(AuditGap gap) {
      write(json(gap));
    }

    @Override
    void finish(AuditSummary summary) {
      try {
        g.writeEndArray();
        g.writeFieldName("summary");
        g.writeTree(json(summary).without("type"));
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** RFC 4180 rows: one per job and per gap. */
  private static final class Csv extends AuditOutput {
    private final PrintWriter out;

    Csv(Writer stream) {
      out = new PrintWriter(stream);
      row("type", "account", "region", "job", "kind", "status", "verdict", "rules", "vpc", "failure_reason", "detail");
    }

    private void row(String... cells) {
      out.print(java.util.Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")));
      out.print("\r\n");
      out.flush();
    }

    private static String cell(String s) {
      if (s == null) {
        return "";
      }
      return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
          ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public void onJob(AuditedJob j) {
      row("job", j.accountId(), j.region(), j.jobName(), j.kind().label(), j.status(), j.verdict().name(),
          j.findings().stream().map(Finding::ruleId).distinct().collect(Collectors.joining(" ")), j.vpcId().orElse(null),
          j.failureReason().orElse(null), j.diagnosis().or(j::note).orElse(null));
    }

    @Override
    public void onGap(AuditGap g) {
      row("gap", g.accountId(), g.region().orElse(null), g.jobName().orElse(null), null, null, g.reason().name(),
          null, null, null, g.message());
    }

    @Override
    void finish(AuditSummary summary) {
      out.flush();
    }
  }

  /** SARIF 2.1.0: results streamed, then the tool's rules and the run's notifications (the gaps). */
  private static final class Sarif extends AuditOutput {
    private final JsonGenerator g;
    private final Map<String, String> rules = new TreeMap<>();
    private final List<AuditGap> gaps = new ArrayList<>();

    Sarif(Writer out) {
      g = generator(out);
      try {
        g.writeStartObject();
        g.writeStringField("$schema", SarifReport.SCHEMA_URI);
        g.writeStringField("version", SarifReport.VERSION);
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeArrayFieldStart("results");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onJob(AuditedJob j) {
      String where = j.accountId() + "/" + j.region() + "/" + j.kind().label() + "/" + j.jobName();
      for (Finding f : j.findings()) {
        rules.putIfAbsent(f.ruleId(), f.doc());
        ObjectNode r = JSON.createObjectNode().put("ruleId", f.ruleId());
        if (f.outcome() == Outcome.FAIL) {
          r.put("level", SarifReport.level(f.severity()));
        } else {
          r.put("kind", "open").put("level", "none");
        }
        r.putObject("message").put("text", where + ": " + f.message());
        r.putArray("locations").addObject().putArray("logicalLocations").addObject()
            .put("fullyQualifiedName", where).put("kind", "resource");
        try {
          g.writeTree(r);
          g.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public void onGap(AuditGap gap) {
      gaps.add(gap);
    }

    @Override
    void finish(AuditSummary summary) {
      ObjectNode tool = JSON.createObjectNode();
      ObjectNode driver = tool.putObject("driver").put("name", "vpctrain").put("version", BuildInfo.version())
          .put("informationUri", "https://github.com/vpctrain/vpctrain");
      ArrayNode list = driver.putArray("rules");
      rules.forEach((id, doc) -> list.addObject().put("id", id).put("helpUri", doc));
      ObjectNode invocation = JSON.createObjectNode().put("executionSuccessful", summary.complete());
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (AuditGap gap : gaps) {
        notes.addObject().put("level", "error").putObject("message").put("text", gap.accountId()
            + gap.region().map(r -> "/" + r).orElse("") + gap.jobName().map(j -> "/" + j).orElse("") + ": "
            + gap.reason() + ": " + gap.message());
      }
      try {
        g.writeEndArray();
        g.writeFieldName("tool");
        g.writeTree(tool);
        g.writeArrayFieldStart("invocations");
        g.writeTree(invocation);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** For people: a line per job with a problem and per gap, then the summary. */
  private static final class Text extends AuditOutput {
    private final PrintWriter out;
    private final Paint paint;

    Text(PrintWriter out, Paint paint) {
      this.out = out;
      this.paint = paint;
    }

    @Override
    public void onJob(AuditedJob j) {
      if (j.verdict() == Verdict.READY && j.diagnosis().isEmpty()) {
        return;
      }
      out.println(paint.verdict(j.verdict()) + "  " + j.accountId() + " " + j.region() + " " + j.kind().label() + " job "
          + j.jobName() + " (" + j.status() + ")" + (j.findings().isEmpty() ? "" : ": " + j.findings().stream()
              .sorted(Comparator.comparing(Finding::severity).thenComparing(f -> f.outcome() != Outcome.FAIL))
              .map(Finding::ruleId).distinct().collect(Collectors.joining(", "))));
      j.diagnosis().ifPresent(d -> out.println("  " + d));
      j.note().ifPresent(d -> out.println("  note: " + d));
      out.flush();
    }

    @Override
    public void onGap(AuditGap g) {
      out.println("UNREAD  " + g.accountId() + g.region().map(r -> " " + r).orElse("") + g.jobName().map(n -> " " + n)
          .orElse("") + ": " + g.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + g.message());
      out.flush();
    }

    @Override
    void finish(AuditSummary s) {
      out.println();
      out.println((s.complete() ? "Audit complete" : "Audit INCOMPLETE") + ": " + s.accounts() + " account(s), "
          + s.regionsRead() + " account-region(s) read, " + s.jobs() + " job(s): " + count(s, Verdict.READY) + " ready, "
          + count(s, Verdict.NOT_READY) + " not ready, " + count(s, Verdict.UNVERIFIED) + " unverified; " + s.gaps()
          + " part(s) unread.");
      if (s.failedStillBroken() > 0) {
        out.println(s.failedStillBroken() + " failed job(s) run in networks that still have the fault they failed on.");
      }
      if (!s.byRule().isEmpty()) {
        out.println("By rule (jobs with a finding):");
        s.byRule().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
      }
      List<Map.Entry<String, Map<Verdict, Long>>> worst = s.byAccount().entrySet().stream()
          .filter(e -> e.getValue().getOrDefault(Verdict.NOT_READY, 0L) > 0)
          .sorted(Comparator.comparing((Map.Entry<String, Map<Verdict, Long>> e) -> -e.getValue().get(Verdict.NOT_READY))
              .thenComparing(Map.Entry::getKey))
          .limit(20).toList();
      if (!worst.isEmpty()) {
        out.println("Accounts with the most jobs not ready" + (worst.size() == 20 ? " (top 20)" : "") + ":");
        worst.forEach(e -> out.printf(Locale.ROOT, "  %s  %d not ready of %d%n", e.getKey(),
            e.getValue().get(Verdict.NOT_READY), e.getValue().values().stream().mapToLong(Long::longValue).sum()));
      }
      out.printf(Locale.ROOT, "%d AWS call(s), %d retried, %d throttled, in %.1f s.%n", s.calls(), s.retries(),
          s.throttles(), s.elapsed().toMillis() / 1000.0);
      out.flush();
    }

    private static long count(AuditSummary s, Verdict v) {
      return s.byVerdict().getOrDefault(v, 0L);
    }
  }
}
