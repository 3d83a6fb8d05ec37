package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of IPv4 addresses held as sorted, disjoint, merged intervals: what a security
 * group or ACL admits, or where a peer may be. Built from {@link Cidr} blocks; kept by hand (not an
 * Immutables value) because the evaluators loop over its primitive bounds.
 */
public final class Ipv4RangeSet {
  /** No address. */
  public static final Ipv4RangeSet EMPTY = new Ipv4RangeSet(new long[0]);
  /** Every address ({@code 0.0.0.0/0}). */
  public static final Ipv4RangeSet ALL = of(List.of(Cidr.IPV4_ANY));
  /** Every public unicast address: everything but {@link Cidr#NON_PUBLIC_IPV4}. */
  public static final Ipv4RangeSet PUBLIC = ALL.minus(of(Cidr.NON_PUBLIC_IPV4));

  /** start0, end0, start1, end1, … (inclusive, unsigned 32-bit values). */
  private final long[] bounds;

  private Ipv4RangeSet(long[] bounds) {
    this.bounds = bounds;
  }

  /** The union of the IPv4 {@code blocks}; throws {@link IllegalArgumentException} on an IPv6 block. */
  public static Ipv4RangeSet of(Collection<Cidr> blocks) {
    long[] pairs = new long[2 * blocks.size()];
    int i = 0;
    for (Cidr c : blocks) {
      pairs[i++] = first(c);
      pairs[i++] = last(c);
    }
    return normalize(pairs);
  }

  /** The first address of {@code c} as an unsigned 32-bit value. */
  public static long first(Cidr c) {
    if (!c.isIpv4()) {
      throw new IllegalArgumentException("expected an IPv4 block but was " + c);
    }
    return Integer.toUnsignedLong(c.ipv4Network());
  }

  /** The last address of {@code c} as an unsigned 32-bit value. */
  public static long last(Cidr c) {
    return first(c) + c.size() - 1;
  }

  /** The union of IPv4 CIDR texts; throws {@link IllegalArgumentException} on a malformed one. */
  public static Ipv4RangeSet parse(Collection<String> cidrs) {
    List<Cidr> blocks = new ArrayList<>();
    cidrs.forEach(c -> blocks.add(Cidr.parseIpv4(c)));
    return of(blocks);
  }

  /**
   * The union of the intervals {@code pairs[2i]} to {@code pairs[2i + 1]}. Intervals of 32-bit
   * addresses are sorted as single packed keys (start, then end; the union does not depend on
   * the order of intervals with equal starts), others through {@link #normalize(long[][])}.
   */
  private static Ipv4RangeSet normalize(long[] pairs) {
    int count = pairs.length / 2;
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      long s = pairs[2 * i];
      long e = pairs[2 * i + 1];
      if (((s | e) >>> 32) != 0) {
        long[][] iv = new long[count][];
        for (int j = 0; j < count; j++) {
          iv[j] = new long[] {pairs[2 * j], pairs[2 * j + 1]};
        }
        return normalize(iv);
      }
      // flipping the sign bit makes signed order the unsigned order of (start, end)
      keys[i] = ((s << 32) | e) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    long[] out = new long[count * 2];
    int n = 0;
    for (long key : keys) {
      long k = key ^ Long.MIN_VALUE;
      long s = k >>> 32;
      long e = k & 0xFFFFFFFFL;
      if (n > 0 && s <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], e);
      } else {
        out[n++] = s;
        out[n++] = e;
      }
    }
    return new Ipv4RangeSet(n == out.length ? out : Arrays.copyOf(out, n));
  }

  private static Ipv4RangeSet normalize(long[][] iv) {
    Arrays.sort(iv, (a, b) -> Long.compare(a[0], b[0]));
    long[] out = new long[iv.length * 2];
    int n = 0;
    for (long[] r : iv) {
      if (n > 0 && r[0] <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], r[1]);
      } else {
        out[n++] = r[0];
        out[n++] = r[1];
      }
    }
    return new Ipv4RangeSet(Arrays.copyOf(out, n));
  }

  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** The number of disjoint intervals. */
  public int intervalCount() {
    return bounds.length / 2;
  }

  /** The first address of interval {@code i}. */
  public long start(int i) {
    return bounds[2 * i];
  }

  /** The last address of interval {@code i}. */
  public long end(int i) {
    return bounds[2 * i + 1];
  }

  public Ipv4RangeSet union(Ipv4RangeSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long[] pairs = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
    System.arraycopy(other.bounds, 0, pairs, bounds.length, other.bounds.length);
    return normalize(pairs);
  }

  /** The union of {@code sets}, merged once. */
  public static Ipv4RangeSet unionAll(List<Ipv4RangeSet> sets) {
    int n = 0;
    Ipv4RangeSet only = EMPTY;
    for (Ipv4RangeSet s : sets) {
      if (!s.isEmpty()) {
        n += s.intervalCount();
        only = s;
      }
    }
    if (n == only.intervalCount()) {
      return only;
    }
    long[] pairs = new long[2 * n];
    int k = 0;
    for (Ipv4RangeSet s : sets) {
      System.arraycopy(s.bounds, 0, pairs, k, s.bounds.length);
      k += s.bounds.length;
    }
    return normalize(pairs);
  }

  /** The addresses of this set that are not in {@code other}. */
  public Ipv4RangeSet minus(Ipv4RangeSet other) {
    List<long[]> out = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < intervalCount(); i++) {
      long s = start(i);
      long e = end(i);
      while (j < other.intervalCount() && other.end(j) < s) {
        j++;
      }
      int k = j;
      while (s <= e && k < other.intervalCount() && other.start(k) <= e) {
        if (other.start(k) > s) {
          out.add(new long[] {s, other.start(k) - 1});
        }
        s = Math.max(s, other.end(k) + 1);
        k++;
      }
      if (s <= e) {
        out.add(new long[] {s, e});
      }
    }
    return normalize(out.toArray(new long[0][]));
  }

  /** True when every address of {@code other} is in this set. */
  public boolean containsAll(Ipv4RangeSet other) {
    return other.minus(this).isEmpty();
  }

  /** True when the sets share an address. */
  public boolean intersects(Ipv4RangeSet other) {
    int i = 0;
    int j = 0;
    while (i < intervalCount() && j < other.intervalCount()) {
      if (end(i) < other.start(j)) {
        i++;
      } else if (other.end(j) < start(i)) {
        j++;
      } else {
        return true;
      }
    }
    return false;
  }

  /** True when {@code address} (unsigned 32-bit) is in this set. */
  public boolean contains(long address) {
    int lo = 0;
    int hi = intervalCount() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (end(mid) < address) {
        lo = mid + 1;
      } else if (start(mid) > address) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv4RangeSet && Arrays.equals(((Ipv4RangeSet) o).bounds, bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < intervalCount(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(Cidr.formatIpv4((int) start(i))).append('-').append(Cidr.formatIpv4((int) end(i)));
    }
    return sb.append(']').toString();
  }
}
