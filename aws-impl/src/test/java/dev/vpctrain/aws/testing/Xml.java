package dev.vpctrain.aws.testing;

import java.util.Optional;
import java.util.function.BiConsumer;

/** A tiny XML writer for wire fixtures: elements, escaped text, and EC2's {@code <fooSet><item>} lists. */
public final class Xml {
  private final StringBuilder sb = new StringBuilder();

  public Xml open(String tag) {
    sb.append('<').append(tag).append('>');
    return this;
  }

  public Xml open(String tag, String xmlns) {
    sb.append('<').append(tag).append(" xmlns=\"").append(xmlns).append("\">");
    return this;
  }

  public Xml close(String tag) {
    sb.append("</").append(tag).append('>');
    return this;
  }

  /** {@code <tag>value</tag>}; nothing for a null or empty Optional value. */
  public Xml el(String tag, Object value) {
    if (value instanceof Optional) {
      value = ((Optional<?>) value).orElse(null);
    }
    if (value == null) {
      return this;
    }
    sb.append('<').append(tag).append('>').append(escape(String.valueOf(value))).append("</").append(tag).append('>');
    return this;
  }

  /** {@code <tag><item>…</item>…</tag>}, each item written by {@code item}. */
  public <T> Xml set(String tag, Iterable<T> items, BiConsumer<Xml, T> item) {
    open(tag);
    for (T t : items) {
      open("item");
      item.accept(this, t);
      close("item");
    }
    return close(tag);
  }

  /** {@code <tag><item>value</item>…</tag>} for plain string lists such as {@code cidrSet}. */
  public Xml values(String tag, Iterable<String> items) {
    open(tag);
    for (String s : items) {
      el("item", s);
    }
    return close(tag);
  }

  public Xml raw(String xml) {
    sb.append(xml);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
