package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.policy.Coverage;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code egress.interface-endpoint.policy}: the policy of an interface endpoint that serves a
 * required service (available, private DNS on) must let the job's role use that service: some
 * action of the service, on some resource, must be allowed to a session of the role arriving
 * through the endpoint. Which calls the training code makes is not known, so a policy that allows
 * the role anything of the service passes.
 */
public final class InterfaceEndpointPolicy extends BaseRule {
  /** Endpoint service names whose IAM action prefix differs from the name's first part. */
  private static final Map<String, String> IAM_PREFIX = Map.of(
      "monitoring", "cloudwatch",
      "ecr.api", "ecr",
      "ecr.dkr", "ecr",
      "sagemaker.api", "sagemaker",
      "sagemaker.runtime", "sagemaker",
      "sagemaker.featurestore-runtime", "sagemaker",
      "execute-api", "execute-api",
      "elasticfilesystem", "elasticfilesystem");

  public InterfaceEndpointPolicy() {
    super("egress.interface-endpoint.policy", Severity.ERROR, "Interface endpoint policies let the job's role use the service");
  }

  /** The IAM action prefix of a service named by its endpoint suffix: {@code monitoring} is {@code cloudwatch}. */
  static String iamPrefix(AwsService service) {
    String name = service.endpointName();
    String mapped = IAM_PREFIX.get(name);
    if (mapped != null) {
      return mapped;
    }
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    List<AwsService> services = new ArrayList<>();
    ctx.job().requiredServices().forEach(s -> {
      if (s.hasVpcEndpoint()) {
        services.add(s);
      }
    });
    if (services.isEmpty()) {
      return one(pass("The job names no AWS service reached through an interface endpoint."));
    }
    Optional<String> vpc = JobVpc.vpcId(ctx);
    if (vpc.isEmpty()) {
      return one(unverified("The job's VPC is not known: " + JobVpc.whyUnknown(ctx) + ".", null));
    }
    if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
      return one(unverified("The interface endpoints of " + vpc.get() + " are not known: "
          + ctx.network().unknownReason(Section.VPC_ENDPOINTS) + ".", null, vpc.get()));
    }
    Reach reach = ReachContext.of(ctx);
    List<Finding> problems = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (AwsService service : services) {
      for (VpcEndpoint e : reach.endpoints(vpc.get(), EndpointType.INTERFACE, service.endpointName())) {
        if (!e.isAvailable() || !e.privateDnsEnabled()) {
          continue; // it does not serve the service's normal names (egress.interface-endpoint.dns)
        }
        Finding f = check(ctx, vpc.get(), service, e);
        if (f == null) {
          passed.add(e.vpcEndpointId());
        } else {
          problems.add(f);
        }
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    if (passed.isEmpty()) {
      return one(pass("No interface endpoint in " + vpc.get() + " serves the services the job needs ("
          + services + "); egress.service.unreachable checks how they are reached.", vpc.get()));
    }
    return one(pass("The policies of " + String.join(", ", passed) + " let " + JobCaller.describe(ctx) + " use "
        + services + ".", passed.toArray(new String[0])));
  }

  /** Null when the endpoint lets the role use the service; otherwise the finding. */
  private Finding check(RuleContext ctx, String vpc, AwsService service, VpcEndpoint e) {
    String id = e.vpcEndpointId();
    ParsedPolicy parsed = PolicyDocuments.endpointPolicyOrDefault(ctx, e);
    if (!parsed.isValid()) {
      return unverified("The policy of interface endpoint " + id + " (" + e.serviceName() + ") cannot be read: "
          + parsed.error().get().location() + ": " + parsed.error().get().detail() + ".", null, id);
    }
    String prefix = iamPrefix(service);
    RequestContext context = RequestContext.builder()
        .put("aws:SecureTransport", "true")
        .put("aws:SourceVpce", id)
        .put("aws:SourceVpc", vpc)
        .absent("aws:SourceIp", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:SourceAccount", "aws:SourceArn")
        .unknown("aws:VpcSourceIp")
        .put("aws:RequestedRegion", ctx.region())
        .build();
    Decision d = parsed.policy().get().evaluate(PolicyRequest.builder()
        .caller(JobCaller.of(ctx))
        .action(Target.startingWith(prefix + ":"))
        .resource(Target.any())
        .context(context)
        .coverage(Coverage.ANY)
        .build());
    if (d.type() == DecisionType.ALLOW) {
      return null;
    }
    String role = JobCaller.describe(ctx);
    if (d.isUnknown()) {
      return unverified("Whether the policy of interface endpoint " + id + " (" + e.serviceName() + ") lets " + role
          + " use " + prefix + " cannot be decided: " + d.explanation() + ".",
          "Check by hand that " + d.statement().get().label() + " of the policy of " + id + " holds for " + role + ".", id);
    }
    String why = d.type() == DecisionType.EXPLICIT_DENY
        ? "every " + prefix + " action is explicitly denied by " + d.statement().get().label()
        : "no statement allows it any " + prefix + " action";
    String fix = "Let the role through in the endpoint policy"
        + (d.type() == DecisionType.EXPLICIT_DENY ? " (remove or narrow " + d.statement().get().label() + ")" : "")
        + ", for example:\n" + RecommendedPolicies.interfaceEndpointPolicy(ctx, prefix)
        + "\nApply it with: " + RecommendedPolicies.applyEndpointPolicy(id);
    return fail("The policy of interface endpoint " + id + " (" + e.serviceName() + ") denies " + role + ": " + why + ".", fix, id);
  }
}
