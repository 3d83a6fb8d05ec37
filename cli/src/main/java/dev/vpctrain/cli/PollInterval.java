package dev.vpctrain.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --poll-interval}: {@code 5s}, {@code 500ms}, {@code 1m}. */
final class PollInterval implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new TypeConversionException("expected a positive duration such as 5s, 500ms or 1m but was '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      default:
        return Duration.ofMinutes(n);
    }
  }
}
