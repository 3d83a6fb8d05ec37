package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input files through the command line (formats.md §4): 65 for an invalid file, naming file and
 * JSON path; 66 for a file that cannot be read, naming it; never a stack trace.
 */
class InputFileErrorsTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static String example(String file) {
    return Examples.file("ready-private-endpoints", file).orElseThrow();
  }

  private Cli check(Path job, Path net) {
    return Cli.run("check", "--job", job.toString(), "--network", net.toString());
  }

  private static void assertClean(Cli r, int code) {
    assertThat(r.code).as(r.toString()).isEqualTo(code);
    assertThat(r.out).as(r.toString()).isEmpty();
    assertThat(r.err).as(r.toString()).startsWith("vpctrain: ").doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aMissingRequiredMemberExits65NamingFileAndPath() throws Exception {
    Path job = write("job.json", example("job.json").replaceFirst("\"RoleArn\": \"[^\"]*\",", ""));
    Cli r = check(job, write("net.json", example("network.json")));
    assertClean(r, 65);
    assertThat(r.err).contains("invalid input: " + job + ": RoleArn: missing required member \"RoleArn\"");
  }

  @Test
  void aHugeInstanceCountExits65WithTheLimit() throws Exception {
    Path job = write("job.json", example("job.json").replace("\"InstanceCount\": 2", "\"InstanceCount\": 99999999999"));
    Cli r = check(job, write("net.json", example("network.json")));
    assertClean(r, 65);
    assertThat(r.err).contains(job + ": ResourceConfig.InstanceCount: expected at most 2147483647 instances");
  }

  @Test
  void tooManyChannelsExit65WithTheApiLimit() throws Exception {
    StringBuilder channels = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      channels.append(i == 0 ? "" : ",").append("{\"ChannelName\": \"c").append(i)
          .append("\", \"DataSource\": {\"S3DataSource\": {\"S3DataType\": \"S3Prefix\", \"S3Uri\": \"s3://acme-ml-data/c")
          .append(i).append("/\"}}}");
    }
    String text = example("job.json").replaceFirst("(?s)\"InputDataConfig\": \\[.*?\\n  \\],",
        "\"InputDataConfig\": [" + channels + "],");
    Path job = write("job.json", text);
    Cli r = check(job, write("net.json", example("network.json")));
    assertClean(r, 65);
    assertThat(r.err).contains(job + ": InputDataConfig: expected at most 20 channels (the API's limit) but the array has 21");
  }

  @Test
  void trailingContentExits65ForTheJobAndTheBundle() throws Exception {
    Path net = write("net.json", example("network.json"));
    Path job = write("job.json", example("job.json") + "{}");
    Cli r = check(job, net);
    assertClean(r, 65);
    assertThat(r.err).contains(job + ": expected one JSON document but found trailing content after it at line");

    Path goodJob = write("good.json", example("job.json"));
    Path badNet = write("bad-net.json", example("network.json") + "\ngarbage");
    r = check(goodJob, badNet);
    assertClean(r, 65);
    assertThat(r.err).contains(badNet + ": expected one JSON document but found trailing content after it at line");
  }

  @Test
  void invalidUtf8Exits65NamingTheFileNotInputLength() throws Exception {
    byte[] text = example("job.json").replaceFirst("\"TrainingJobName\": \"", "\"TrainingJobName\": \"X").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < text.length; i++) {
      if (text[i] == 'X') {
        text[i] = (byte) 0xFF;
      }
    }
    Path job = write("job.json", text);
    Cli r = check(job, write("net.json", example("network.json")));
    assertClean(r, 65);
    assertThat(r.err).contains(job + ": expected UTF-8 text but the file is not valid UTF-8: byte 0xFF at line 2")
        .doesNotContain("Input length");

    Path net = write("net16.json", example("network.json").getBytes(StandardCharsets.UTF_16));
    r = check(write("good.json", example("job.json")), net);
    assertClean(r, 65);
    assertThat(r.err).contains(net + ": expected UTF-8 text but the file is UTF-16");
  }

  @Test
  void aUtf8ByteOrderMarkIsTolerated() throws Exception {
    Path job = write("job.json", "\uFEFF" + example("job.json"));
    Path net = write("net.json", "\uFEFF" + example("network.json"));
    Cli r = check(job, net);
    assertThat(r.code).as(r.toString()).isEqualTo(0);
  }

  @Test
  void aDirectoryExits66NamingIt() throws Exception {
    Path net = write("net.json", example("network.json"));
    Cli r = check(dir, net);
    assertClean(r, 66);
    assertThat(r.err).isEqualTo("vpctrain: cannot read " + dir + ": is a directory, not a file\n");

    r = Cli.run("plan", "--job", write("job.json", example("job.json")).toString(), "--network", dir.toString());
    assertClean(r, 66);
    assertThat(r.err).contains("cannot read " + dir + ": is a directory");
  }

  @Test
  void anUnreadableFileExits66NamingIt() {
    // root reads every file, so the permission case is checked at the mapping
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Failures.report(new java.nio.file.AccessDeniedException("secret/job.json"),
        new java.io.PrintWriter(err), false);
    assertThat(code).isEqualTo(66);
    assertThat(err.toString()).isEqualTo("vpctrain: cannot read secret/job.json: permission denied\n");
  }

  @Test
  void aMissingBundleExits66NamingIt() throws Exception {
    Path job = write("job.json", example("job.json"));
    Cli r = check(job, dir.resolve("absent-net.json"));
    assertClean(r, 66);
    assertThat(r.err).contains("file not found: " + dir.resolve("absent-net.json"));
  }
}
