package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An internet gateway and the VPCs it is attached to ({@code DescribeInternetGateways}). */
@Value.Immutable
abstract class AbstractInternetGateway {
  /** {@return the internet gateway id} */
  public abstract String internetGatewayId();

  /** {@return the attachments} */
  public abstract List<IgwAttachment> attachments();

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return the tags} */
  public abstract List<Tag> tags();

  /**
   * {@return true when attached (state {@code available} or {@code attached}) to {@code vpcId}}
   *
   * @param vpcId the VPC id
   */
  public boolean isAttachedTo(String vpcId) {
    return attachments().stream()
        .anyMatch(a -> a.vpcId().equals(vpcId)
            && a.state().map(s -> s.equalsIgnoreCase("available") || s.equalsIgnoreCase("attached")).orElse(true));
  }
}
