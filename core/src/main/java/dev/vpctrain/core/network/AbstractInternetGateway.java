package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An internet gateway and the VPCs it is attached to ({@code DescribeInternetGateways}). */
@Value.Immutable
abstract class AbstractInternetGateway {
  /** {@return {@code InternetGatewayId}, for example {@code igw-0123456789abcdef0}} */
  public abstract String internetGatewayId();

  /** {@return {@code Attachments}: the VPCs it is attached to; empty when detached} */
  public abstract List<IgwAttachment> attachments();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();

  /**
   * {@return true when attached (state {@code available} or {@code attached}) to {@code vpcId}}
   *
   * @param vpcId the VPC to test
   */
  public boolean isAttachedTo(String vpcId) {
    return attachments().stream()
        .anyMatch(a -> a.vpcId().equals(vpcId)
            && a.state().map(s -> s.equalsIgnoreCase("available") || s.equalsIgnoreCase("attached")).orElse(true));
  }
}
