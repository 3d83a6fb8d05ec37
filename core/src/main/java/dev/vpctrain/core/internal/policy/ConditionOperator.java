package dev.vpctrain.core.internal.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * A condition operator as written: a base operator, optionally {@code …IfExists}, optionally
 * qualified {@code ForAnyValue:} or {@code ForAllValues:}. Names are matched case-insensitively.
 */
final class ConditionOperator {
  /** The base operators. */
  enum Base {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    final String apiName;
    final Family family;
    /** A negated operator is true when no policy value matches. */
    final boolean negated;

    Base(String apiName, Family family, boolean negated) {
      this.apiName = apiName;
      this.family = family;
      this.negated = negated;
    }

    static Optional<Base> named(String name) {
      for (Base b : values()) {
        if (b.apiName.equalsIgnoreCase(name)) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    }
  }

  /** Operator families: how values are compared. */
  enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

  /** How a multivalued context key is quantified. */
  enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

  final String name;
  final Base base;
  final boolean ifExists;
  final SetQualifier qualifier;

  private ConditionOperator(String name, Base base, boolean ifExists, SetQualifier qualifier) {
    this.name = name;
    this.base = base;
    this.ifExists = ifExists;
    this.qualifier = qualifier;
  }

  /**
   * Parses an operator name; the error text (no location) when it is not one.
   *
   * @return the operator, or null with {@code error[0]} set
   */
  static ConditionOperator parse(String name, String[] error) {
    String rest = name;
    SetQualifier q = SetQualifier.NONE;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("foranyvalue:")) {
      q = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring("ForAnyValue:".length());
    } else if (lower.startsWith("forallvalues:")) {
      q = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring("ForAllValues:".length());
    }
    boolean ifExists = false;
    Optional<Base> base = Base.named(rest);
    if (base.isEmpty() && rest.toLowerCase(Locale.ROOT).endsWith("ifexists")) {
      ifExists = true;
      base = Base.named(rest.substring(0, rest.length() - "IfExists".length()));
    }
    if (base.isEmpty()) {
      error[0] = "unknown condition operator \"" + name + "\" (expected for example StringEquals, StringLike, "
          + "ArnLike, IpAddress, NumericLessThan, DateGreaterThan, Bool, Null, with an optional IfExists suffix "
          + "and ForAnyValue: or ForAllValues: prefix)";
      return null;
    }
    if (base.get() == Base.NULL && (ifExists || q != SetQualifier.NONE)) {
      error[0] = "condition operator \"" + name + "\" is not valid: Null takes neither IfExists nor ForAnyValue:/ForAllValues:";
      return null;
    }
    return new ConditionOperator(name, base.get(), ifExists, q);
  }

  @Override
  public String toString() {
    return name;
  }
}
