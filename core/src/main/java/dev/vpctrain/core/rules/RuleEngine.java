package dev.vpctrain.core.rules;

import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a catalogue of rules over a job and its network and returns the report. Thread-safe and
 * reusable. A rule that throws is reported UNVERIFIED (never PASS) and logged.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.builder().suppress("s3.packages.not-blocked").build();
 * PreflightReport report = engine.evaluate(job, snapshot);
 * }</pre>
 *
 * <p>{@link #standard()} runs the whole built-in {@link RuleCatalogue}; the builder suppresses rules or
 * adds rules of your own ({@link Rule}, {@link BaseRule}).
 */
public final class RuleEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  private final List<Rule> rules;
  private final Set<String> suppressed;

  private RuleEngine(Builder b) {
    this.rules = List.copyOf(b.rules.values());
    this.suppressed = Set.copyOf(b.suppressed);
  }

  /** {@return an engine with the whole built-in catalogue} */
  public static RuleEngine standard() {
    return builder().build();
  }

  /** {@return a builder starting from the built-in catalogue} */
  public static Builder builder() {
    return new Builder().rules(RuleCatalogue.standard());
  }

  /** {@return the rules this engine runs (suppressed ones excluded)} */
  public List<Rule> rules() {
    List<Rule> active = new ArrayList<>();
    for (Rule r : rules) {
      if (!suppressed.contains(r.id())) {
        active.add(r);
      }
    }
    return active;
  }

  /**
   * {@return the rule of {@code id}, if this engine has it}
   *
   * @param id the id
   */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Evaluates every active rule, then applies the job's {@linkplain TrainingJobSpec#acceptedUnverified()
   * acceptances}: the UNVERIFIED findings they match are marked accepted.
   *
   * @param job the training job
   * @param network the network snapshot
   * @return the report of every rule
   * @throws IllegalArgumentException when an acceptance names a rule id this engine does not have
   */
  public PreflightReport evaluate(TrainingJobSpec job, NetworkSnapshot network) {
    checkAcceptances(job.acceptedUnverified());
    RuleContext context = RuleContext.of(job, network);
    List<Finding> findings = new ArrayList<>();
    int evaluated = 0;
    for (Rule rule : rules()) {
      evaluated++;
      findings.addAll(run(rule, context));
    }
    return PreflightReport.of(job.name(), context.region(), findings, evaluated, job.acceptedUnverified())
        .withKind(job.kind());
  }

  /**
   * Evaluates a job of any kind. A training job, and a processing job through its workload, is
   * evaluated as {@link #evaluate(TrainingJobSpec, NetworkSnapshot)} does. A tuning job's definitions
   * are each evaluated as a training job that knows its tuning job ({@link RuleContext#tuning()}); a
   * finding that every definition gives alike appears once, and one that only some give is marked
   * with their names ({@link Finding#definition()}).
   *
   * @param job the job
   * @param network the network snapshot
   * @return the report of every rule, of the job's kind
   * @throws IllegalArgumentException when an acceptance names a rule id this engine does not have
   */
  public PreflightReport evaluate(JobSpec job, NetworkSnapshot network) {
    if (job instanceof TuningJobSpec tuning) {
      return evaluate(tuning, network);
    }
    if (job.workloads().size() != 1) {
      throw new IllegalArgumentException("a " + job.kind().label() + " job has one workload, not " + job.workloads().size());
    }
    return evaluate(job.workloads().get(0), network).withKind(job.kind());
  }

  private PreflightReport evaluate(TuningJobSpec tuning, NetworkSnapshot network) {
    Set<Acceptance> acceptances = new LinkedHashSet<>();
    tuning.definitions().forEach(d -> acceptances.addAll(d.acceptedUnverified()));
    checkAcceptances(acceptances);
    Map<Object, Object> shared = new ConcurrentHashMap<>();
    Map<Finding, List<String>> where = new LinkedHashMap<>();
    String region = null;
    for (TrainingJobSpec d : tuning.definitions()) {
      RuleContext context = RuleContext.of(d, network, tuning, shared);
      region = region == null ? context.region() : region;
      String name = d.definitionName().orElse("TrainingJobDefinition");
      for (Rule rule : rules()) {
        for (Finding f : run(rule, context)) {
          List<String> names = where.computeIfAbsent(f, k -> new ArrayList<>());
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    int all = tuning.definitions().size();
    List<Finding> findings = new ArrayList<>(where.size());
    where.forEach((f, names) -> findings.add(names.size() == all ? f : f.withDefinition(String.join(", ", names))));
    return PreflightReport.of(tuning.name(), region, findings, rules().size(), List.copyOf(acceptances))
        .withKind(JobKind.TUNING);
  }

  private void checkAcceptances(Collection<Acceptance> acceptances) {
    for (Acceptance a : acceptances) {
      if (rule(a.ruleId()).isEmpty()) {
        throw new IllegalArgumentException("cannot accept UNVERIFIED findings of '" + a.ruleId()
            + "': there is no rule of that id (see RuleCatalogue, or 'vpctrain rules')");
      }
    }
  }

  private static List<Finding> run(Rule rule, RuleContext context) {
    try {
      List<Finding> out = rule.evaluate(context);
      if (out == null || out.isEmpty()) {
        return List.of(internal(rule, "returned no finding"));
      }
      for (Finding f : out) {
        if (!f.ruleId().equals(rule.id())) {
          return List.of(internal(rule, "returned a finding of another rule (" + f.ruleId() + ")"));
        }
      }
      return out;
    } catch (RuntimeException e) {
      LOG.warn("Rule {} failed; reporting it UNVERIFIED", rule.id(), e);
      return List.of(internal(rule, "failed with " + e));
    }
  }

  private static Finding internal(Rule rule, String what) {
    return Finding.builder()
        .ruleId(rule.id())
        .severity(rule.severity())
        .outcome(Outcome.UNVERIFIED)
        .message("Rule " + rule.id() + " could not decide: it " + what + ". This is a bug in vpctrain; please report it.")
        .build();
  }

  /** Builds a {@link RuleEngine}. */
  public static final class Builder {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Set<String> suppressed = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Replaces the rule set.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(Collection<? extends Rule> rules) {
      this.rules.clear();
      rules.forEach(this::addRule);
      return this;
    }

    /**
     * Adds a rule (a user's own, or one replacing a built-in of the same id).
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder addRule(Rule rule) {
      Objects.requireNonNull(rule, "rule");
      rules.put(rule.id(), rule);
      return this;
    }

    /**
     * Suppresses rule ids: they are not run and do not appear in the report.
     *
     * @param ruleIds the rule ids
     * @return this builder
     */
    public Builder suppress(String... ruleIds) {
      for (String id : ruleIds) {
        suppressed.add(Objects.requireNonNull(id));
      }
      return this;
    }

    /**
     * Turns rules off by id.
     *
     * @param ruleIds the rule ids
     * @return this builder
     */
    public Builder suppress(Collection<String> ruleIds) {
      ruleIds.forEach(this::suppress);
      return this;
    }

    /** {@return a new {@code RuleEngine} with the values given} */
    public RuleEngine build() {
      return new RuleEngine(this);
    }
  }
}
