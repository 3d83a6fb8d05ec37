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
import org.junit.jupiter.api.Test;

class FsDirectoryPathTest {
  private final FsDirectoryPath rule = new FsDirectoryPath();

  private static NetworkSnapshot lustreOf(String deploymentType, String mountName) {
    return withFileSystems(network().build(), "available", lustre(deploymentType, mountName).build());
  }

  @Test
  void fsxOnAPersistentFileSystemFailsWithTheCorrectedPath() {
    Finding f = single(rule, job(fsxChannel("/fsx/train")), snapshot());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly(FSX);
    assertThat(f.message()).contains("does not start with /abcdefgh").contains("SCRATCH_1 file systems only")
        .contains("PERSISTENT_2").contains("/abcdefgh/train");
    assertThat(f.remediation().orElseThrow()).contains("\"/abcdefgh/train\"")
        .contains("InputDataConfig[1].DataSource.FileSystemDataSource.DirectoryPath");
  }

  @Test
  void theCorrectedPathReplacesFsxOrPrefixesTheMountName() {
    assertThat(FsDirectoryPath.corrected("/fsx/train", "abcdefgh")).isEqualTo("/abcdefgh/train");
    assertThat(FsDirectoryPath.corrected("/fsx", "abcdefgh")).isEqualTo("/abcdefgh");
    assertThat(FsDirectoryPath.corrected("/fsx/", "abcdefgh")).isEqualTo("/abcdefgh");
    assertThat(FsDirectoryPath.corrected("/data/train", "abcdefgh")).isEqualTo("/abcdefgh/data/train");
    assertThat(FsDirectoryPath.corrected("train", "abcdefgh")).isEqualTo("/abcdefgh/train");
    assertThat(FsDirectoryPath.corrected("/fsxdata", "abcdefgh")).isEqualTo("/abcdefgh/fsxdata");
  }

  @Test
  void aPathStartingWithTheMountNamePassesWithTheExistenceNote() {
    for (String path : List.of("/abcdefgh", "/abcdefgh/", "/abcdefgh/train/2026")) {
      Finding f = single(rule, job(fsxChannel(path)), snapshot());
      assertThat(f.outcome()).as(path).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("cannot be seen").contains("No such file or directory");
    }
    assertThat(single(rule, job(fsxChannel("/abcdefghi/train")), snapshot()).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void scratch1MountsAtFsx() {
    assertThat(single(rule, job(fsxChannel("/fsx/train")), lustreOf("SCRATCH_1", "fsx")).outcome()).isEqualTo(Outcome.PASS);
    // the MountName is not captured, but SCRATCH_1 always mounts at fsx
    assertThat(single(rule, job(fsxChannel("/fsx/train")), lustreOf("SCRATCH_1", null)).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(rule, job(fsxChannel("/fsx/train")), lustreOf("SCRATCH_2", "x7y8z9ab")).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void anUnknownMountNameIsUnverified() {
    Finding f = single(rule, job(fsxChannel("/fsx/train")), lustreOf("PERSISTENT_2", null));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("MountName was not captured");
    Finding absent = single(rule, job(fsxChannel("/fsx/train")), snapshot().withFsxFileSystems(List.of()));
    assertThat(absent.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(absent.message()).contains("not in the snapshot");
  }

  @Test
  void anEfsPathThatIsNotAbsoluteIsAWarning() {
    Finding f = single(rule, job(efsChannel("data/train")), snapshot());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.resources()).containsExactly(EFS);
    assertThat(f.remediation().orElseThrow()).contains("\"/data/train\"");
    Finding ok = single(rule, job(efsChannel("/data/train")), snapshot());
    assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
    assertThat(ok.message()).contains("No such file or directory");
    // EFS paths are not held against a Lustre mount name, whatever the snapshot says
    assertThat(single(rule, job(efsChannel("/fsx/train")), snapshot()).outcome()).isEqualTo(Outcome.PASS);
  }
}
