package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The job's subnets ({@code VpcConfig.Subnets}) as rules need them: distinct ids and labels for messages. */
public final class JobSubnets {
  private JobSubnets() {}

  /** The distinct job subnet ids in request order; empty outside a VPC. */
  public static List<String> ids(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(new LinkedHashSet<>(ctx.job().vpc().get().subnets()));
  }

  /** The job subnets the snapshot has; empty when the subnet section is unknown. */
  public static List<Subnet> found(RuleContext ctx) {
    List<Subnet> out = new ArrayList<>();
    for (String id : ids(ctx)) {
      ctx.network().subnet(id).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The job subnets to evaluate: those in the snapshot, or every id when the subnet section is
   * unknown (their route tables may still be known). Ids known to be missing are left to
   * {@code vpc.resource.not-found}.
   */
  public static List<String> evaluable(RuleContext ctx) {
    if (!ctx.network().has(Section.SUBNETS)) {
      return ids(ctx);
    }
    List<String> out = new ArrayList<>();
    for (String id : ids(ctx)) {
      if (ctx.network().subnet(id).isPresent()) {
        out.add(id);
      }
    }
    return out;
  }

  /** {@code subnet-… (us-east-1b)}, or the bare id when the AZ is unknown. */
  public static String label(RuleContext ctx, String subnetId) {
    Optional<Subnet> s = ctx.network().subnet(subnetId);
    Optional<String> az = s.flatMap(Subnet::availabilityZone).or(() -> s.flatMap(Subnet::availabilityZoneId));
    return az.map(a -> subnetId + " (" + a + ")").orElse(subnetId);
  }
}
