package dev.vpctrain.cli.docs;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

// The rule class of docs/architecture.md "Adding a rule" (tested by DocsExamplesTest).
// tag::rule[]
/** {@code vpc.example.rule}: one sentence saying what must hold. */
public final class VpcExampleRule extends BaseRule {
  public VpcExampleRule() {
    super("vpc.example.rule", Severity.ERROR, "The job's VPC does X");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (!ctx.network().has(Section.VPCS)) {
      return one(unverified("X is not known: " + ctx.network().unknownReason(Section.VPCS) + ".", null));
    }
    // decide; name every resource involved; give the fix as a console step or CLI command
    return one(fail("VPC vpc-… does not do X.", "aws ec2 … --vpc-id vpc-…", "vpc-…"));
  }
}
// end::rule[]
