package dev.vpctrain.core.rules;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.List;

/**
 * One check of the catalogue. A rule returns at least one finding for every evaluation: PASS when
 * it holds (or does not apply), FAIL naming the resources, or UNVERIFIED naming what is unknown.
 * Implementations are stateless and thread-safe. The built-in rules are listed by
 * {@link RuleCatalogue#standard()}; each has a page {@code docs/rules/<id>.md}. Extend {@link BaseRule}
 * to write one.
 */
public interface Rule {
  /** {@return the stable id, for example {@code s3.route.missing}: a public contract} */
  String id();

  /** {@return the catalogue severity; a finding may carry another where the rule's page says so (same id)} */
  Severity severity();

  /** {@return a one-line summary for listings} */
  String title();

  /**
   * Evaluates the rule; never throws for any spec or snapshot.
   *
   * @param context the rule context
   * @return the findings, at least one
   */
  List<Finding> evaluate(RuleContext context);
}
