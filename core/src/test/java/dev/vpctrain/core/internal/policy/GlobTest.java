package dev.vpctrain.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      abc       | abc      | true
      abc       | abd      | false
      a*c       | ac       | true
      a*c       | abbbc    | true
      a*c       | abbbd    | false
      a?c       | abc      | true
      a?c       | ac       | false
      *         | ''       | true
      *         | anything | true
      **a**     | xxaxx    | true
      *a*b*c    | xaxbxcxc | true
      a*b*c     | a-b-d    | false
      ''        | ''       | true
      ''        | a        | false
      """)
  void matchesWholeStrings(String pattern, String s, boolean expected) {
    String p = pattern == null ? "" : pattern;
    String v = s == null ? "" : s;
    assertThat(Glob.compile(p, false).matches(v)).isEqualTo(expected);
  }

  @Test
  void ignoresCaseWhenAsked() {
    assertThat(Glob.compile("S3:Get*", true).matches("s3:getobject")).isTrue();
    assertThat(Glob.compile("S3:Get*", false).matches("s3:getobject")).isFalse();
    assertThat(Glob.compile("arn:aws:s3:::B/*", false).matches("arn:aws:s3:::b/x")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      b/data/*        | b/data/      | true  | true
      b/*             | b/data/      | true  | true
      b/data/*.jpg    | b/data/      | true  | false
      b/test/*        | b/data/      | false | false
      b/data/x/*      | b/data/      | true  | false
      b/data/?*       | b/data/      | true  | false
      b/d?ta/*        | b/data/      | true  | true
      *               | b/data/      | true  | true
      b/data          | b/data/      | false | false
      b/dat           | b/data/      | false | false
      b/data/         | b/data/      | true  | false
      *.jpg           | b/data/      | true  | false
      b*/data/*       | b/data/      | true  | true
      """)
  void reasonsAboutEveryStringWithAPrefix(String pattern, String prefix, boolean some, boolean all) {
    Glob g = Glob.compile(pattern, false);
    assertThat(g.matchesSome(prefix)).as("some").isEqualTo(some);
    assertThat(g.matchesAll(prefix)).as("all").isEqualTo(all);
  }

  /** matchesAll is sound and matchesSome complete, checked against sampled strings. */
  @Test
  void prefixAnswersAgreeWithSampledStrings() {
    Random r = new Random(7);
    String alphabet = "ab/";
    for (int i = 0; i < 3000; i++) {
      String pattern = randomPattern(r);
      String prefix = randomString(r, alphabet, 3);
      Glob g = Glob.compile(pattern, false);
      boolean all = g.matchesAll(prefix);
      boolean some = g.matchesSome(prefix);
      boolean sawMatch = false;
      for (int k = 0; k < 40; k++) {
        String s = prefix + randomString(r, alphabet, 5);
        boolean m = g.matches(s);
        sawMatch |= m;
        if (all) {
          assertThat(m).as("%s all of %s* but not %s", pattern, prefix, s).isTrue();
        }
        if (!some) {
          assertThat(m).as("%s none of %s* but %s", pattern, prefix, s).isFalse();
        }
      }
      if (sawMatch) {
        assertThat(some).as("%s some of %s*", pattern, prefix).isTrue();
      }
    }
  }

  private static String randomPattern(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.append("ab/*?".charAt(r.nextInt(5)));
    }
    return b.toString();
  }

  private static String randomString(Random r, String alphabet, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
