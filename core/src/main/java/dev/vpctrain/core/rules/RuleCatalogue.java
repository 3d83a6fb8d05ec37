package dev.vpctrain.core.rules;

import dev.vpctrain.core.rules.egress.InterfaceEndpointPolicy;
import dev.vpctrain.core.rules.request.RequestIdMalformed;
import dev.vpctrain.core.rules.request.RequestInstancesInvalid;
import dev.vpctrain.core.rules.request.RequestSecurityGroupsCount;
import dev.vpctrain.core.rules.request.RequestSubnetsCount;
import dev.vpctrain.core.rules.request.RequestVpcConfigPartial;
import dev.vpctrain.core.rules.s3.S3BucketPolicyDenies;
import dev.vpctrain.core.rules.s3.S3BucketPolicyNotRestricted;
import dev.vpctrain.core.rules.s3.S3EndpointPolicyDenies;
import dev.vpctrain.core.rules.s3.S3EndpointPolicyFullAccess;
import dev.vpctrain.core.rules.s3.S3PackagesNotBlocked;
import dev.vpctrain.core.rules.s3.S3PolicyUndecidable;
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
    // (s3.route.*, s3.bucket.other-region, s3.security-group.egress, s3.nacl.blocked come first)
    rules.add(new S3EndpointPolicyDenies());
    rules.add(new S3BucketPolicyDenies());
    rules.add(new S3PolicyUndecidable());
    rules.add(new S3EndpointPolicyFullAccess());
    rules.add(new S3BucketPolicyNotRestricted());
    rules.add(new S3PackagesNotBlocked());
    // traffic between the job's instances
    // resources outside the VPC
    // (egress.service.unreachable, egress.interface-endpoint.dns, egress.interface-endpoint.security-group come first)
    rules.add(new InterfaceEndpointPolicy());
    // (egress.interface-endpoint.az and the egress.internet.*, egress.nat.*, egress.subnets.* rules follow)
    // network isolation
    return rules;
  }
}
