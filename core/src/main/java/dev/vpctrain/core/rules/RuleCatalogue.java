package dev.vpctrain.core.rules;

import dev.vpctrain.core.internal.rules.cluster.NaclClusterBlocked;
import dev.vpctrain.core.internal.rules.cluster.SgClusterEgressBlocked;
import dev.vpctrain.core.internal.rules.cluster.SgEfaSelfTraffic;
import dev.vpctrain.core.internal.rules.cluster.SgIntercontainerEncryptionOff;
import dev.vpctrain.core.internal.rules.cluster.SgSelfIngressMissing;
import dev.vpctrain.core.internal.rules.egress.EgressInterfaceEndpointAz;
import dev.vpctrain.core.internal.rules.egress.EgressInterfaceEndpointDns;
import dev.vpctrain.core.internal.rules.egress.EgressInterfaceEndpointSecurityGroup;
import dev.vpctrain.core.internal.rules.egress.EgressInternetIgwOnly;
import dev.vpctrain.core.internal.rules.egress.EgressInternetUnreachable;
import dev.vpctrain.core.internal.rules.egress.EgressNatMisplaced;
import dev.vpctrain.core.internal.rules.egress.EgressNatNaclBlocked;
import dev.vpctrain.core.internal.rules.egress.EgressServiceUnreachable;
import dev.vpctrain.core.internal.rules.egress.EgressSubnetsInconsistent;
import dev.vpctrain.core.internal.rules.egress.InterfaceEndpointPolicy;
import dev.vpctrain.core.internal.rules.fs.FsDirectoryPath;
import dev.vpctrain.core.internal.rules.fs.FsDns;
import dev.vpctrain.core.internal.rules.fs.FsLifecycleUnavailable;
import dev.vpctrain.core.internal.rules.fs.FsNotFound;
import dev.vpctrain.core.internal.rules.fs.FsRoute;
import dev.vpctrain.core.internal.rules.fs.FsEfsFileSystemPolicy;
import dev.vpctrain.core.internal.rules.fs.FsEfsMountTargetAz;
import dev.vpctrain.core.internal.rules.fs.FsEfsMountTargetMissing;
import dev.vpctrain.core.internal.rules.fs.FsEfsSecurityGroup;
import dev.vpctrain.core.internal.rules.fs.FsFsxAz;
import dev.vpctrain.core.internal.rules.fs.FsFsxSecurityGroup;
import dev.vpctrain.core.internal.rules.fs.FsNaclBlocked;
import dev.vpctrain.core.internal.rules.isolation.IsolationConflict;
import dev.vpctrain.core.internal.rules.request.RequestFileSystemInputMode;
import dev.vpctrain.core.internal.rules.request.RequestFileSystemNoVpc;
import dev.vpctrain.core.internal.rules.request.RequestIdMalformed;
import dev.vpctrain.core.internal.rules.request.RequestImagePrivateRegistry;
import dev.vpctrain.core.internal.rules.request.RequestInstancesInvalid;
import dev.vpctrain.core.internal.rules.request.RequestSecurityGroupsCount;
import dev.vpctrain.core.internal.rules.request.RequestSubnetsCount;
import dev.vpctrain.core.internal.rules.request.RequestVpcConfigAbsent;
import dev.vpctrain.core.internal.rules.request.RequestVpcConfigPartial;
import dev.vpctrain.core.internal.rules.role.RoleEcrPull;
import dev.vpctrain.core.internal.rules.role.RoleFsDescribe;
import dev.vpctrain.core.internal.rules.role.RoleKmsAccess;
import dev.vpctrain.core.internal.rules.role.RoleLogsAccess;
import dev.vpctrain.core.internal.rules.role.RoleNotFound;
import dev.vpctrain.core.internal.rules.role.RoleOrgPoliciesUnchecked;
import dev.vpctrain.core.internal.rules.role.RolePolicyUndecidable;
import dev.vpctrain.core.internal.rules.role.RoleS3Access;
import dev.vpctrain.core.internal.rules.role.RoleTrustSagemaker;
import dev.vpctrain.core.internal.rules.role.RoleVpcPermissions;
import dev.vpctrain.core.internal.rules.s3.S3BucketOtherRegion;
import dev.vpctrain.core.internal.rules.s3.S3BucketPolicyDenies;
import dev.vpctrain.core.internal.rules.s3.S3BucketPolicyNotRestricted;
import dev.vpctrain.core.internal.rules.s3.S3EndpointPolicyDenies;
import dev.vpctrain.core.internal.rules.s3.S3EndpointPolicyFullAccess;
import dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointDns;
import dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointSecurityGroup;
import dev.vpctrain.core.internal.rules.s3.S3NaclBlocked;
import dev.vpctrain.core.internal.rules.s3.S3PackagesNotBlocked;
import dev.vpctrain.core.internal.rules.s3.S3PolicyUndecidable;
import dev.vpctrain.core.internal.rules.s3.S3RouteBlackhole;
import dev.vpctrain.core.internal.rules.s3.S3RouteIgwOnly;
import dev.vpctrain.core.internal.rules.s3.S3RouteMissing;
import dev.vpctrain.core.internal.rules.s3.S3RouteUnmodeled;
import dev.vpctrain.core.internal.rules.s3.S3SecurityGroupEgress;
import dev.vpctrain.core.internal.rules.subnet.SubnetIpCapacity;
import dev.vpctrain.core.internal.rules.subnet.SubnetIpHeadroom;
import dev.vpctrain.core.internal.rules.target.TargetNaclBlocked;
import dev.vpctrain.core.internal.rules.target.TargetNotFound;
import dev.vpctrain.core.internal.rules.target.TargetRouteMissing;
import dev.vpctrain.core.internal.rules.target.TargetSecurityGroupEgress;
import dev.vpctrain.core.internal.rules.target.TargetSecurityGroupIngress;
import dev.vpctrain.core.internal.rules.target.TargetUnmodeled;
import dev.vpctrain.core.internal.rules.vpc.VpcDhcpDnsUnreachable;
import dev.vpctrain.core.internal.rules.vpc.VpcDhcpIncomplete;
import dev.vpctrain.core.internal.rules.vpc.VpcDnsSupportDisabled;
import dev.vpctrain.core.internal.rules.vpc.VpcMixed;
import dev.vpctrain.core.internal.rules.vpc.VpcResourceNotFound;
import dev.vpctrain.core.internal.rules.vpc.VpcSubnetsSingleAz;
import dev.vpctrain.core.internal.rules.vpc.VpcTenancyDedicated;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rules, in catalogue order: the order of {@code docs/rules/README.md}, where each rule
 * links to its page (what it checks, why, an example that fails, the fix). {@link RuleEngine#standard()}
 * runs them all; {@code vpctrain rules} lists them.
 */
public final class RuleCatalogue {
  private RuleCatalogue() {}

  /** {@return a fresh list of every built-in rule} */
  public static List<Rule> standard() {
    List<Rule> rules = new ArrayList<>();
    // request shape
    rules.add(new RequestVpcConfigAbsent());
    rules.add(new RequestVpcConfigPartial());
    rules.add(new RequestSubnetsCount());
    rules.add(new RequestSecurityGroupsCount());
    rules.add(new RequestIdMalformed());
    rules.add(new RequestInstancesInvalid());
    rules.add(new RequestImagePrivateRegistry());
    // the VPC
    rules.add(new VpcResourceNotFound());
    rules.add(new VpcMixed());
    rules.add(new VpcTenancyDedicated());
    rules.add(new VpcDnsSupportDisabled());
    rules.add(new VpcDhcpIncomplete());
    rules.add(new VpcDhcpDnsUnreachable());
    rules.add(new VpcSubnetsSingleAz());
    // subnet capacity
    rules.add(new SubnetIpCapacity());
    rules.add(new SubnetIpHeadroom());
    // the S3 data path
    rules.add(new S3RouteMissing());
    rules.add(new S3InterfaceEndpointDns());
    rules.add(new S3InterfaceEndpointSecurityGroup());
    rules.add(new S3RouteIgwOnly());
    rules.add(new S3RouteBlackhole());
    rules.add(new S3RouteUnmodeled());
    rules.add(new S3BucketOtherRegion());
    rules.add(new S3SecurityGroupEgress());
    rules.add(new S3NaclBlocked());
    rules.add(new S3EndpointPolicyDenies());
    rules.add(new S3BucketPolicyDenies());
    rules.add(new S3PolicyUndecidable());
    rules.add(new S3EndpointPolicyFullAccess());
    rules.add(new S3BucketPolicyNotRestricted());
    rules.add(new S3PackagesNotBlocked());
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
    rules.add(new InterfaceEndpointPolicy());
    rules.add(new EgressInterfaceEndpointAz());
    rules.add(new EgressInternetUnreachable());
    rules.add(new EgressInternetIgwOnly());
    rules.add(new EgressNatNaclBlocked());
    rules.add(new EgressNatMisplaced());
    rules.add(new EgressSubnetsInconsistent());
    // network isolation
    rules.add(new IsolationConflict());
    // resources inside the VPC: file-system channels (request shape, state, EFS, FSx, both types)
    rules.add(new RequestFileSystemNoVpc());
    rules.add(new RequestFileSystemInputMode());
    rules.add(new FsNotFound());
    rules.add(new FsLifecycleUnavailable());
    rules.add(new FsDirectoryPath());
    rules.add(new FsEfsMountTargetMissing());
    rules.add(new FsEfsMountTargetAz());
    rules.add(new FsEfsSecurityGroup());
    rules.add(new FsEfsFileSystemPolicy());
    rules.add(new FsFsxAz());
    rules.add(new FsFsxSecurityGroup());
    rules.add(new FsRoute());
    rules.add(new FsNaclBlocked());
    rules.add(new FsDns());
    // resources inside the VPC: declared targets
    rules.add(new TargetNotFound());
    rules.add(new TargetRouteMissing());
    rules.add(new TargetUnmodeled());
    rules.add(new TargetSecurityGroupEgress());
    rules.add(new TargetSecurityGroupIngress());
    rules.add(new TargetNaclBlocked());
    // the execution role
    rules.add(new RoleNotFound());
    rules.add(new RoleTrustSagemaker());
    rules.add(new RoleVpcPermissions());
    rules.add(new RoleS3Access());
    rules.add(new RoleKmsAccess());
    rules.add(new RoleEcrPull());
    rules.add(new RoleLogsAccess());
    rules.add(new RoleFsDescribe());
    rules.add(new RolePolicyUndecidable());
    rules.add(new RoleOrgPoliciesUnchecked());
    return rules;
  }
}
