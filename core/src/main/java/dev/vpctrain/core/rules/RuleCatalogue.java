package dev.vpctrain.core.rules;

import dev.vpctrain.core.rules.vpc.VpcTenancyDedicated;
import java.util.ArrayList;
import java.util.List;

/** The built-in rules, in catalogue order (rules.md). */
public final class RuleCatalogue {
  private RuleCatalogue() {}

  /** A fresh list of every built-in rule. */
  public static List<Rule> standard() {
    List<Rule> rules = new ArrayList<>();
    // request shape
    // the VPC
    rules.add(new VpcTenancyDedicated());
    // subnet capacity
    // the S3 data path
    // traffic between the job's instances
    // resources outside the VPC
    // network isolation
    return rules;
  }
}
