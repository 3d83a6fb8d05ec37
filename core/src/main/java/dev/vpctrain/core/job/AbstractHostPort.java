package dev.vpctrain.core.job;

import org.immutables.value.Value;

/**
 * An internet destination the training code needs, such as {@code pypi.org:443}
 * ({@link TrainingJobSpec#requiredInternet()}). Built with {@code HostPort.of(host, port)} or
 * {@link #parse}.
 */
@Value.Immutable
abstract class AbstractHostPort {
  /** {@return the host name, for example {@code pypi.org}; never blank} */
  @Value.Parameter
  public abstract String host();

  /** {@return the TCP port, 1 to 65535} */
  @Value.Parameter
  public abstract int port();

  /**
   * Parses {@code host:port}, splitting at the last colon.
   *
   * @param text the destination as written on the command line, for example {@code pypi.org:443}
   * @return the destination
   * @throws IllegalArgumentException when there is no host, no port, or the port is not a number from 1 to 65535
   */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port but was '" + text + "'");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port with a numeric port but was '" + text + "'");
    }
    return HostPort.of(text.substring(0, colon), port);
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException when the host is blank or the port is not 1 to 65535
   */
  @Value.Check
  protected void check() {
    if (host().isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port() < 1 || port() > 65535) {
      throw new IllegalArgumentException("port must be 1-65535 but was " + port());
    }
  }

  @Override
  public String toString() {
    return host() + ":" + port();
  }
}
