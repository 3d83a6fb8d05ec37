package dev.vpctrain.testkit.internal.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Slices a result list into pages with opaque tokens, as AWS list and describe calls do. */
public final class Pages {
  private Pages() {}

  /** One page and the token of the next (null on the last page). */
  public static final class Page<T> {
    private final List<T> items;
    private final String nextToken;

    Page(List<T> items, String nextToken) {
      this.items = items;
      this.nextToken = nextToken;
    }

    public List<T> items() {
      return items;
    }

    public String nextToken() {
      return nextToken;
    }
  }

  /**
   * The page of {@code all} that {@code token} points at, at most {@code maxResults} long (all of
   * it when null). {@code errors} supplies the service's own error for a bad token.
   */
  public static <T> Page<T> slice(List<T> all, Integer maxResults, String token, String scope,
      java.util.function.Function<String, AwsError> badToken) {
    int from = token == null || token.isEmpty() ? 0 : decode(token, scope, badToken);
    if (from > all.size()) {
      throw badToken.apply(token);
    }
    int size = maxResults == null ? all.size() : maxResults;
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? encode(to, scope) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  /** The token of position {@code offset} in a listing identified by {@code scope}. */
  public static String encode(int offset, String scope) {
    String raw = scope + "#" + offset;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, String scope, java.util.function.Function<String, AwsError> badToken) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int hash = raw.lastIndexOf('#');
      if (hash < 0 || !raw.substring(0, hash).equals(scope)) {
        throw badToken.apply(token);
      }
      return Integer.parseInt(raw.substring(hash + 1));
    } catch (IllegalArgumentException e) {
      throw badToken.apply(token);
    }
  }
}
