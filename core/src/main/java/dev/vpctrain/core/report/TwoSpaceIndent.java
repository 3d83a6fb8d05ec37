package dev.vpctrain.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The layout of vpctrain's JSON documents: one member or element per line, indented two spaces per
 * level, {@code "name": value}, empty objects and arrays as {@code {}} and {@code []}. One instance
 * per generator (it counts the depth).
 */
final class TwoSpaceIndent implements PrettyPrinter {
  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {
    // one document per writer: nothing separates root values
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    newline(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    depth--;
    if (entries > 0) {
      newline(g);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    newline(g);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    depth--;
    if (values > 0) {
      newline(g);
    }
    g.writeRaw(']');
  }

  private void newline(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < depth; i++) {
      g.writeRaw("  ");
    }
  }
}
