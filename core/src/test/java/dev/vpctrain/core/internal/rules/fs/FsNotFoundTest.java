package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.EFS;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.FSX;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.efsChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.fsxChannel;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.FsFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FsNotFoundTest {
  private final FsNotFound rule = new FsNotFound();

  @Test
  void fileSystemsInTheSnapshotPass() {
    List<Finding> out = evaluate(rule, job(efsChannel("/data"), fsxChannel("/abcdefgh/train")), snapshot());
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.PASS);
    assertThat(out.get(0).resources()).containsExactly(EFS);
    assertThat(out.get(1).resources()).containsExactly(FSX);
  }

  @Test
  void anIdAbsentFromACompleteListFails() {
    InputChannel typo = InputChannel.builder().from(efsChannel("/data")).fileSystemId("fs-0deadbee").build();
    Finding f = single(rule, job(typo), snapshot());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("fs-0deadbee");
    assertThat(f.message()).contains("is not in efs.DescribeFileSystems").contains("us-east-1");
    Finding fsx = single(rule, job(InputChannel.builder().from(fsxChannel("/x")).fileSystemId("fs-0ffffffffffffffff").build()),
        snapshot());
    assertThat(fsx.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(fsx.message()).contains("fsx.DescribeFileSystems");
  }

  @Test
  void aTypeThatDisagreesFails() {
    InputChannel efsAsLustre = InputChannel.builder().from(fsxChannel("/x")).fileSystemId(EFS).build();
    Finding f = single(rule, job(efsAsLustre), snapshot());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("is an EFS file system");
    assertThat(f.remediation().orElseThrow()).contains("FileSystemType to EFS");
    InputChannel lustreAsEfs = InputChannel.builder().from(efsChannel("/x")).fileSystemId(FSX).build();
    Finding g = single(rule, job(lustreAsEfs), snapshot());
    assertThat(g.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(g.message()).contains("is an FSx file system (type LUSTRE)");
    NetworkSnapshot ontap = snapshot().withFsxFileSystems(List.of(FsxFileSystem.builder().fileSystemId(FSX)
        .fileSystemType("ONTAP").lifecycle("AVAILABLE").build()));
    Finding h = single(rule, job(fsxChannel("/x")), ontap);
    assertThat(h.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(h.message()).contains("FSx for ONTAP file system, not Lustre");
  }

  @Test
  void anAbsentFailedOrFilteredListIsUnverified() {
    Finding absent = single(rule, job(efsChannel("/data")), snapshot().withEfsFileSystems(Optional.empty()));
    assertThat(absent.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(absent.message()).contains("elasticfilesystem:DescribeFileSystems was not captured");
    NetworkSnapshot failed = snapshot().withFsxFileSystems(List.of())
        .withErrors(CaptureError.of(Section.FSX_FILE_SYSTEMS.operation(), "AccessDenied", "no"));
    Finding denied = single(rule, job(fsxChannel("/abcdefgh/train")), failed);
    assertThat(denied.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(denied.message()).contains("AccessDenied");
    NetworkSnapshot filtered = snapshot().withFsxFileSystems(List.of())
        .withCaptureFilters(java.util.Map.of("fsx:DescribeFileSystems", List.of(CaptureFilter.of("file-system-id",
            List.of("fs-0999999999999999")))));
    Finding other = single(rule, job(fsxChannel("/abcdefgh/train")), filtered);
    assertThat(other.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(other.message()).contains("does not select " + FSX);
    NetworkSnapshot selecting = filtered.withCaptureFilters(java.util.Map.of("fsx:DescribeFileSystems",
        List.of(CaptureFilter.of("file-system-id", List.of(FSX)))));
    assertThat(single(rule, job(fsxChannel("/abcdefgh/train")), selecting).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void anIdInTheOtherListDecidesEvenWhenItsOwnListIsUnknown() {
    InputChannel lustreAsEfs = InputChannel.builder().from(efsChannel("/x")).fileSystemId(FSX).build();
    Finding f = single(rule, job(lustreAsEfs), snapshot().withEfsFileSystems(Optional.empty()));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aJobOutsideAVpcOrWithoutFileSystemsPasses() {
    assertThat(single(rule, FsFixtures.jobWithoutVpc(efsChannel("/data")), snapshot()).message())
        .contains("request.file-system.no-vpc");
    assertThat(single(rule, job(), snapshot()).message()).contains("no file-system input channels");
  }
}
