package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.internal.policy.ConditionOperator.Base;
import dev.vpctrain.core.internal.policy.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One test of a Condition block: an operator, a context key and the policy's values (OR-ed). Values
 * are compiled when the policy is parsed (numbers, dates, CIDRs, wildcard patterns).
 */
public final class Condition {
  final ConditionOperator operator;
  final String key;
  private final String lowerKey;
  private final List<Template> templates;
  private final Object[] compiled;

  Condition(ConditionOperator operator, String key, List<Template> templates, Object[] compiled) {
    this.operator = operator;
    this.key = key;
    this.lowerKey = key.toLowerCase(Locale.ROOT);
    this.templates = templates;
    this.compiled = compiled;
  }

  /** The operator as written, for example {@code StringNotEqualsIfExists}. */
  public String operator() {
    return operator.name;
  }

  /** True for operators that hold when no value matches ({@code StringNotEquals}, {@code NotIpAddress}, …). */
  public boolean isNegated() {
    return operator.base.negated;
  }

  /** The context key as written, for example {@code aws:SourceVpce}. */
  public String key() {
    return key;
  }

  /** The policy's values as written. */
  public List<String> values() {
    List<String> out = new ArrayList<>(templates.size());
    templates.forEach(t -> out.add(t.raw()));
    return out;
  }

  /**
   * Evaluates the condition. When the result is UNKNOWN and {@code unknownKeys} is not null, the key
   * (or the policy variable) that made it so is added.
   */
  Tri evaluate(KeyLookup context, List<String> unknownKeys) {
    ContextValue cv = context.valueOf(lowerKey);
    if (cv.isUnknown()) {
      return unknown(unknownKeys, key);
    }
    boolean absent = !cv.isPresent() || cv.values().isEmpty();
    Base base = operator.base;
    if (base == Base.NULL) {
      boolean result = false;
      for (Object v : compiled) {
        result |= ((Boolean) v) == absent;
      }
      return Tri.of(result);
    }
    if (absent) {
      if (operator.ifExists || operator.qualifier == SetQualifier.FOR_ALL_VALUES) {
        return Tri.YES;
      }
      if (operator.qualifier == SetQualifier.FOR_ANY_VALUE) {
        return Tri.NO;
      }
      return Tri.of(base.negated);
    }
    boolean any = operator.qualifier == SetQualifier.FOR_ANY_VALUE
        || (operator.qualifier == SetQualifier.NONE && !base.negated);
    Tri result = any ? Tri.NO : Tri.YES;
    for (String value : cv.values()) {
      Tri one = matchesAnyPolicyValue(value, context, unknownKeys);
      if (base.negated) {
        one = one.not();
      }
      result = any ? result.or(one) : result.and(one);
      if ((any && result == Tri.YES) || (!any && result == Tri.NO)) {
        return result;
      }
    }
    return result;
  }

  private static Tri unknown(List<String> unknownKeys, String key) {
    if (unknownKeys != null && !unknownKeys.contains(key)) {
      unknownKeys.add(key);
    }
    return Tri.UNKNOWN;
  }

  /** True when the context value matches one of the policy's values (before negation). */
  private Tri matchesAnyPolicyValue(String value, KeyLookup context, List<String> unknownKeys) {
    Tri result = Tri.NO;
    switch (operator.base.family) {
      case STRING:
      case ARN:
        for (int i = 0; i < templates.size(); i++) {
          Tri one = matchText(value, i, context, unknownKeys);
          result = result.or(one);
          if (result == Tri.YES) {
            return result;
          }
        }
        return result;
      case NUMERIC: {
        BigDecimal n = parseNumber(value);
        if (n == null) {
          return Tri.NO;
        }
        for (Object v : compiled) {
          if (compareMatches(n.compareTo((BigDecimal) v))) {
            return Tri.YES;
          }
        }
        return Tri.NO;
      }
      case DATE: {
        Instant t = Dates.parse(value);
        if (t == null) {
          return Tri.NO;
        }
        for (Object v : compiled) {
          if (compareMatches(t.compareTo((Instant) v))) {
            return Tri.YES;
          }
        }
        return Tri.NO;
      }
      case BOOL:
        for (Template t : templates) {
          if (t.raw().equalsIgnoreCase(value)) {
            return Tri.YES;
          }
        }
        return Tri.NO;
      case BINARY:
        for (Template t : templates) {
          if (t.raw().equals(value)) {
            return Tri.YES;
          }
        }
        return Tri.NO;
      case IP: {
        Optional<Cidr> address = IpRange.parseAddress(value.trim());
        if (address.isEmpty()) {
          return Tri.NO;
        }
        for (Object v : compiled) {
          if (((Cidr) v).covers(address.get())) {
            return Tri.YES;
          }
        }
        return Tri.NO;
      }
      default:
        throw new AssertionError(operator.base);
    }
  }

  private Tri matchText(String value, int i, KeyLookup context, List<String> unknownKeys) {
    Template t = templates.get(i);
    Base base = operator.base;
    boolean like = base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE || base.family == ConditionOperator.Family.ARN;
    if (!t.hasVariables()) {
      switch (base) {
        case STRING_EQUALS:
        case STRING_NOT_EQUALS:
          return Tri.of(value.equals(t.raw()));
        case STRING_EQUALS_IGNORE_CASE:
        case STRING_NOT_EQUALS_IGNORE_CASE:
          return Tri.of(value.equalsIgnoreCase(t.raw()));
        case STRING_LIKE:
        case STRING_NOT_LIKE:
          return Tri.of(t.glob().matches(value));
        default:
          return Tri.of(((ArnPattern) compiled[i]).matches(value));
      }
    }
    Template.Resolved r = t.resolve(context, like);
    if (r.status == Tri.UNKNOWN) {
      return unknown(unknownKeys, r.key);
    }
    if (r.status == Tri.NO) {
      return Tri.NO;
    }
    switch (base) {
      case STRING_EQUALS:
      case STRING_NOT_EQUALS:
        return Tri.of(value.equals(r.text));
      case STRING_EQUALS_IGNORE_CASE:
      case STRING_NOT_EQUALS_IGNORE_CASE:
        return Tri.of(value.equalsIgnoreCase(r.text));
      default:
        return Tri.of(r.glob.matches(value));
    }
  }

  private boolean compareMatches(int cmp) {
    switch (operator.base) {
      case NUMERIC_EQUALS:
      case NUMERIC_NOT_EQUALS:
      case DATE_EQUALS:
      case DATE_NOT_EQUALS:
        return cmp == 0;
      case NUMERIC_LESS_THAN:
      case DATE_LESS_THAN:
        return cmp < 0;
      case NUMERIC_LESS_THAN_EQUALS:
      case DATE_LESS_THAN_EQUALS:
        return cmp <= 0;
      case NUMERIC_GREATER_THAN:
      case DATE_GREATER_THAN:
        return cmp > 0;
      case NUMERIC_GREATER_THAN_EQUALS:
      case DATE_GREATER_THAN_EQUALS:
        return cmp >= 0;
      default:
        throw new AssertionError(operator.base);
    }
  }

  static BigDecimal parseNumber(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return operator + " " + key + " " + templates;
  }

  /**
   * An ARN pattern matched part by part: each of the six colon-separated parts on its own, so that a
   * wildcard never spans a colon. A pattern of fewer parts matches nothing, except {@code *} alone,
   * which matches every value.
   */
  static final class ArnPattern {
    private final Glob[] parts;
    private final Glob whole;

    private ArnPattern(Glob[] parts, Glob whole) {
      this.parts = parts;
      this.whole = whole;
    }

    static ArnPattern compile(String pattern) {
      String[] split = splitArn(pattern);
      if (split == null) {
        return new ArnPattern(null, pattern.equals("*") ? Glob.compile("*", false) : null);
      }
      Glob[] globs = new Glob[6];
      for (int i = 0; i < 6; i++) {
        globs[i] = Glob.compile(split[i], false);
      }
      return new ArnPattern(globs, null);
    }

    boolean matches(String arn) {
      if (parts == null) {
        return whole != null && whole.matches(arn);
      }
      String[] split = splitArn(arn);
      if (split == null) {
        return false;
      }
      for (int i = 0; i < 6; i++) {
        if (!parts[i].matches(split[i])) {
          return false;
        }
      }
      return true;
    }

    /** The six parts {@code arn:partition:service:region:account:resource}, or null. */
    static String[] splitArn(String arn) {
      String[] out = new String[6];
      int from = 0;
      for (int i = 0; i < 5; i++) {
        int colon = arn.indexOf(':', from);
        if (colon < 0) {
          return null;
        }
        out[i] = arn.substring(from, colon);
        from = colon + 1;
      }
      out[5] = arn.substring(from);
      return out;
    }
  }
}
