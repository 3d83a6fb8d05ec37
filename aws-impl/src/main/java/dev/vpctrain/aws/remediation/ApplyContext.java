package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.NewSecurityGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The clients and state of one run: dry run or not, the ids of groups the plan created, the ACL entries it added. */
final class ApplyContext {
  final Ec2Client ec2;
  final S3Client s3;
  /** Null when the applier has no IAM client. */
  final IamClient iam;
  final boolean dryRun;
  final Ec2Lookups lookups;
  private final Map<NewSecurityGroup, String> createdGroups = new HashMap<>();
  private final List<Change.CreateNetworkAclEntry> createdAclEntries = new ArrayList<>();

  private final Map<Change.PutRolePolicy, Optional<String>> rolePoliciesPut = new LinkedHashMap<>();

  ApplyContext(Ec2Client ec2, S3Client s3, IamClient iam, boolean dryRun) {
    this.ec2 = ec2;
    this.s3 = s3;
    this.iam = iam;
    this.dryRun = dryRun;
    this.lookups = new Ec2Lookups(ec2);
  }

  /** {@code true} for a dry run, else absent (null): a real call does not send {@code DryRun=false}. */
  Boolean dryRunFlag() {
    return dryRun ? Boolean.TRUE : null;
  }

  /** Records the id of a group the plan creates (or found by its VPC and name). */
  void groupCreated(NewSecurityGroup group, String groupId) {
    createdGroups.put(group, groupId);
  }

  /** Records a network-ACL entry this run added (removed again when a later step fails). */
  void aclEntryCreated(Change.CreateNetworkAclEntry entry) {
    createdAclEntries.add(entry);
  }

  /** Records an inline role policy this run put, and the document it replaced (absent: there was none). */
  void rolePolicyPut(Change.PutRolePolicy put, Optional<String> before) {
    rolePoliciesPut.put(put, before);
  }

  /** The inline role policies this run put, with the documents they replaced. */
  Map<Change.PutRolePolicy, Optional<String>> rolePoliciesPut() {
    return Collections.unmodifiableMap(rolePoliciesPut);
  }

  /** The network-ACL entries this run added, in order. */
  List<Change.CreateNetworkAclEntry> createdAclEntries() {
    return List.copyOf(createdAclEntries);
  }

  /**
   * The id of {@code ref}: an existing group's id, or the id of the group the plan creates (found
   * again by VPC and name). Empty only when that group does not exist yet (in a dry run).
   */
  Optional<String> resolve(GroupRef ref) {
    if (ref.groupId().isPresent()) {
      return ref.groupId();
    }
    NewSecurityGroup g = ref.created().orElseThrow();
    String known = createdGroups.get(g);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> found = lookups.groupByName(g.vpcId(), g.name()).map(sg -> sg.groupId());
    found.ifPresent(id -> createdGroups.put(g, id));
    return found;
  }
}
