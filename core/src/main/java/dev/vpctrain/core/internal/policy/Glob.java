package dev.vpctrain.core.internal.policy;

import java.util.Arrays;

/**
 * A wildcard pattern of IAM: {@code *} matches any run of characters (also none), {@code ?} any one
 * character. Compiled once, matched by hand (no regular expressions). Besides matching one string it
 * answers for the set of all strings that start with a prefix: whether the pattern matches some of
 * them or every one.
 */
final class Glob {
  private static final byte LITERAL = 0;
  private static final byte STAR = 1;
  private static final byte ONE = 2;

  private final char[] chars;
  private final byte[] kinds;
  private final boolean ignoreCase;
  /** starTail[i]: the pattern from i on is one or more stars only. */
  private final boolean[] starTail;
  private final String source;
  /** The leading literal run, and whether the pattern is that run alone or that run and one final star. */
  private final String literalHead;
  private final Shape shape;

  private enum Shape { LITERAL, LITERAL_STAR, GENERAL }

  private Glob(char[] chars, byte[] kinds, boolean ignoreCase, String source) {
    this.chars = chars;
    this.kinds = kinds;
    this.ignoreCase = ignoreCase;
    this.source = source;
    int m = kinds.length;
    this.starTail = new boolean[m + 1];
    for (int i = m - 1; i >= 0; i--) {
      starTail[i] = kinds[i] == STAR && (i == m - 1 || starTail[i + 1]);
    }
    int head = 0;
    while (head < m && kinds[head] == LITERAL) {
      head++;
    }
    this.literalHead = new String(chars, 0, head);
    if (head == m) {
      this.shape = Shape.LITERAL;
    } else if (head == m - 1 && kinds[head] == STAR) {
      this.shape = Shape.LITERAL_STAR;
    } else {
      this.shape = Shape.GENERAL;
    }
  }

  private boolean startsWithHead(String s) {
    return s.regionMatches(ignoreCase, 0, literalHead, 0, literalHead.length());
  }

  /** True when {@code prefix} is a prefix of the literal head. */
  private boolean headStartsWith(String prefix) {
    return prefix.length() <= literalHead.length() && literalHead.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
  }

  /** {@code pattern} with {@code *} and {@code ?} as wildcards. */
  static Glob compile(String pattern, boolean ignoreCase) {
    return builder(ignoreCase).pattern(pattern).build();
  }

  static Builder builder(boolean ignoreCase) {
    return new Builder(ignoreCase);
  }

  /** True when every string matches (the pattern is stars only). */
  boolean matchesEverything() {
    return kinds.length > 0 && starTail[0];
  }

  /** True when the pattern has no wildcard. */
  boolean isLiteral() {
    for (byte k : kinds) {
      if (k != LITERAL) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} matches the whole pattern. */
  boolean matches(String s) {
    if (shape == Shape.LITERAL) {
      return s.length() == literalHead.length() && startsWithHead(s);
    }
    if (shape == Shape.LITERAL_STAR) {
      return startsWithHead(s);
    }
    int m = kinds.length;
    int n = s.length();
    int p = 0;
    int i = 0;
    int starP = -1;
    int starI = 0;
    while (i < n) {
      if (p < m && kinds[p] == STAR) {
        starP = p++;
        starI = i;
      } else if (p < m && (kinds[p] == ONE || same(chars[p], s.charAt(i)))) {
        p++;
        i++;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < m && kinds[p] == STAR) {
      p++;
    }
    return p == m;
  }

  /** True when some string that starts with {@code prefix} matches. */
  boolean matchesSome(String prefix) {
    if (shape == Shape.LITERAL) {
      return headStartsWith(prefix);
    }
    if (shape == Shape.LITERAL_STAR) {
      return startsWithHead(prefix) || headStartsWith(prefix);
    }
    boolean[] states = run(prefix);
    for (boolean s : states) {
      if (s) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when every string that starts with {@code prefix} matches. Sound, and exact unless the
   * answer needs two overlapping partial matches together (then it may say false).
   */
  boolean matchesAll(String prefix) {
    if (shape == Shape.LITERAL) {
      return false;
    }
    if (shape == Shape.LITERAL_STAR) {
      return startsWithHead(prefix);
    }
    boolean[] states = run(prefix);
    for (int i = 0; i < kinds.length; i++) {
      if (states[i] && starTail[i]) {
        return true;
      }
    }
    return false;
  }

  /** The pattern positions reachable after reading {@code s} (epsilon-closed over stars). */
  private boolean[] run(String s) {
    int m = kinds.length;
    boolean[] cur = new boolean[m + 1];
    boolean[] next = new boolean[m + 1];
    cur[0] = true;
    close(cur);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      Arrays.fill(next, false);
      boolean any = false;
      for (int p = 0; p < m; p++) {
        if (!cur[p]) {
          continue;
        }
        if (kinds[p] == STAR) {
          next[p] = true;
          any = true;
        } else if (kinds[p] == ONE || same(chars[p], c)) {
          next[p + 1] = true;
          any = true;
        }
      }
      if (!any) {
        return next;
      }
      close(next);
      boolean[] t = cur;
      cur = next;
      next = t;
    }
    return cur;
  }

  private void close(boolean[] states) {
    for (int p = 0; p < kinds.length; p++) {
      if (states[p] && kinds[p] == STAR) {
        states[p + 1] = true;
      }
    }
  }

  private boolean same(char patternChar, char c) {
    return patternChar == c || (ignoreCase && patternChar == Character.toLowerCase(c));
  }

  @Override
  public String toString() {
    return source;
  }

  /** Builds a pattern from wildcard text and literal text (substituted policy variables). */
  static final class Builder {
    private final boolean ignoreCase;
    private char[] chars = new char[16];
    private byte[] kinds = new byte[16];
    private int size;
    private final StringBuilder source = new StringBuilder();

    private Builder(boolean ignoreCase) {
      this.ignoreCase = ignoreCase;
    }

    /** Appends text in which {@code *} and {@code ?} are wildcards. */
    Builder pattern(String text) {
      source.append(text);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '*') {
          if (size > 0 && kinds[size - 1] == STAR) {
            continue; // ** is *
          }
          add('*', STAR);
        } else if (c == '?') {
          add('?', ONE);
        } else {
          add(fold(c), LITERAL);
        }
      }
      return this;
    }

    /** Appends text matched literally, wildcards included. */
    Builder literal(String text) {
      source.append(text);
      for (int i = 0; i < text.length(); i++) {
        add(fold(text.charAt(i)), LITERAL);
      }
      return this;
    }

    private char fold(char c) {
      return ignoreCase ? Character.toLowerCase(c) : c;
    }

    private void add(char c, byte kind) {
      if (size == chars.length) {
        chars = Arrays.copyOf(chars, size * 2);
        kinds = Arrays.copyOf(kinds, size * 2);
      }
      chars[size] = c;
      kinds[size] = kind;
      size++;
    }

    Glob build() {
      return new Glob(Arrays.copyOf(chars, size), Arrays.copyOf(kinds, size), ignoreCase, source.toString());
    }
  }
}
