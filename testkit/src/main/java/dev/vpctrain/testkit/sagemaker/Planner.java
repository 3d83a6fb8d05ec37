package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.job.VpcTargetKind;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a simulated job ends from the preflight report of its request on the world's
 * network: each failing ERROR rule maps to the failure production shows for it, and the one that
 * strikes first wins. Undecided (UNVERIFIED) checks and warnings do not fail the job: the fake
 * knows no more than its snapshot. File-system rules ({@code fs.*}) fail the mount while
 * Downloading (a path that cannot reach the file system times out; a wrong directory is "No such
 * file or directory"); declared-target rules ({@code target.*}) fail the training code's connection
 * in Training; {@code role.s3.access} fails the download, the code package or the upload of the
 * location it names with Access Denied.
 */
final class Planner {
  static final Duration HANG = Duration.ofHours(1);
  private static final Duration CODE_FAILURE = Duration.ofMinutes(2);
  private static final Set<String> POLICY_RULES = Set.of("s3.endpoint-policy.denies", "s3.bucket-policy.denies");
  /** How long a mount of an unreachable file system tries before SageMaker gives up. */
  static final Duration MOUNT_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration MOUNT_FAILURE = Duration.ofSeconds(30);
  /** The file-system rules whose failure leaves the mount without a path to the file system: it times out. */
  private static final Set<String> MOUNT_UNREACHABLE = Set.of("fs.efs.security-group", "fs.fsx.security-group", "fs.route",
      "fs.nacl.blocked", "fs.efs.mount-target.missing");

  private Planner() {}

  static Plan plan(PreflightReport report, TrainingJobSpec spec, JobScript script, NetworkSnapshot network) {
    if (script.forcesCompletion()) {
      return Plan.complete();
    }
    if (script.failurePhase().isPresent()) {
      Duration after = script.failurePhase().get() == Phase.TRAINING ? script.trainingTime().dividedBy(2) : Duration.ofMinutes(1);
      return Plan.fail(script.failurePhase().get(), script.failureReason().orElseThrow(), null, after,
          List.of(script.failureReason().orElseThrow()));
    }
    Plan best = Plan.complete();
    for (Finding f : report.findings()) {
      if (f.severity() != Severity.ERROR || f.outcome() != Outcome.FAIL) {
        continue;
      }
      Optional<Plan> p = of(f, spec, network);
      if (p.isPresent() && p.get().endsBefore(best)) {
        best = p.get();
      }
    }
    return best;
  }

  private static Optional<Plan> of(Finding f, TrainingJobSpec spec, NetworkSnapshot network) {
    String id = f.ruleId();
    Duration starting = Duration.ofMinutes(3);
    switch (id) {
      case "vpc.tenancy.dedicated": {
        String vpc = firstResource(f, "vpc-").orElse("(unknown)");
        String tenancy = network.vpc(vpc).flatMap(Vpc::instanceTenancy).orElse("dedicated");
        return Optional.of(Plan.fail(Phase.STARTING, FailureReasons.tenancy(vpc, tenancy), f, starting, List.of()));
      }
      case "vpc.dhcp.incomplete":
        return Optional.of(Plan.fail(Phase.STARTING,
            FailureReasons.dhcp(firstResource(f, "vpc-").or(() -> jobVpc(spec, network)).orElse("(unknown)")), f,
            starting, List.of()));
      case "subnet.ip-capacity": {
        List<String> subnets = spec.vpc().map(v -> v.subnets()).orElse(List.of());
        String type = spec.instanceTypes().isEmpty() ? "ml" : spec.instanceTypes().get(0);
        return Optional.of(Plan.fail(Phase.STARTING, FailureReasons.insufficientIps(subnets, spec.totalInstanceCount(), type,
            spec.isEfa() ? 5 : 2), f, starting, List.of()));
      }
      case "vpc.dns.support-disabled":
        return Optional.of(dataPath(f, spec, false, null));
      default:
        break;
    }
    if (id.startsWith("fs.")) {
      return Optional.of(mountFailure(f, spec));
    }
    if (id.startsWith("target.")) {
      return Optional.of(targetFailure(f, spec));
    }
    if (id.equals("role.s3.access")) {
      return Optional.of(roleDataAccess(f, spec));
    }
    if (id.startsWith("s3.")) {
      Optional<String> bucket = bucketOf(f, spec);
      return Optional.of(dataPath(f, spec, POLICY_RULES.contains(id), bucket.orElse(null)));
    }
    if (id.startsWith("sg.") || id.startsWith("nacl.")) {
      if (!spec.isDistributed()) {
        return Optional.empty();
      }
      return Optional.of(Plan.hang(FailureReasons.clusterTimeout("algo-2", HANG.toSeconds()), f, HANG));
    }
    if (id.startsWith("egress.") || id.startsWith("isolation.")) {
      return Optional.of(codeFailure(f, spec, network.region()));
    }
    return Optional.of(Plan.fail(Phase.STARTING, FailureReasons.clientError(f.message()), f, starting, List.of()));
  }

  /** The mount of the file system the finding names (its channel's directory) fails while Downloading. */
  private static Plan mountFailure(Finding f, TrainingJobSpec spec) {
    List<InputChannel> channels = spec.inputChannels().stream().filter(InputChannel::isFileSystem).toList();
    Optional<InputChannel> named = channels.stream()
        .filter(c -> c.fileSystemId().map(f.resources()::contains).orElse(false)).findFirst();
    Optional<InputChannel> channel = named.or(() -> channels.stream().findFirst());
    String fs = channel.flatMap(InputChannel::fileSystemId)
        .or(() -> firstResource(f, "fs-")).orElse("(unknown)");
    String path = channel.flatMap(InputChannel::directoryPath).orElse("/");
    String id = f.ruleId();
    if (id.equals("fs.directory-path")) {
      return Plan.fail(Phase.DOWNLOADING, FailureReasons.noSuchDirectory(fs, path), f, MOUNT_FAILURE, List.of());
    }
    if (MOUNT_UNREACHABLE.contains(id)) {
      return Plan.fail(Phase.DOWNLOADING, FailureReasons.mountTimedOut(fs, path), f, MOUNT_TIMEOUT, List.of());
    }
    return Plan.fail(Phase.DOWNLOADING, FailureReasons.fileSystemUnusable(fs, path, f.message()), f, MOUNT_FAILURE,
        List.of());
  }

  /** The training code's connection to the declared target the finding names times out in Training. */
  private static Plan targetFailure(Finding f, TrainingJobSpec spec) {
    String text = f.message() + " " + String.join(" ", f.resources());
    VpcTarget target = spec.requiredInVpc().stream().filter(t -> f.resources().contains(t.name())).findFirst()
        .or(() -> spec.requiredInVpc().stream().filter(t -> text.contains(t.name())).findFirst())
        .or(() -> spec.requiredInVpc().stream().findFirst())
        .orElse(null);
    if (target == null) {
      return Plan.fail(Phase.TRAINING, FailureReasons.clientError(f.message()), f, CODE_FAILURE, List.of(f.message()));
    }
    String where = (target.kind() == VpcTargetKind.ADDRESS ? target.value() : target.value() + " (" + target.kind()
        .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")") + ":" + target.ports() + "/" + target.protocol();
    String reason = FailureReasons.targetUnreachable(target.name(), where);
    return Plan.fail(Phase.TRAINING, reason, f, CODE_FAILURE,
        List.of("TimeoutError: [Errno 110] Connection timed out (connecting to " + target.name() + " at " + where + ")"));
  }

  private static Plan dataPath(Finding f, TrainingJobSpec spec, boolean denied, String bucket) {
    List<S3Access> accesses = spec.s3Accesses();
    Optional<S3Access> input = accesses.stream()
        .filter(a -> isInput(a) && (bucket == null || a.location().bucket().equals(bucket)))
        .findFirst();
    if (input.isPresent()) {
      String reason = denied ? FailureReasons.downloadDenied(input.get().location().toString()) : FailureReasons.downloadFailed();
      return Plan.fail(Phase.DOWNLOADING, reason, f, Duration.ofMinutes(1), List.of());
    }
    Optional<S3Access> code = accesses.stream()
        .filter(a -> a.field().equals(TrainingJobSpec.CODE_PACKAGE_FIELD) && (bucket == null || a.location().bucket().equals(bucket)))
        .findFirst();
    if (code.isPresent()) {
      String reason = FailureReasons.codeDownload(code.get().location(), denied);
      return Plan.fail(Phase.TRAINING, reason, f, CODE_FAILURE, List.of(reason));
    }
    Optional<S3Access> output = accesses.stream()
        .filter(a -> a.writes() && (bucket == null || a.location().bucket().equals(bucket)))
        .findFirst();
    String where = output.map(o -> o.location().toString()).orElse(spec.outputPath().orElse("s3://"));
    String reason = denied ? FailureReasons.uploadDenied(where) : FailureReasons.uploadFailed();
    return Plan.fail(Phase.UPLOADING, reason, f, Duration.ofMinutes(1), List.of());
  }

  /** A training channel's or a processing input's S3 location: read while the instances download their data. */
  private static boolean isInput(S3Access a) {
    return a.field().startsWith("InputDataConfig") || a.field().startsWith("ProcessingInputs");
  }

  /**
   * The role may not make an S3 request of the location the finding names (its first resource):
   * an input, or checkpoints the role may not read, fail the download with Access Denied; the code
   * package fails the toolkit's download in Training; an output fails the upload.
   */
  private static Plan roleDataAccess(Finding f, TrainingJobSpec spec) {
    Optional<S3Access> named = spec.s3Accesses().stream()
        .filter(a -> f.resources().contains(a.location().toString())).findFirst();
    if (named.isEmpty()) {
      return dataPath(f, spec, true, bucketOf(f, spec).orElse(null));
    }
    S3Access a = named.get();
    String where = a.location().toString();
    if (a.field().equals(TrainingJobSpec.CODE_PACKAGE_FIELD)) {
      String reason = FailureReasons.codeDownload(a.location(), true);
      return Plan.fail(Phase.TRAINING, reason, f, CODE_FAILURE, List.of(reason));
    }
    boolean readDenied = !a.writes() || f.message().contains("s3:GetObject on") || f.message().contains("s3:ListBucket on");
    if (readDenied) {
      return Plan.fail(Phase.DOWNLOADING, FailureReasons.downloadDenied(where), f, Duration.ofMinutes(1), List.of());
    }
    return Plan.fail(Phase.UPLOADING, FailureReasons.uploadDenied(where), f, Duration.ofMinutes(1), List.of());
  }

  private static Plan codeFailure(Finding f, TrainingJobSpec spec, String region) {
    String text = f.message() + " " + String.join(" ", f.resources());
    for (AwsService s : spec.requiredServices()) {
      if (text.contains(s.endpointName())) {
        return serviceFailure(f, s, region);
      }
    }
    for (HostPort h : spec.requiredInternet()) {
      if (text.contains(h.host())) {
        return internetFailure(f, h);
      }
    }
    if (!spec.requiredServices().isEmpty()) {
      return serviceFailure(f, spec.requiredServices().iterator().next(), region);
    }
    if (!spec.requiredInternet().isEmpty()) {
      return internetFailure(f, spec.requiredInternet().get(0));
    }
    return Plan.fail(Phase.TRAINING, FailureReasons.clientError(f.message()), f, CODE_FAILURE, List.of(f.message()));
  }

  private static Plan serviceFailure(Finding f, AwsService s, String region) {
    String url = url(s, region);
    String line = "botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"" + url + "\"";
    return Plan.fail(Phase.TRAINING, FailureReasons.serviceUnreachable(url), f, CODE_FAILURE, List.of(line));
  }

  private static Plan internetFailure(Finding f, HostPort h) {
    String line = "urllib3.exceptions.ConnectTimeoutError: Connection to " + h.host() + " timed out. (connect timeout="
        + h.port() + ")";
    return Plan.fail(Phase.TRAINING, FailureReasons.internetUnreachable(h.host(), h.port()), f, CODE_FAILURE, List.of(line));
  }

  static String url(AwsService s, String region) {
    if (s.equals(AwsService.IAM)) {
      return "https://iam.amazonaws.com/";
    }
    String[] parts = s.endpointName().split("\\.", -1);
    StringBuilder host = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      host.append(parts[i]).append('.');
    }
    return "https://" + host + region + ".amazonaws.com/";
  }

  private static Optional<String> firstResource(Finding f, String prefix) {
    return f.resources().stream().filter(r -> r.startsWith(prefix)).findFirst();
  }

  private static Optional<String> jobVpc(TrainingJobSpec spec, NetworkSnapshot network) {
    return spec.vpc().flatMap(v -> v.subnets().stream().flatMap(id -> network.subnet(id).stream()).findFirst())
        .map(s -> s.vpcId());
  }

  private static Optional<String> bucketOf(Finding f, TrainingJobSpec spec) {
    for (String b : spec.buckets()) {
      if (f.resources().contains(b)) {
        return Optional.of(b);
      }
    }
    for (String b : spec.buckets()) {
      if (f.message().contains(b)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
