package dev.vpctrain.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --requires}: AWS services the training code calls and destinations inside the VPC, on
 * {@code check}, {@code plan}, {@code launch} (through {@link JobOptions}) and {@code snapshot} (whose
 * capture includes the targets' network interfaces). A picocli mixin.
 */
final class RequiresOption {
  @Option(names = "--requires", split = ",", paramLabel = "SVC|TARGET",
      description = "The AWS services the training code calls, for example logs,sts; and its destinations inside "
          + "the VPC as [label=]ADDR|CIDR|sg-…|eni-…:PORTS[/tcp|/udp], for example features=sg-0123456789abcdef0:5432.")
  List<String> requires = new ArrayList<>();

  /** The in-VPC targets among the items (those containing {@code :}). */
  List<String> targets() {
    return requires.stream().map(String::trim).filter(s -> s.contains(":")).toList();
  }
}
