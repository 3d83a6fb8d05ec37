package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A VPC being built. Defaults: CIDR {@code 10.0.0.0/16}, default tenancy, state {@code available},
 * DNS support and DNS hostnames on, the network's account as owner, and (at build) a DHCP option
 * set with {@code domain-name} and {@code domain-name-servers = AmazonProvidedDNS}.
 */
public final class VpcDraft {
  final String id;
  final boolean fresh;
  private String cidr = "10.0.0.0/16";
  private final List<String> extraCidrs = new ArrayList<>();
  private Optional<String> tenancy = Optional.of("default");
  private Optional<String> dhcpOptionsId = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private Optional<Boolean> dnsSupport = Optional.of(true);
  private Optional<Boolean> dnsHostnames = Optional.of(true);
  private final Tags tags;

  VpcDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  VpcDraft(Vpc v) {
    this.id = v.vpcId();
    this.fresh = false;
    this.cidr = v.cidrBlock().orElse(v.cidrBlocks().isEmpty() ? null : v.cidrBlocks().get(0));
    v.cidrBlocks().stream().filter(c -> !c.equals(cidr)).forEach(extraCidrs::add);
    this.tenancy = v.instanceTenancy();
    this.dhcpOptionsId = v.dhcpOptionsId();
    this.owner = v.ownerId();
    this.state = v.state();
    this.dnsSupport = v.enableDnsSupport();
    this.dnsHostnames = v.enableDnsHostnames();
    this.tags = new Tags(v.tags());
  }

  /**
   * The primary IPv4 CIDR block.
   *
   * @param cidr the CIDR block
   * @return this draft
   */
  public VpcDraft cidr(String cidr) {
    this.cidr = cidr;
    return this;
  }

  /**
   * A secondary IPv4 CIDR block.
   *
   * @param cidr the CIDR block
   * @return this draft
   */
  public VpcDraft addCidr(String cidr) {
    extraCidrs.add(cidr);
    return this;
  }

  /**
   * {@code default}, {@code dedicated} or {@code host}.
   *
   * @param tenancy the tenancy
   * @return this draft
   */
  public VpcDraft tenancy(String tenancy) {
    this.tenancy = Optional.of(tenancy);
    return this;
  }

  /**
   * Sets the VPC's {@code enableDnsSupport} attribute.
   *
   * @param enabled true to turn it on
   * @return this draft
   */
  public VpcDraft dnsSupport(boolean enabled) {
    this.dnsSupport = Optional.of(enabled);
    return this;
  }

  /**
   * Sets the VPC's {@code enableDnsHostnames} attribute.
   *
   * @param enabled true to turn it on
   * @return this draft
   */
  public VpcDraft dnsHostnames(boolean enabled) {
    this.dnsHostnames = Optional.of(enabled);
    return this;
  }

  /**
   * The DHCP option set (see {@link NetworkBuilder#dhcpOptions}).
   *
   * @param dhcpOptionsId the DHCP options id
   * @return this draft
   */
  public VpcDraft dhcpOptions(String dhcpOptionsId) {
    this.dhcpOptionsId = Optional.of(dhcpOptionsId);
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public VpcDraft owner(String accountId) {
    this.owner = Optional.of(accountId);
    return this;
  }

  /**
   * Sets the VPC's state.
   *
   * @param state the state
   * @return this draft
   */
  public VpcDraft state(String state) {
    this.state = Optional.of(state);
    return this;
  }

  /**
   * Adds a tag.
   *
   * @param key the tag key
   * @param value the tag value
   * @return this draft
   */
  public VpcDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  String cidr() {
    return cidr;
  }

  Optional<String> dhcpOptionsId() {
    return dhcpOptionsId;
  }

  Vpc build(String defaultOwner) {
    List<String> all = new ArrayList<>();
    if (cidr != null) {
      all.add(cidr);
    }
    all.addAll(extraCidrs);
    return Vpc.builder()
        .vpcId(id)
        .cidrBlock(Optional.ofNullable(cidr))
        .cidrBlocks(all)
        .instanceTenancy(tenancy)
        .dhcpOptionsId(dhcpOptionsId)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .state(state)
        .enableDnsSupport(dnsSupport)
        .enableDnsHostnames(dnsHostnames)
        .tags(tags.list())
        .build();
  }
}
