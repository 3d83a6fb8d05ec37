package dev.vpctrain.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.simulate.RoleSimulation;
import java.io.PrintWriter;

/**
 * {@code check --simulate}'s part of the report: a {@code simulation} member added to the JSON report
 * ({@code {requests, agreed, disagreements:[{rule, action, resource, vpctrain, iam, statement}], notes}}),
 * a closing section of the text report, and a warning on stderr for each disagreement. SARIF is left as is.
 */
final class SimulationReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SimulationReport() {}

  /** {@code rendered} with the simulation added in {@code format}. */
  static String append(String rendered, CheckCommand.Format format, RoleSimulation s) {
    switch (format) {
      case json:
        return json(rendered, s);
      case text:
        return rendered + text(s);
      default:
        return rendered;
    }
  }

  /** One prominent line per disagreement on stderr; the notes of failed calls too. */
  static void warn(RoleSimulation s, PrintWriter err) {
    for (RoleSimulation.Disagreement d : s.disagreements()) {
      err.println("WARNING: vpctrain and IAM's policy simulator disagree on " + d.action() + " on " + d.resource()
          + " (" + d.rule() + "): vpctrain " + d.vpctrain() + ", IAM " + d.iam() + ". This is a vpctrain bug or a "
          + "policy vpctrain reads differently; please report it. " + d.statement());
    }
    s.notes().stream().filter(n -> n.startsWith("--simulate")).forEach(err::println);
    err.flush();
  }

  static String text(RoleSimulation s) {
    StringBuilder sb = new StringBuilder("\nSimulation (iam:SimulatePrincipalPolicy): ").append(s.requests())
        .append(" request(s) compared, ").append(s.agreed()).append(" agreed, ").append(s.disagreements().size())
        .append(" disagreement(s).\n");
    for (RoleSimulation.Disagreement d : s.disagreements()) {
      sb.append("  DISAGREEMENT ").append(d.action()).append(" on ").append(d.resource()).append(": vpctrain ")
          .append(d.vpctrain()).append(", IAM ").append(d.iam()).append(" (").append(d.statement()).append(")\n");
    }
    s.notes().forEach(n -> sb.append("  note: ").append(n).append('\n'));
    return sb.toString();
  }

  static ObjectNode node(RoleSimulation s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("requests", s.requests());
    o.put("agreed", s.agreed());
    ArrayNode a = o.putArray("disagreements");
    for (RoleSimulation.Disagreement d : s.disagreements()) {
      a.addObject().put("rule", d.rule()).put("action", d.action()).put("resource", d.resource())
          .put("vpctrain", d.vpctrain()).put("iam", d.iam()).put("statement", d.statement());
    }
    ArrayNode notes = o.putArray("notes");
    s.notes().forEach(notes::add);
    return o;
  }

  private static String json(String rendered, RoleSimulation s) {
    try {
      ObjectNode report = (ObjectNode) MAPPER.readTree(rendered);
      report.set("simulation", node(s));
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the JSON report is not JSON", e);
    }
  }
}
