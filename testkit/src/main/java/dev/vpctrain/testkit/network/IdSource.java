package dev.vpctrain.testkit.network;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic identifiers for one fake world: resource ids that look like EC2's
 * ({@code vpce-} and 17 hex digits) and request ids that look like AWS's (UUIDs). The same test
 * gets the same ids on every run.
 */
public final class IdSource {
  private final AtomicLong resources = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  /**
   * {@return a new resource id such as {@code vpce-0f3a9c21d7e4b5a60}}
   *
   * @param prefix the prefix
   */
  public String next(String prefix) {
    long n = mix(0x5EED_0000L + resources.incrementAndGet());
    String hex = Long.toHexString(n);
    return prefix + "-0" + "0000000000000000".substring(hex.length()) + hex;
  }

  /** {@return a new request id in UUID form} */
  public String nextRequestId() {
    long n = requests.incrementAndGet();
    return new UUID((mix(n) & 0xFFFF_FFFF_FFFF_0FFFL) | 0x4000L, (mix(~n) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
        .toString();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
