package dev.vpctrain.testkit.internal.ec2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;

/**
 * The world's EC2 resources as the SDK shapes EC2 answers with: per section the items of its
 * {@code Describe*} output, and the VPC attributes as {@code DescribeVpcAttribute} outputs. It is
 * what a snapshot bundle of the world's network holds under {@code ec2}, read by the generic
 * SDK-shape converter; changes go back into the core snapshot through {@code Ec2Mapping}. Immutable.
 */
final class Ec2Store {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Section, List<?>> sections;
  private final List<DescribeVpcAttributeResponse> attributes;

  private Ec2Store(Map<Section, List<?>> sections, List<DescribeVpcAttributeResponse> attributes) {
    this.sections = sections;
    this.attributes = List.copyOf(attributes);
  }

  /** The EC2 outputs of {@code network}: those of its snapshot bundle. */
  static Ec2Store of(NetworkSnapshot network) {
    JsonNode ec2;
    try {
      ec2 = JSON.readTree(SnapshotBundle.write(network)).path("ec2");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the bundle of the world's network is not JSON", e);
    }
    Map<Section, List<?>> sections = new EnumMap<>(Section.class);
    for (Ec2Operation<?, ?, ?> op : Ec2Operations.ALL) {
      String key = op.section.bundleKey();
      if (ec2.has(key)) {
        sections.put(op.section, op.read(ec2.get(key), "ec2." + key));
      }
    }
    List<DescribeVpcAttributeResponse> attributes = new ArrayList<>();
    JsonNode attrs = ec2.path(Section.VPC_ATTRIBUTES.bundleKey());
    for (int i = 0; i < attrs.size(); i++) {
      attributes.add(SdkJson.read(DescribeVpcAttributeResponse::builder, attrs.get(i),
          "ec2." + Section.VPC_ATTRIBUTES.bundleKey() + "[" + i + "]", SdkJson.Style.MEMBER_NAMES));
    }
    return new Ec2Store(sections, attributes);
  }

  /** The items of {@code op}'s section, empty when the world does not know the section. */
  @SuppressWarnings("unchecked")
  <T extends SdkPojo> Optional<List<T>> items(Ec2Operation<?, ?, T> op) {
    return Optional.ofNullable((List<T>) sections.get(op.section));
  }

  /** The item of {@code op}'s section with {@code id}, if the section is known and has it. */
  <T extends SdkPojo> Optional<T> find(Ec2Operation<?, ?, T> op, String id) {
    return items(op).orElse(List.of()).stream().filter(t -> op.query.idOf(t).equals(id)).findFirst();
  }

  /** This store with {@code op}'s section replaced by {@code items}. */
  <T extends SdkPojo> Ec2Store with(Ec2Operation<?, ?, T> op, List<T> items) {
    Map<Section, List<?>> next = new EnumMap<>(sections);
    next.put(op.section, List.copyOf(items));
    return new Ec2Store(next, attributes);
  }

  /** {@code EnableDnsSupport} or {@code EnableDnsHostnames} (by {@code value}) of a VPC, if known. */
  Optional<Boolean> attribute(String vpcId, Function<DescribeVpcAttributeResponse, AttributeBooleanValue> value) {
    return attributes.stream().filter(a -> vpcId.equals(a.vpcId()) && value.apply(a) != null)
        .map(a -> value.apply(a).value()).findFirst();
  }

  /** This store with one more attribute output, answered before the earlier ones. */
  Ec2Store withAttribute(DescribeVpcAttributeResponse attribute) {
    List<DescribeVpcAttributeResponse> next = new ArrayList<>();
    next.add(attribute);
    next.addAll(attributes);
    return new Ec2Store(sections, next);
  }

  /**
   * {@code network} with {@code op}'s section replaced by the core model of this store's items;
   * for the VPCs with their attributes, as discovery joins them.
   */
  NetworkSnapshot applyTo(NetworkSnapshot network, Ec2Operation<?, ?, ?> op) {
    NetworkSnapshot out = model(network, op);
    if (op.section != Section.VPCS) {
      return out;
    }
    List<Vpc> vpcs = new ArrayList<>();
    for (Vpc v : out.vpcs().orElse(List.of())) {
      vpcs.add(v.withEnableDnsSupport(attribute(v.vpcId(), DescribeVpcAttributeResponse::enableDnsSupport))
          .withEnableDnsHostnames(attribute(v.vpcId(), DescribeVpcAttributeResponse::enableDnsHostnames)));
    }
    return out.withVpcs(vpcs);
  }

  private <T extends SdkPojo> NetworkSnapshot model(NetworkSnapshot network, Ec2Operation<?, ?, T> op) {
    return items(op).map(items -> op.model(network, items)).orElse(network);
  }
}
