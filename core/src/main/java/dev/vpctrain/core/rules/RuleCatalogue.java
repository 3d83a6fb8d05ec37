package dev.vpctrain.core.rules;

import dev.vpctrain.core.rules.request.RequestIdMalformed;
import dev.vpctrain.core.rules.request.RequestInstancesInvalid;
import dev.vpctrain.core.rules.request.RequestSecurityGroupsCount;
import dev.vpctrain.core.rules.request.RequestSubnetsCount;
import dev.vpctrain.core.rules.request.RequestVpcConfigPartial;
import dev.vpctrain.core.rules.vpc.VpcMixed;
import dev.vpctrain.core.rules.vpc.VpcResourceNotFound;
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
    rules.add(new RequestVpcConfigPartial());
    rules.add(new RequestSubnetsCount());
    rules.add(new RequestSecurityGroupsCount());
    rules.add(new RequestIdMalformed());
    rules.add(new RequestInstancesInvalid());
    // the VPC
    rules.add(new VpcResourceNotFound());
    rules.add(new VpcMixed());
    rules.add(new VpcTenancyDedicated());
    // subnet capacity
    // the S3 data path
    // traffic between the job's instances
    // resources outside the VPC
    // network isolation
    return rules;
  }
}
