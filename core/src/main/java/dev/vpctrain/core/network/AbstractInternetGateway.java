package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An internet gateway and the VPCs it is attached to ({@code DescribeInternetGateways}). */
@Value.Immutable
abstract class AbstractInternetGateway {
  public abstract String internetGatewayId();

  public abstract List<IgwAttachment> attachments();

  public abstract Optional<String> ownerId();

  public abstract List<Tag> tags();

  /** True when attached (state {@code available} or {@code attached}) to {@code vpcId}. */
  public boolean isAttachedTo(String vpcId) {
    return attachments().stream()
        .anyMatch(a -> a.vpcId().equals(vpcId)
            && a.state().map(s -> s.equalsIgnoreCase("available") || s.equalsIgnoreCase("attached")).orElse(true));
  }
}
