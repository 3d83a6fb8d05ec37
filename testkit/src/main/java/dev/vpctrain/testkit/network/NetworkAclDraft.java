package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A network ACL being built. A new ACL denies everything (only the {@code *} rules, number 32767)
 * until entries are added; {@link #allowAll()} adds the default ACL's allow rules (number 100).
 */
public final class NetworkAclDraft {
  final String id;
  final boolean fresh;
  private Optional<String> vpcId = Optional.empty();
  private boolean isDefault;
  private final List<String> subnets = new ArrayList<>();
  private final List<AclEntry> entries = new ArrayList<>();
  private Optional<String> owner = Optional.empty();
  private final Tags tags;

  NetworkAclDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  NetworkAclDraft(NetworkAcl acl) {
    this.id = acl.networkAclId();
    this.fresh = false;
    this.vpcId = Optional.of(acl.vpcId());
    this.isDefault = acl.isDefault();
    this.subnets.addAll(acl.subnetIds());
    this.entries.addAll(acl.entries());
    this.owner = acl.ownerId();
    this.tags = new Tags(acl.tags());
  }

  /**
   * Moves the ACL to another VPC.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public NetworkAclDraft vpc(String vpcId) {
    this.vpcId = Optional.of(vpcId);
    return this;
  }

  /**
   * Marks it as the VPC's default ACL.
   *
   * @return this draft
   */
  public NetworkAclDraft asDefault() {
    this.isDefault = true;
    return this;
  }

  /**
   * Associates subnets (each subnet has exactly one ACL: they leave their previous one).
   *
   * @param subnetIds the subnet ids
   * @return this draft
   */
  public NetworkAclDraft associate(String... subnetIds) {
    for (String s : subnetIds) {
      if (!subnets.contains(s)) {
        subnets.add(s);
      }
    }
    return this;
  }

  /**
   * Adds an entry.
   *
   * @param entry the entry
   * @return this draft
   */
  public NetworkAclDraft entry(AclEntry entry) {
    entries.removeIf(e -> e.ruleNumber() == entry.ruleNumber() && e.egress() == entry.egress());
    entries.add(entry);
    return this;
  }

  /**
   * Allows all traffic both ways to and from {@code 0.0.0.0/0} (rule 100).
   *
   * @return this draft
   */
  public NetworkAclDraft allowAll() {
    entry(rule(100, true, "-1", true, "0.0.0.0/0", null, null));
    return entry(rule(100, false, "-1", true, "0.0.0.0/0", null, null));
  }

  /**
   * An inbound or outbound TCP rule on a port range.
   *
   * @param ruleNumber the rule number
   * @param egress true for an outbound entry, false for an inbound one
   * @param allow the allow
   * @param cidr the CIDR block
   * @param fromPort the from port
   * @param toPort the to port
   * @return this draft
   */
  public NetworkAclDraft tcp(int ruleNumber, boolean egress, boolean allow, String cidr, int fromPort, int toPort) {
    return entry(rule(ruleNumber, egress, "6", allow, cidr, fromPort, toPort));
  }

  /**
   * Removes the entries of {@code ruleNumber} in both directions.
   *
   * @param ruleNumber the rule number
   * @return this draft
   */
  public NetworkAclDraft removeEntry(int ruleNumber) {
    entries.removeIf(e -> e.ruleNumber() == ruleNumber);
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public NetworkAclDraft owner(String accountId) {
    this.owner = Optional.of(accountId);
    return this;
  }

  /**
   * Adds a tag.
   *
   * @param key the tag key
   * @param value the tag value
   * @return this draft
   */
  public NetworkAclDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  boolean isDefault() {
    return isDefault;
  }

  List<String> subnets() {
    return subnets;
  }

  Optional<String> vpcId() {
    return vpcId;
  }

  void dropSubnet(String subnetId) {
    subnets.remove(subnetId);
  }

  NetworkAcl build(String vpc, String defaultOwner) {
    List<AclEntry> all = new ArrayList<>(entries);
    if (fresh) {
      for (boolean egress : new boolean[] {true, false}) {
        if (all.stream().noneMatch(e -> e.ruleNumber() == 32767 && e.egress() == egress)) {
          all.add(rule(32767, egress, "-1", false, "0.0.0.0/0", null, null));
        }
      }
      all.sort(Comparator.comparing(AclEntry::egress).reversed().thenComparing(AclEntry::ruleNumber));
    }
    return NetworkAcl.builder()
        .networkAclId(id)
        .vpcId(vpc)
        .isDefault(isDefault)
        .subnetIds(subnets)
        .entries(all)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .tags(tags.list())
        .build();
  }

  static AclEntry rule(int number, boolean egress, String protocol, boolean allow, String cidr, Integer from,
      Integer to) {
    AclEntry.Builder b = AclEntry.builder().ruleNumber(number).egress(egress).protocol(protocol).allow(allow)
        .cidrBlock(cidr);
    if (from != null) {
      b.portFrom(from).portTo(to);
    }
    return b.build();
  }

}
