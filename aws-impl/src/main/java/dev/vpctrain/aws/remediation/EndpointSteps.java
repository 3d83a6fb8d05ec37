package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.PolicyUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** VPC endpoint changes: create gateway and interface endpoints, add route tables, set policy and private DNS. */
final class EndpointSteps {
  private static final String CREATE = "ec2:CreateVpcEndpoint";
  private static final String MODIFY = "ec2:ModifyVpcEndpoint";
  /** A route table already has a route to the prefix list: the association is there. */
  private static final Set<String> ROUTE_EXISTS = Set.of("RouteAlreadyExists");

  private EndpointSteps() {}

  static StepOutcome createGateway(ApplyContext ctx, Change.CreateGatewayEndpoint c) {
    List<VpcEndpoint> existing = ctx.lookups.endpoints(c.vpcId(), c.serviceName(), VpcEndpointType.GATEWAY);
    if (!existing.isEmpty()) {
      VpcEndpoint e = existing.get(0);
      List<String> missing = missing(c.routeTableIds(), e.routeTableIds());
      if (missing.isEmpty()) {
        return StepOutcome.already("gateway endpoint " + e.vpcEndpointId() + " already serves " + String.join(", ", c.routeTableIds()));
      }
      return addRouteTables(ctx, e.vpcEndpointId(), missing,
          "gateway endpoint " + e.vpcEndpointId() + " exists; its policy is kept and ");
    }
    String token = ClientTokens.of("gateway", c.vpcId(), c.serviceName(), String.join(",", c.routeTableIds()), c.policyDocument());
    AwsCalls.Answer<CreateVpcEndpointResponse> a = AwsCalls.write(CREATE, ROUTE_EXISTS, () -> ctx.ec2.createVpcEndpoint(b -> b
        .vpcEndpointType(VpcEndpointType.GATEWAY)
        .vpcId(c.vpcId())
        .serviceName(c.serviceName())
        .routeTableIds(c.routeTableIds())
        .policyDocument(c.policyDocument())
        .clientToken(token)
        .dryRun(ctx.dryRunFlag())));
    return created(ctx, a, "gateway endpoint for " + c.serviceName() + " on " + String.join(", ", c.routeTableIds()));
  }

  static StepOutcome addRouteTables(ApplyContext ctx, Change.AddEndpointRouteTables c) {
    VpcEndpoint e = ctx.lookups.endpoint(c.vpcEndpointId());
    List<String> missing = missing(c.routeTableIds(), e.routeTableIds());
    if (missing.isEmpty()) {
      return StepOutcome.already(c.vpcEndpointId() + " already serves " + String.join(", ", c.routeTableIds()));
    }
    return addRouteTables(ctx, c.vpcEndpointId(), missing, "");
  }

  private static StepOutcome addRouteTables(ApplyContext ctx, String vpce, List<String> tables, String prefix) {
    AwsCalls.Answer<?> a = AwsCalls.write(MODIFY, ROUTE_EXISTS, () -> ctx.ec2.modifyVpcEndpoint(b -> b
        .vpcEndpointId(vpce).addRouteTableIds(tables).dryRun(ctx.dryRunFlag())));
    String what = "route table" + (tables.size() == 1 ? " " : "s ") + String.join(", ", tables) + " added to " + vpce;
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed(prefix + what + " (dry run)");
    }
    if (a.code().isPresent()) {
      return StepOutcome.already(prefix + "a route to the prefix list already exists (" + a.code().get() + ")");
    }
    return StepOutcome.done(prefix + what);
  }

  static StepOutcome setPolicy(ApplyContext ctx, Change.SetEndpointPolicy c) {
    VpcEndpoint e = ctx.lookups.endpoint(c.vpcEndpointId());
    PolicyUpdate u = PolicyUpdate.decide(Optional.ofNullable(e.policyDocument()), c.currentPolicy(), c.newPolicy(),
        "policy of " + c.vpcEndpointId());
    Optional<StepOutcome> settled = PolicyGate.settled(u);
    if (settled.isPresent()) {
      return settled.get();
    }
    AwsCalls.Answer<?> a = AwsCalls.write(MODIFY, Set.of(), () -> ctx.ec2.modifyVpcEndpoint(b -> b
        .vpcEndpointId(c.vpcEndpointId()).policyDocument(u.document().orElseThrow()).dryRun(ctx.dryRunFlag())));
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed("policy of " + c.vpcEndpointId() + " would be set; " + u.reason());
    }
    return StepOutcome.done("policy of " + c.vpcEndpointId() + " set; " + u.reason());
  }

  static StepOutcome enablePrivateDns(ApplyContext ctx, Change.EnableEndpointPrivateDns c) {
    VpcEndpoint e = ctx.lookups.endpoint(c.vpcEndpointId());
    if (Boolean.TRUE.equals(e.privateDnsEnabled())) {
      return StepOutcome.already("private DNS of " + c.vpcEndpointId() + " is already on");
    }
    AwsCalls.Answer<?> a = AwsCalls.write(MODIFY, Set.of(), () -> ctx.ec2.modifyVpcEndpoint(b -> b
        .vpcEndpointId(c.vpcEndpointId()).privateDnsEnabled(true).dryRun(ctx.dryRunFlag())));
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed("private DNS of " + c.vpcEndpointId() + " would be turned on");
    }
    return StepOutcome.done("private DNS of " + c.vpcEndpointId() + " turned on");
  }

  static StepOutcome createInterface(ApplyContext ctx, Change.CreateInterfaceEndpoint c) {
    List<VpcEndpoint> existing = ctx.lookups.endpoints(c.vpcId(), c.serviceName(), VpcEndpointType.INTERFACE);
    if (!existing.isEmpty()) {
      return StepOutcome.already("interface endpoint " + existing.get(0).vpcEndpointId() + " for " + c.serviceName() + " exists");
    }
    List<String> groups = new ArrayList<>();
    for (Change.GroupRef g : c.securityGroups()) {
      Optional<String> id = ctx.resolve(g);
      if (id.isEmpty()) {
        return StepOutcome.wouldRun("would create an interface endpoint for " + c.serviceName()
            + " once " + g.display() + " exists (created by an earlier step)");
      }
      groups.add(id.get());
    }
    String token = ClientTokens.of("interface", c.vpcId(), c.serviceName(), String.join(",", c.subnetIds()),
        String.join(",", groups), String.valueOf(c.privateDns()));
    AwsCalls.Answer<CreateVpcEndpointResponse> a = AwsCalls.write(CREATE, Set.of(), () -> ctx.ec2.createVpcEndpoint(b -> b
        .vpcEndpointType(VpcEndpointType.INTERFACE)
        .vpcId(c.vpcId())
        .serviceName(c.serviceName())
        .subnetIds(c.subnetIds())
        .securityGroupIds(groups)
        .privateDnsEnabled(c.privateDns())
        .clientToken(token)
        .dryRun(ctx.dryRunFlag())));
    return created(ctx, a, "interface endpoint for " + c.serviceName() + " in " + String.join(", ", c.subnetIds()));
  }

  private static StepOutcome created(ApplyContext ctx, AwsCalls.Answer<CreateVpcEndpointResponse> a, String what) {
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed("would create " + what);
    }
    if (a.code().isPresent()) {
      return StepOutcome.already(what + ": a route to the prefix list already exists (" + a.code().get() + ")");
    }
    String id = a.response().map(r -> r.vpcEndpoint() == null ? null : r.vpcEndpoint().vpcEndpointId()).orElse(null);
    if (id == null) {
      throw new StepFailure(CREATE, "MissingVpcEndpointId", "the response names no endpoint");
    }
    if (ctx.dryRun) {
      return StepOutcome.done("created " + id + ", " + what + " (the service ignored DryRun)", id);
    }
    return StepOutcome.done("created " + id + ", " + what, id);
  }

  private static List<String> missing(List<String> wanted, List<String> present) {
    List<String> out = new ArrayList<>(wanted);
    out.removeAll(present);
    return out;
  }
}
