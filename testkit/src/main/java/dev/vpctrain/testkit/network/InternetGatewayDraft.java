package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An internet gateway being built; a new one is attached to the network's only VPC. */
public final class InternetGatewayDraft {
  final String id;
  final boolean fresh;
  private final List<IgwAttachment> attachments = new ArrayList<>();
  private boolean detached;
  private Optional<String> owner = Optional.empty();
  private final Tags tags;

  InternetGatewayDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  InternetGatewayDraft(InternetGateway g) {
    this.id = g.internetGatewayId();
    this.fresh = false;
    this.attachments.addAll(g.attachments());
    this.owner = g.ownerId();
    this.tags = new Tags(g.tags());
  }

  /**
   * Attaches it to {@code vpcId}.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public InternetGatewayDraft attachTo(String vpcId) {
    attachments.removeIf(a -> a.vpcId().equals(vpcId));
    attachments.add(IgwAttachment.of(vpcId, Optional.of("available")));
    detached = false;
    return this;
  }

  /**
   * Detaches it from every VPC.
   *
   * @return this draft
   */
  public InternetGatewayDraft detach() {
    attachments.clear();
    detached = true;
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public InternetGatewayDraft owner(String accountId) {
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
  public InternetGatewayDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  InternetGateway build(Optional<String> onlyVpc, String defaultOwner) {
    List<IgwAttachment> list = new ArrayList<>(attachments);
    if (fresh && list.isEmpty() && !detached && onlyVpc.isPresent()) {
      list.add(IgwAttachment.of(onlyVpc.get(), Optional.of("available")));
    }
    return InternetGateway.builder()
        .internetGatewayId(id)
        .attachments(list)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .tags(tags.list())
        .build();
  }
}
