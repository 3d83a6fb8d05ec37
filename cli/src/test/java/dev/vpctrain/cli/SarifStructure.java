package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a SARIF log against the SARIF 2.1.0 schema's rules for every object vpctrain writes:
 * required properties, the allowed property names (the schema has {@code additionalProperties:
 * false}), enums and value types. Property lists follow the OASIS sarif-schema-2.1.0.json.
 */
final class SarifStructure {
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("sarifLog", Set.of("$schema", "version", "runs", "inlineExternalProperties", "properties")),
      Map.entry("run", Set.of("tool", "invocations", "conversion", "language", "versionControlProvenance",
          "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails",
          "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
          "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies",
          "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties")),
      Map.entry("tool", Set.of("driver", "extensions", "properties")),
      Map.entry("toolComponent", Set.of("guid", "name", "organization", "product", "productSuite",
          "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
          "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa",
          "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
          "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
          "supportedTaxonomies", "properties")),
      Map.entry("reportingDescriptor", Set.of("id", "deprecatedIds", "guid", "deprecatedGuids", "name",
          "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
          "helpUri", "help", "relationships", "properties")),
      Map.entry("multiformatMessageString", Set.of("text", "markdown", "properties")),
      Map.entry("artifact", Set.of("description", "location", "parentIndex", "offset", "length", "roles",
          "mimeType", "contents", "encoding", "sourceLanguage", "hashes", "lastModifiedTimeUtc", "properties")),
      Map.entry("artifactLocation", Set.of("uri", "uriBaseId", "index", "description", "properties")),
      Map.entry("result", Set.of("ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget",
          "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
          "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
          "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest",
          "webResponse", "properties")),
      Map.entry("message", Set.of("text", "markdown", "id", "arguments", "properties")),
      Map.entry("location", Set.of("id", "physicalLocation", "logicalLocations", "message", "annotations",
          "relationships", "properties")),
      Map.entry("physicalLocation", Set.of("address", "artifactLocation", "region", "contextRegion", "properties")),
      Map.entry("region", Set.of("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
          "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties")),
      Map.entry("logicalLocation", Set.of("name", "index", "fullyQualifiedName", "decoratedName", "parentIndex",
          "kind", "properties")),
      Map.entry("suppression", Set.of("guid", "kind", "status", "justification", "location", "properties")));

  private SarifStructure() {}

  static void validate(JsonNode log) {
    check(log, "sarifLog", "$");
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(URI.create(log.get("$schema").asText()).isAbsolute()).isTrue();
    assertThat(log.get("runs").isArray()).isTrue();
    for (JsonNode run : log.get("runs")) {
      check(run, "run", "$.runs[]");
      assertThat(run.has("tool")).isTrue();
      JsonNode tool = run.get("tool");
      check(tool, "tool", "tool");
      JsonNode driver = tool.get("driver");
      check(driver, "toolComponent", "driver");
      assertThat(driver.get("name").isTextual()).isTrue();
      for (JsonNode rule : driver.get("rules")) {
        check(rule, "reportingDescriptor", "rule");
        assertThat(rule.get("id").isTextual()).isTrue();
        for (String m : new String[] {"shortDescription", "fullDescription", "help"}) {
          if (rule.has(m)) {
            check(rule.get(m), "multiformatMessageString", m);
            assertThat(rule.get(m).get("text").isTextual()).isTrue();
          }
        }
      }
      if (run.has("artifacts")) {
        for (JsonNode a : run.get("artifacts")) {
          check(a, "artifact", "artifact");
          artifactLocation(a.get("location"));
        }
      }
      for (JsonNode result : run.get("results")) {
        check(result, "result", "result");
        JsonNode message = result.get("message");
        check(message, "message", "result.message");
        assertThat(message.has("text") || message.has("id")).as("message needs text or id").isTrue();
        if (result.has("level")) {
          assertThat(result.get("level").asText()).isIn("none", "note", "warning", "error");
        }
        if (result.has("kind")) {
          assertThat(result.get("kind").asText()).isIn("notApplicable", "pass", "fail", "review", "open",
              "informational");
          if (!result.get("kind").asText().equals("fail") && result.has("level")) {
            assertThat(result.get("level").asText()).as("SARIF §3.27.9: a non-fail kind has level none")
                .isEqualTo("none");
          }
        }
        if (result.has("ruleIndex")) {
          assertThat(result.get("ruleIndex").asInt()).isBetween(0, driver.get("rules").size() - 1);
          assertThat(driver.get("rules").get(result.get("ruleIndex").asInt()).get("id").asText())
              .isEqualTo(result.get("ruleId").asText());
        }
        for (JsonNode location : result.get("locations")) {
          check(location, "location", "location");
          JsonNode physical = location.get("physicalLocation");
          check(physical, "physicalLocation", "physicalLocation");
          artifactLocation(physical.get("artifactLocation"));
          if (physical.has("region")) {
            check(physical.get("region"), "region", "region");
            assertThat(physical.get("region").get("startLine").asInt()).isGreaterThanOrEqualTo(1);
          }
          if (location.has("logicalLocations")) {
            for (JsonNode l : location.get("logicalLocations")) {
              check(l, "logicalLocation", "logicalLocation");
            }
          }
        }
        if (result.has("suppressions")) {
          assertThat(result.get("suppressions").isArray()).isTrue();
          for (JsonNode suppression : result.get("suppressions")) {
            check(suppression, "suppression", "result.suppressions[]");
            assertThat(suppression.path("kind").asText()).as("suppression.kind (required)").isIn("inSource", "external");
            if (suppression.has("status")) {
              assertThat(suppression.get("status").asText()).isIn("accepted", "underReview", "rejected");
            }
            if (suppression.has("justification")) {
              assertThat(suppression.get("justification").isTextual()).isTrue();
            }
          }
        }
        if (result.has("properties")) {
          assertThat(result.get("properties").isObject()).isTrue();
        }
      }
    }
  }

  private static void artifactLocation(JsonNode loc) {
    check(loc, "artifactLocation", "artifactLocation");
    URI.create(loc.get("uri").asText());
    if (loc.has("index")) {
      assertThat(loc.get("index").asInt()).isGreaterThanOrEqualTo(-1);
    }
  }

  private static void check(JsonNode node, String type, String where) {
    assertThat(node).as(where).isNotNull();
    assertThat(node.isObject()).as(where + " is an object").isTrue();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      assertThat(ALLOWED.get(type)).as("property %s of %s %s", n, type, where).contains(n);
    }
  }
}
