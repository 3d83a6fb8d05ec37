package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.EFS;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.efsChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.fsxChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.lustre;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.network;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.snapshot;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.withFileSystems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FsLifecycleUnavailableTest {
  private final FsLifecycleUnavailable rule = new FsLifecycleUnavailable();

  private static NetworkSnapshot fsx(String lifecycle) {
    return withFileSystems(network().build(), "available", lustre("PERSISTENT_2", "abcdefgh").lifecycle(lifecycle)
        .failureMessage("The file system's security group does not allow inbound traffic on port 988.").build());
  }

  @Test
  void availableFileSystemsPass() {
    assertThat(single(rule, job(efsChannel("/data")), snapshot()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(rule, job(fsxChannel("/abcdefgh")), snapshot()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anEfsFileSystemNotAvailableFails() {
    Finding f = single(rule, job(efsChannel("/data")), withFileSystems(network().build(), "deleting",
        lustre("PERSISTENT_2", "abcdefgh").build()));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly(EFS);
    assertThat(f.message()).contains("state deleting");
    Finding creating = single(rule, job(efsChannel("/data")), withFileSystems(network().build(), "creating",
        lustre("PERSISTENT_2", "abcdefgh").build()));
    assertThat(creating.remediation().orElseThrow()).contains("Wait until it is available");
  }

  @Test
  void anFsxFileSystemNotAvailableFailsWithItsFailureDetails() {
    Finding f = single(rule, job(fsxChannel("/abcdefgh")), fsx("MISCONFIGURED_UNAVAILABLE"));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly(FSX);
    assertThat(f.message()).contains("MISCONFIGURED_UNAVAILABLE").contains("port 988");
    assertThat(single(rule, job(fsxChannel("/abcdefgh")), fsx("FAILED")).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void updatingPassesWithANote() {
    Finding f = single(rule, job(fsxChannel("/abcdefgh")), fsx("UPDATING"));
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("UPDATING").contains("not documented");
  }

  @Test
  void anUnknownFileSystemOrStateIsUnverified() {
    Finding missing = single(rule, job(efsChannel("/data")), snapshot().withEfsFileSystems(Optional.empty()));
    assertThat(missing.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(missing.message()).contains("fs.not-found");
    NetworkSnapshot noState = snapshot().withFsxFileSystems(List.of(lustre("PERSISTENT_2", "abcdefgh")
        .lifecycle(Optional.empty()).build()));
    Finding state = single(rule, job(fsxChannel("/abcdefgh")), noState);
    assertThat(state.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(state.message()).contains("Lifecycle");
  }
}
