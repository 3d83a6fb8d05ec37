package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value that may hold policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}},
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}). Variables are recognised only in
 * policies of version {@code 2012-10-17}; elsewhere the text is literal. A value without variables
 * is compiled once.
 */
final class Template {
  private final String raw;
  /** Literal text (String) and variables (Variable), in order; null when there are no variables. */
  private final List<Object> parts;
  private final Glob glob;

  private Template(String raw, List<Object> parts) {
    this.raw = raw;
    this.parts = parts;
    this.glob = parts == null ? Glob.compile(raw, false) : null;
  }

  static Template parse(String raw, boolean variables) {
    if (!variables || !raw.contains("${")) {
      return new Template(raw, null);
    }
    List<Object> parts = new ArrayList<>();
    int i = 0;
    StringBuilder lit = new StringBuilder();
    while (i < raw.length()) {
      int open = raw.indexOf("${", i);
      int close = open < 0 ? -1 : raw.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        lit.append(raw, i, raw.length());
        break;
      }
      lit.append(raw, i, open);
      String body = raw.substring(open + 2, close).trim();
      if (body.equals("*") || body.equals("?") || body.equals("$")) {
        if (lit.length() > 0) {
          parts.add(lit.toString());
          lit.setLength(0);
        }
        parts.add(new Escape(body));
      } else {
        if (lit.length() > 0) {
          parts.add(lit.toString());
          lit.setLength(0);
        }
        parts.add(Variable.parse(body));
      }
      i = close + 1;
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    return new Template(raw, parts);
  }

  /** The value as written in the policy. */
  String raw() {
    return raw;
  }

  boolean hasVariables() {
    return parts != null;
  }

  /** The variables' keys (as written). */
  List<String> variableKeys() {
    List<String> keys = new ArrayList<>();
    if (parts != null) {
      for (Object p : parts) {
        if (p instanceof Variable) {
          keys.add(((Variable) p).key);
        }
      }
    }
    return keys;
  }

  /** The wildcard pattern of a variable-free value. */
  Glob glob() {
    return glob;
  }

  /**
   * Substitutes the variables (for {@code asPattern}, also the case-sensitive wildcard pattern, in
   * which substituted text is literal). The status is UNKNOWN, naming the key, when a variable's
   * value cannot be known, and FALSE when a variable without default is absent (the value then
   * matches nothing).
   */
  Resolved resolve(KeyLookup context, boolean asPattern) {
    if (parts == null) {
      return new Resolved(raw, asPattern ? glob : null, Tri.YES, null);
    }
    StringBuilder text = new StringBuilder();
    Glob.Builder g = asPattern ? Glob.builder(false) : null;
    for (Object p : parts) {
      if (p instanceof String) {
        text.append((String) p);
        if (g != null) {
          g.pattern((String) p);
        }
      } else if (p instanceof Escape) {
        text.append(((Escape) p).ch);
        if (g != null) {
          g.literal(((Escape) p).ch);
        }
      } else {
        Variable v = (Variable) p;
        ContextValue cv = context.valueOf(v.lowerKey);
        String value;
        if (cv.isUnknown()) {
          return new Resolved(null, null, Tri.UNKNOWN, v.key);
        } else if (cv.isPresent() && !cv.values().isEmpty()) {
          value = cv.values().get(0);
        } else if (v.defaultValue != null) {
          value = v.defaultValue;
        } else {
          return new Resolved(null, null, Tri.NO, v.key);
        }
        text.append(value);
        if (g != null) {
          g.literal(value);
        }
      }
    }
    return new Resolved(text.toString(), g == null ? null : g.build(), Tri.YES, null);
  }

  @Override
  public String toString() {
    return raw;
  }

  /** A substituted value: {@code status} TRUE with text (and pattern), FALSE when a variable is absent, UNKNOWN with the key. */
  static final class Resolved {
    final String text;
    final Glob glob;
    final Tri status;
    final String key;

    Resolved(String text, Glob glob, Tri status, String key) {
      this.text = text;
      this.glob = glob;
      this.status = status;
      this.key = key;
    }
  }

  private static final class Escape {
    final String ch;

    Escape(String ch) {
      this.ch = ch;
    }
  }

  private static final class Variable {
    final String key;
    final String lowerKey;
    final String defaultValue;

    private Variable(String key, String defaultValue) {
      this.key = key;
      this.lowerKey = key.toLowerCase(Locale.ROOT);
      this.defaultValue = defaultValue;
    }

    static Variable parse(String body) {
      int comma = body.indexOf(',');
      if (comma < 0) {
        return new Variable(body, null);
      }
      String key = body.substring(0, comma).trim();
      String def = body.substring(comma + 1).trim();
      if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
        def = def.substring(1, def.length() - 1);
      }
      return new Variable(key, def);
    }
  }
}
