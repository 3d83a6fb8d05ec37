package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code sg.intercontainer-encryption.off}: distributed jobs should encrypt traffic between instances. */
public final class SgIntercontainerEncryptionOff extends BaseRule {
  public SgIntercontainerEncryptionOff() {
    super("sg.intercontainer-encryption.off", Severity.INFO,
        "A distributed job encrypts the traffic between its instances");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (!ctx.job().isDistributed()) {
      return one(pass("The job runs on a single instance: no traffic flows between instances."));
    }
    if (ctx.job().enableInterContainerTrafficEncryption()) {
      return one(pass("Traffic between the job's " + ctx.job().totalInstanceCount() + " instances is encrypted."));
    }
    return one(fail("Job " + ctx.job().name() + " runs " + ctx.job().totalInstanceCount()
            + " instances without EnableInterContainerTrafficEncryption: the traffic between them is not encrypted.",
        "Set \"" + (ctx.job().kind() == JobKind.PROCESSING ? "NetworkConfig." : "")
            + "EnableInterContainerTrafficEncryption\": true in the " + ctx.job().kind().operation() + " request, or call "
            + "enableInterContainerTrafficEncryption with true on the spec's builder; it can lengthen the job, mostly "
            + "deep-learning training that exchanges much data between instances.",
        ctx.job().name()));
  }
}
