package dev.vpctrain.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.cli.Examples;
import dev.vpctrain.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training run of the class-data-sharing archive, built at package time (cli/pom.xml runs
 * {@code java -XX:DumpLoadedClassList=target/vpctrain.classlist -cp target/vpctrain.jar} this class,
 * then dumps the archive {@code target/vpctrain.jsa} of the classes listed): the
 * offline commands people run, in one JVM, over the bundled examples (with {@code --example} and as
 * files), so that the classes they load are archived. Never reaches the network or AWS. Each example's
 * check must end with the exit code its {@code expect.json} names (so this run is also a smoke test of
 * the shaded jar); otherwise it exits 1, printing the command line and its output.
 */
public final class CdsTraining {
  private static final Set<Integer> VERDICTS = Set.of(0, 1, 2);
  private static final Map<String, Integer> EXIT = Map.of("READY", 0, "NOT_READY", 1, "UNVERIFIED", 2);

  /** One command line and the exit codes it may end with. */
  private record Command(List<String> args, Set<Integer> exits) {}

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("vpctrain-cds");
    try {
      for (Command command : commands(dir)) {
        run(command);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<Command> commands(Path dir) throws IOException {
    List<Command> commands = new ArrayList<>();
    for (String help : List.of("--help", "check --help", "examples", "rules", "rules s3.route.missing",
        "explain s3.route.missing")) {
      commands.add(new Command(List.of(help.split(" ")), Set.of(0)));
    }
    ObjectMapper json = new ObjectMapper();
    for (String name : Examples.index().keySet()) {
      JsonNode expect = json.readTree(Examples.file(name, "expect.json").orElseThrow());
      List<String> extra = new ArrayList<>();
      expect.path("args").forEach(a -> extra.add(a.asText()));
      int exit = expect.has("exit") ? expect.get("exit").asInt() : EXIT.get(expect.path("verdict").asText());
      Path example = Files.createDirectories(dir.resolve(name));
      Path job = example.resolve("job.json");
      Path network = example.resolve("network.json");
      Files.writeString(job, Examples.file(name, "job.json").orElseThrow(), StandardCharsets.UTF_8);
      Files.writeString(network, Examples.file(name, "network.json").orElseThrow(), StandardCharsets.UTF_8);
      List<String> files = List.of("--job", job.toString(), "--network", network.toString());
      commands.add(new Command(concat(List.of("check", "--example", name), extra), Set.of(exit)));
      commands.add(new Command(concat(concat(List.of("check"), files), extra), Set.of(exit)));
      commands.add(new Command(concat(concat(List.of("check", "--format", "json"), files), extra), Set.of(exit)));
      commands.add(new Command(concat(concat(List.of("plan"), files), extra),
          VERDICTS.contains(exit) ? VERDICTS : Set.of(exit)));
    }
    String first = Examples.index().keySet().iterator().next();
    commands.add(new Command(List.of("check", "--example", first, "--format", "sarif"), VERDICTS));
    return commands;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static void run(Command command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(command.args().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    if (!command.exits().contains(code)) {
      System.err.println("CdsTraining: vpctrain " + String.join(" ", command.args()) + " exited " + code
          + ", expected " + command.exits());
      System.err.println(out);
      System.err.println(err);
      System.exit(1);
    }
  }
}
