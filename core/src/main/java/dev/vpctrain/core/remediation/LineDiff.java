package dev.vpctrain.core.remediation;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff ({@code -} removed, {@code +} added, two spaces unchanged), by longest common subsequence. */
public final class LineDiff {
  private LineDiff() {}

  /**
   * {@return the diff of {@code before} and {@code after}, line by line}
   *
   * @param before the old text, lines separated by {@code \n}
   * @param after the new text, lines separated by {@code \n}
   */
  public static String diff(String before, String after) {
    String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
    String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add("  " + a[i]);
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add("- " + a[i++]);
      } else {
        out.add("+ " + b[j++]);
      }
    }
    while (i < a.length) {
      out.add("- " + a[i++]);
    }
    while (j < b.length) {
      out.add("+ " + b[j++]);
    }
    return String.join("\n", out);
  }
}
