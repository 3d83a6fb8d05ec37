package dev.vpctrain.core.rules;

import dev.vpctrain.core.rules.cluster.NaclClusterBlocked;
import dev.vpctrain.core.rules.cluster.SgClusterEgressBlocked;
import dev.vpctrain.core.rules.cluster.SgEfaSelfTraffic;
import dev.vpctrain.core.rules.cluster.SgIntercontainerEncryptionOff;
import dev.vpctrain.core.rules.cluster.SgSelfIngressMissing;
import dev.vpctrain.core.rules.isolation.IsolationConflict;
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
    rules.add(new SgSelfIngressMissing());
    rules.add(new SgClusterEgressBlocked());
    rules.add(new SgEfaSelfTraffic());
    rules.add(new NaclClusterBlocked());
    rules.add(new SgIntercontainerEncryptionOff());
    // resources outside the VPC
    // network isolation
    rules.add(new IsolationConflict());
    return rules;
  }
}
