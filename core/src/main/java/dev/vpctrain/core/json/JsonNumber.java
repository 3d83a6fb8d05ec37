package dev.vpctrain.core.json;

import java.math.BigDecimal;

/** A JSON number, kept as its literal text (no precision is lost). */
public final class JsonNumber extends JsonNode {
  private final String text;

  JsonNumber(Origin origin, int line, int column, String text) {
    super(origin, line, column);
    this.text = text;
  }

  @Override
  public JsonKind kind() {
    return JsonKind.NUMBER;
  }

  /** The literal as written, for example {@code -1.5e3}. */
  public String text() {
    return text;
  }

  /** The exact value; throws {@link JsonParseException} here when the exponent is beyond {@link BigDecimal}'s range. */
  public BigDecimal bigDecimalValue() {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      throw error("number " + text + " is out of range");
    }
    return d;
  }

  private BigDecimal decimalOrNull() {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True when the value is a whole number (1, 1.0, 1e2). */
  public boolean isIntegral() {
    BigDecimal d = bigDecimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** The value as an {@code int}; throws {@link JsonParseException} here when it is not a whole number in range. */
  public int intValueExact() {
    try {
      return bigDecimalValue().intValueExact();
    } catch (ArithmeticException e) {
      throw error("expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + " but found " + text);
    }
  }

  /** The value as a {@code long}; throws {@link JsonParseException} here when it is not a whole number in range. */
  public long longValueExact() {
    try {
      return bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      throw error("expected a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + " but found " + text);
    }
  }

  public double doubleValue() {
    return Double.parseDouble(text);
  }

  @Override
  String describe() {
    return "a number (" + text + ")";
  }

  @Override
  void writeTo(StringBuilder b) {
    b.append(text);
  }

  /** Numbers are equal when their values are ({@code 1.0} equals {@code 1}). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JsonNumber)) {
      return false;
    }
    BigDecimal a = decimalOrNull();
    BigDecimal b = ((JsonNumber) o).decimalOrNull();
    return (a != null && b != null) ? a.compareTo(b) == 0 : ((JsonNumber) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      return text.hashCode();
    }
    return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
  }
}
