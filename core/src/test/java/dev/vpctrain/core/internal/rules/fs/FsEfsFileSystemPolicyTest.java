package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.FS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.MT_A;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.SG_EFS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.mt;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.ready;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code FsEfsFileSystemPolicyTest}: FAIL, PASS and UNVERIFIED cases. */
class FsEfsFileSystemPolicyTest {
  @Test
  void policyPassesOnlyForAnUnconditionalOpenPolicy() {
    String mountOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":\"elasticfilesystem:ClientMount\"}]}";
    assertThat(run(new FsEfsFileSystemPolicy(), withPolicy(mountOnly), "ro").get(0).outcome()).isEqualTo(Outcome.PASS);
    Finding rw = run(new FsEfsFileSystemPolicy(), withPolicy(mountOnly), "rw").get(0);
    assertThat(rw.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(rw.message()).contains("elasticfilesystem:ClientWrite");

    String tls = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"elasticfilesystem:ClientMount\","
        + "\"elasticfilesystem:ClientWrite\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
    Finding u = run(new FsEfsFileSystemPolicy(), withPolicy(tls), "ro").get(0);
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("aws:SecureTransport");
    assertThat(u.resources()).containsExactly(FS);

    String withDeny = mountOnly.replace("}]}", "},{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"elasticfilesystem:ClientRootAccess\"}]}");
    assertThat(run(new FsEfsFileSystemPolicy(), withPolicy(withDeny), "ro").get(0).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void policyIsUnverifiedWhenUnreadableOrNotCaptured() {
    Finding bad = run(new FsEfsFileSystemPolicy(), withPolicy("{\"Statement\": [ {\"Effect\": 3} ]"), "ro").get(0);
    assertThat(bad.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(bad.message()).contains("cannot be read").contains("line 1");
    Finding none = run(new FsEfsFileSystemPolicy(), ready().withEfsFileSystemPolicies(java.util.Map.of()), "ro").get(0);
    assertThat(none.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(none.message()).contains("DescribeFileSystemPolicy");
  }

  private static NetworkSnapshot withPolicy(String policy) {
    return ready().withEfsFileSystemPolicies(java.util.Map.of(FS, EfsFileSystemPolicy.builder().fileSystemId(FS)
        .policy(policy).build()));
  }
}
