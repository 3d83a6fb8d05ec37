package dev.vpctrain.core.rules;

import dev.vpctrain.core.rules.cluster.NaclClusterBlocked;
import dev.vpctrain.core.rules.cluster.SgClusterEgressBlocked;
import dev.vpctrain.core.rules.cluster.SgEfaSelfTraffic;
import dev.vpctrain.core.rules.cluster.SgIntercontainerEncryptionOff;
import dev.vpctrain.core.rules.cluster.SgSelfIngressMissing;
import dev.vpctrain.core.rules.egress.EgressInterfaceEndpointAz;
import dev.vpctrain.core.rules.egress.EgressInterfaceEndpointDns;
import dev.vpctrain.core.rules.egress.EgressInterfaceEndpointSecurityGroup;
import dev.vpctrain.core.rules.egress.EgressInternetIgwOnly;
import dev.vpctrain.core.rules.egress.EgressInternetUnreachable;
import dev.vpctrain.core.rules.egress.EgressNatMisplaced;
import dev.vpctrain.core.rules.egress.EgressServiceUnreachable;
import dev.vpctrain.core.rules.egress.EgressSubnetsInconsistent;
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
    rules.add(new EgressServiceUnreachable());
    rules.add(new EgressInterfaceEndpointDns());
    rules.add(new EgressInterfaceEndpointSecurityGroup());
    rules.add(new EgressInterfaceEndpointAz());
    rules.add(new EgressInternetUnreachable());
    rules.add(new EgressInternetIgwOnly());
    rules.add(new EgressNatMisplaced());
    rules.add(new EgressSubnetsInconsistent());
    // network isolation
    rules.add(new IsolationConflict());
    return rules;
  }
}
