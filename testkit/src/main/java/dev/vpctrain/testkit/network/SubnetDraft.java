package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.Subnet;
import java.util.List;
import java.util.Optional;

/**
 * A subnet being built. Defaults: the network's only VPC, a free {@code /24} of it, the region's
 * {@code a} zone, state {@code available}, and as many free addresses as the CIDR offers (its size
 * minus the 5 AWS reserves).
 */
public final class SubnetDraft {
  final String id;
  final boolean fresh;
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> cidr = Optional.empty();
  private Optional<String> az = Optional.empty();
  private Optional<String> azId = Optional.empty();
  private Optional<Integer> availableIps = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private boolean mapPublicIp;
  private Optional<String> owner = Optional.empty();
  private final Tags tags;

  SubnetDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  SubnetDraft(Subnet s) {
    this.id = s.subnetId();
    this.fresh = false;
    this.vpcId = Optional.of(s.vpcId());
    this.cidr = s.cidrBlock();
    this.az = s.availabilityZone();
    this.azId = s.availabilityZoneId();
    this.availableIps = s.availableIpAddressCount();
    this.state = s.state();
    this.mapPublicIp = s.mapPublicIpOnLaunch();
    this.owner = s.ownerId();
    this.tags = new Tags(s.tags());
  }

  /**
   * Moves the subnet to another VPC.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public SubnetDraft vpc(String vpcId) {
    this.vpcId = Optional.of(vpcId);
    return this;
  }

  /**
   * Sets the subnet's CIDR block.
   *
   * @param cidr the CIDR block
   * @return this draft
   */
  public SubnetDraft cidr(String cidr) {
    this.cidr = Optional.of(cidr);
    return this;
  }

  /**
   * The Availability Zone, for example {@code us-east-1b}.
   *
   * @param availabilityZone the availability zone
   * @return this draft
   */
  public SubnetDraft az(String availabilityZone) {
    this.az = Optional.of(availabilityZone);
    return this;
  }

  /**
   * The zone id, for example {@code use1-az2}.
   *
   * @param availabilityZoneId the availability zone id
   * @return this draft
   */
  public SubnetDraft azId(String availabilityZoneId) {
    this.azId = Optional.of(availabilityZoneId);
    return this;
  }

  /**
   * {@code AvailableIpAddressCount}.
   *
   * @param count the count
   * @return this draft
   */
  public SubnetDraft availableIps(int count) {
    this.availableIps = Optional.of(count);
    return this;
  }

  /**
   * {@code available} or {@code pending}.
   *
   * @param state the state
   * @return this draft
   */
  public SubnetDraft state(String state) {
    this.state = Optional.of(state);
    return this;
  }

  /**
   * Sets {@code MapPublicIpOnLaunch}.
   *
   * @param map the map
   * @return this draft
   */
  public SubnetDraft mapPublicIpOnLaunch(boolean map) {
    this.mapPublicIp = map;
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public SubnetDraft owner(String accountId) {
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
  public SubnetDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  Optional<String> vpcId() {
    return vpcId;
  }

  Optional<String> cidr() {
    return cidr;
  }

  Subnet build(String vpc, String defaultCidr, String defaultAz, String defaultOwner) {
    String c = cidr.orElse(defaultCidr);
    Optional<Integer> ips = availableIps;
    if (fresh && ips.isEmpty() && c != null) {
      ips = Optional.of((int) Math.min(Integer.MAX_VALUE, Math.max(0, Cidr.parseIpv4(c).size() - 5)));
    }
    return Subnet.builder()
        .subnetId(id)
        .vpcId(vpc)
        .cidrBlock(Optional.ofNullable(c))
        .availabilityZone(fresh && az.isEmpty() ? Optional.of(defaultAz) : az)
        .availabilityZoneId(azId)
        .availableIpAddressCount(ips)
        .state(state)
        .mapPublicIpOnLaunch(mapPublicIp)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .tags(tags.list())
        .build();
  }
}
