package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A network interface ({@code DescribeNetworkInterfaces}): what holds an address inside the VPC
 * (a database, an EFS mount target, an FSx file server, an endpoint), with its subnet and security
 * groups. Serves declared in-VPC targets, FSx security groups and EFS mount-target security groups.
 */
@Value.Immutable
abstract class AbstractNetworkInterface {
  /** {@return {@code NetworkInterfaceId}, for example {@code eni-0123456789abcdef0}} */
  public abstract String networkInterfaceId();

  /** {@return {@code SubnetId}: the subnet the interface is in} */
  public abstract String subnetId();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /** {@return {@code AvailabilityZone}, for example {@code us-east-1a}; empty when not captured} */
  public abstract Optional<String> availabilityZone();

  /** {@return {@code AvailabilityZoneId}, for example {@code use1-az4}; empty when not captured} */
  public abstract Optional<String> availabilityZoneId();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return its private IPv4 addresses, the primary first} */
  public abstract List<String> privateIpAddresses();

  /** {@return IPv4 prefixes delegated to it ({@code Ipv4Prefixes}): it holds every address of each} */
  public abstract List<Cidr> ipv4Prefixes();

  /** {@return its security groups; empty for interfaces that have none (a NAT gateway's, a transit gateway attachment's)} */
  public abstract List<String> groupIds();

  /**
   * {@return {@code InterfaceType} as the API gave it ({@code interface}, {@code efs}, {@code natGateway}, …):
   * the API returns values beyond the SDK's enum, so any text is kept; compare with
   * {@link #hasInterfaceType(String)}}
   */
  public abstract Optional<String> interfaceType();

  /** {@return lower-case status: {@code available}, {@code in-use}, {@code attaching}, …; absent when not captured} */
  public abstract Optional<String> status();

  /** {@return true when an AWS service manages it (an EFS mount target's, a NAT gateway's); absent when not captured} */
  public abstract Optional<Boolean> requesterManaged();

  /** {@return {@code Description}, for example {@code EFS mount target for fs-…}; empty when not captured} */
  public abstract Optional<String> description();

  /**
   * {@return true when {@link #interfaceType()} is {@code type}, ignoring case}
   *
   * @param type the interface type to test, for example {@code efs}
   */
  public boolean hasInterfaceType(String type) {
    return interfaceType().map(type::equalsIgnoreCase).orElse(false);
  }

  /**
   * {@return true when the interface holds {@code address} (an IPv4 address): one of its addresses or inside one of its prefixes}
   *
   * @param address a dotted-quad IPv4 address, for example {@code 10.0.3.15}
   */
  public boolean holds(String address) {
    if (privateIpAddresses().contains(address)) {
      return true;
    }
    if (ipv4Prefixes().isEmpty()) {
      return false;
    }
    Optional<Cidr> a = Cidr.tryParseAddress(address).filter(Cidr::isIpv4);
    return a.isPresent() && ipv4Prefixes().stream().anyMatch(p -> p.covers(a.get()));
  }

  /**
   * Checks the ids when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the interface, subnet or VPC id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(networkInterfaceId(), "networkInterfaceId");
    Ids.require(subnetId(), "subnetId");
    Ids.require(vpcId(), "vpcId");
  }
}
