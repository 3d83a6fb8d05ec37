package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Applies a {@link RemediationPlan} with the user's EC2 and S3 clients. A dry run by default: EC2
 * calls are sent with {@code DryRun} (EC2 answers {@code DryRunOperation} when the call would
 * succeed) and calls without a dry run are only reported. Steps run in order and each is
 * idempotent: what is already in place (an equal rule, association, attribute or policy, a group
 * of the same VPC and name, an endpoint of the same service) counts as done, and create calls
 * carry deterministic client tokens. Nothing is deleted; policies are only added to, unless a
 * step explicitly replaces one (optional hardening). The first failure stops the run; the
 * network-ACL entries the run added are then removed again ({@code DeleteNetworkAclEntry}: an
 * entry is only useful with the rest of its flow, so none is left half-applied), and an inline role
 * policy the run put is restored to its previous document or deleted. The role's inline policy
 * ({@code iam:PutRolePolicy}) is put only with {@code includeIam}. The result names
 * what was done, what was rolled back, the failed operation and AWS error code, and what was not started.
 * Thread-safe: each {@code apply} has its own state.
 */
public final class PlanApplier {
  private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);

  private final Ec2Client ec2;
  private final S3Client s3;
  private final IamClient iam;

  private PlanApplier(Builder b) {
    this.ec2 = Objects.requireNonNull(b.ec2, "ec2 client");
    this.s3 = Objects.requireNonNull(b.s3, "s3 client");
    this.iam = b.iam;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return an applier using these clients (the library never creates clients of its own)}
   *
   * @param ec2 the EC2 client
   * @param s3 the S3 client
   */
  public static PlanApplier create(Ec2Client ec2, S3Client s3) {
    return builder().ec2(ec2).s3(s3).build();
  }

  /**
   * Applies {@code plan} as {@code options} say (dry run unless {@code dryRun(false)}).
   *
   * @param plan the remediation plan
   * @param options the options
   * @return what each step did
   */
  public ApplyResult apply(RemediationPlan plan, ApplyOptions options) {
    ApplyContext ctx = new ApplyContext(ec2, s3, iam, options.dryRun());
    List<StepResult> results = new ArrayList<>();
    List<RemediationStep> advice = new ArrayList<>();
    List<RemediationStep> skipped = new ArrayList<>();
    List<RemediationStep> skippedIam = new ArrayList<>();
    boolean stopped = false;
    for (RemediationStep step : plan.allSteps()) {
      if (step.isAdvice()) {
        advice.add(step);
        continue;
      }
      if (step.optional() && !options.includeOptional()) {
        skipped.add(step);
        continue;
      }
      if (step.change() instanceof Change.PutRolePolicy && !options.includeIam()) {
        skippedIam.add(step);
        continue;
      }
      if (stopped) {
        results.add(StepResult.builder().step(step).status(StepStatus.NOT_STARTED)
            .detail("not started: step " + results.stream().filter(r -> r.status() == StepStatus.FAILED)
                .findFirst().map(r -> r.step().number()).orElse(0) + " failed").build());
        continue;
      }
      StepResult r = run(ctx, step);
      results.add(r);
      // a dry run goes on, so that one run shows every step the account would refuse
      stopped = r.status() == StepStatus.FAILED && !options.dryRun();
    }
    if (stopped) {
      results = rollBack(ctx, results);
    }
    return ApplyResult.builder().jobName(plan.jobName()).region(plan.region()).dryRun(options.dryRun())
        .results(results).advice(advice).skippedOptional(skipped).skippedIam(skippedIam).build();
  }

  /**
   * Applies {@code plan} with options built by {@code options}.
   *
   * @param plan the remediation plan
   * @param options the options
   * @return what each step did
   */
  public ApplyResult apply(RemediationPlan plan, Consumer<ApplyOptions.Builder> options) {
    ApplyOptions.Builder b = ApplyOptions.builder();
    options.accept(b);
    return apply(plan, b.build());
  }

  private static StepResult run(ApplyContext ctx, RemediationStep step) {
    try {
      StepOutcome o = dispatch(ctx, step.change());
      LOG.info("Step {} ({}): {} — {}", step.number(), step.operation(), o.status().label(), o.detail());
      return StepResult.builder().step(step).status(o.status()).detail(o.detail()).createdIds(o.createdIds()).build();
    } catch (StepFailure f) {
      LOG.warn("Step {} ({}) failed: {} {}: {}", step.number(), step.operation(), f.operation(), f.code(), f.getMessage());
      return failed(step, f.operation(), f.code(), String.valueOf(f.getMessage()));
    } catch (RuntimeException e) {
      // a bug here must still leave a report of what was done, and stop the run
      LOG.error("Step {} ({}) failed unexpectedly; this is a bug in vpctrain", step.number(), step.operation(), e);
      return failed(step, step.operation(), "InternalError",
          e + " (a bug in vpctrain; please report it with the plan)");
    }
  }

  /**
   * After a failure: removes the network-ACL entries this run added, last first. An entry that
   * cannot be removed stays DONE, its detail naming the error and the command that removes it.
   */
  private static List<StepResult> rollBack(ApplyContext ctx, List<StepResult> results) {
    List<Change.CreateNetworkAclEntry> created = ctx.createdAclEntries();
    if (created.isEmpty() && ctx.rolePoliciesPut().isEmpty()) {
      return results;
    }
    int failedStep = results.stream().filter(r -> r.status() == StepStatus.FAILED).findFirst()
        .map(r -> r.step().number()).orElse(0);
    List<StepResult> out = new ArrayList<>(results);
    for (int i = out.size() - 1; i >= 0; i--) {
      StepResult r = out.get(i);
      if (r.status() == StepStatus.DONE && r.step().change() instanceof Change.PutRolePolicy p
          && ctx.rolePoliciesPut().containsKey(p)) {
        out.set(i, undoRolePolicy(ctx, r, p, failedStep));
        continue;
      }
      if (r.status() != StepStatus.DONE || !(r.step().change() instanceof Change.CreateNetworkAclEntry c)
          || !created.contains(c)) {
        continue;
      }
      try {
        AclSteps.delete(ctx, c);
        LOG.info("Step {} rolled back: {} removed", r.step().number(), c.describe());
        out.set(i, StepResult.builder().from(r).status(StepStatus.ROLLED_BACK)
            .detail("added, then removed again because step " + failedStep + " failed: " + c.describe()).build());
      } catch (StepFailure f) {
        LOG.warn("Step {} could not be rolled back: {} {}: {}", r.step().number(), f.operation(), f.code(), f.getMessage());
        out.set(i, StepResult.builder().from(r).detail(r.detail() + "; removing it after step " + failedStep
            + " failed did not work (" + f.operation() + " " + f.code() + ": " + f.getMessage() + "): remove it with "
            + AclSteps.deleteCommand(c)).build());
      }
    }
    return out;
  }

  /** Puts back (or deletes) an inline role policy this run put; when that fails the step stays DONE and says how to revert. */
  private static StepResult undoRolePolicy(ApplyContext ctx, StepResult r, Change.PutRolePolicy p, int failedStep) {
    Optional<String> before = ctx.rolePoliciesPut().get(p);
    String what = "inline policy " + p.policyName() + " of role " + p.roleName();
    try {
      IamSteps.undo(ctx, p, before);
      LOG.info("Step {} rolled back: {} {}", r.step().number(), what, before.isPresent() ? "restored" : "deleted");
      return StepResult.builder().from(r).status(StepStatus.ROLLED_BACK).detail("put, then "
          + (before.isPresent() ? "restored to its previous document" : "deleted again") + " because step "
          + failedStep + " failed: " + what).build();
    } catch (StepFailure f) {
      LOG.warn("Step {} could not be rolled back: {} {}: {}", r.step().number(), f.operation(), f.code(), f.getMessage());
      return StepResult.builder().from(r).detail(r.detail() + "; reverting it after step " + failedStep
          + " failed did not work (" + f.operation() + " " + f.code() + ": " + f.getMessage() + "): revert it with "
          + IamSteps.undoCommand(p, before)).build();
    }
  }

  private static StepResult failed(RemediationStep step, String operation, String code, String message) {
    return StepResult.builder().step(step).status(StepStatus.FAILED).detail(operation + " failed with " + code)
        .failedOperation(operation).errorCode(code).errorMessage(message).build();
  }

  private static StepOutcome dispatch(ApplyContext ctx, Change change) {
    if (change instanceof Change.CreateGatewayEndpoint c) {
      return EndpointSteps.createGateway(ctx, c);
    }
    if (change instanceof Change.AddEndpointRouteTables c) {
      return EndpointSteps.addRouteTables(ctx, c);
    }
    if (change instanceof Change.SetEndpointPolicy c) {
      return EndpointSteps.setPolicy(ctx, c);
    }
    if (change instanceof Change.EnableEndpointPrivateDns c) {
      return EndpointSteps.enablePrivateDns(ctx, c);
    }
    if (change instanceof Change.CreateInterfaceEndpoint c) {
      return EndpointSteps.createInterface(ctx, c);
    }
    if (change instanceof Change.CreateSecurityGroup c) {
      return GroupSteps.create(ctx, c);
    }
    if (change instanceof Change.AuthorizeIngress c) {
      return GroupSteps.authorize(ctx, c.group(), c.rule(), true);
    }
    if (change instanceof Change.AuthorizeEgress c) {
      return GroupSteps.authorize(ctx, c.group(), c.rule(), false);
    }
    if (change instanceof Change.SetBucketPolicy c) {
      return BucketSteps.setPolicy(ctx, c);
    }
    if (change instanceof Change.EnableVpcAttribute c) {
      return VpcSteps.enableAttribute(ctx, c);
    }
    if (change instanceof Change.CreateNetworkAclEntry c) {
      return AclSteps.create(ctx, c);
    }
    if (change instanceof Change.PutRolePolicy c) {
      return IamSteps.putRolePolicy(ctx, c);
    }
    throw new IllegalArgumentException("not an executable change: " + change);
  }

  /** Builds a {@link PlanApplier}. */
  public static final class Builder {
    private Ec2Client ec2;
    private S3Client s3;
    private IamClient iam;

    private Builder() {}

    /**
     * The IAM client for the role's inline policy (global endpoint); without it IAM steps fail.
     *
     * @param iam the IAM client
     * @return this builder
     */
    public Builder iam(IamClient iam) {
      this.iam = iam;
      return this;
    }

    /**
     * Sets the EC2 client.
     *
     * @param ec2 the EC2 client
     * @return this builder
     */
    public Builder ec2(Ec2Client ec2) {
      this.ec2 = ec2;
      return this;
    }

    /**
     * Sets the S3 client.
     *
     * @param s3 the S3 client
     * @return this builder
     */
    public Builder s3(S3Client s3) {
      this.s3 = s3;
      return this;
    }

    /** {@return a new {@code PlanApplier} with the values given} */
    public PlanApplier build() {
      return new PlanApplier(this);
    }
  }
}
