package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.network.Cidr;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The registry part of a Docker image reference, classified: ECR, an IPv4 address, a private name or a public name. */
public final class RegistryHost {
  private static final Pattern ECR = Pattern.compile("(\\d{12})\\.dkr\\.ecr(-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
  private static final String[] PRIVATE_SUFFIXES = {".internal", ".local", ".lan", ".corp", ".intranet", ".home.arpa", ".private", ".localdomain"};

  private final String host;
  private final int port;

  private RegistryHost(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Parses the registry of {@code image}; Docker Hub ({@code registry-1.docker.io}) when the reference names none. */
  public static RegistryHost of(String image) {
    String ref = image.trim();
    int slash = ref.indexOf('/');
    String first = slash < 0 ? "" : ref.substring(0, slash);
    boolean isHost = slash >= 0 && namesHost(first);
    if (!isHost) {
      return new RegistryHost("registry-1.docker.io", 443);
    }
    int colon = first.lastIndexOf(':');
    if (colon > 0) {
      try {
        return new RegistryHost(first.substring(0, colon).toLowerCase(Locale.ROOT), Integer.parseInt(first.substring(colon + 1)));
      } catch (NumberFormatException e) {
        return new RegistryHost(first.toLowerCase(Locale.ROOT), 443);
      }
    }
    return new RegistryHost(first.toLowerCase(Locale.ROOT), 443);
  }

  private static boolean namesHost(String first) {
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  public String host() {
    return host;
  }

  /** The registry port ({@code 443} unless the reference names one). */
  public int port() {
    return port;
  }

  /** True for an Amazon ECR private registry host. */
  public boolean isEcr() {
    return ECR.matcher(host).matches();
  }

  /** The ECR registry's region. */
  public Optional<String> ecrRegion() {
    Matcher m = ECR.matcher(host);
    return m.matches() ? Optional.of(m.group(3)) : Optional.empty();
  }

  /** The ECR registry's account (the registry id). */
  public Optional<String> ecrAccount() {
    Matcher m = ECR.matcher(host);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The repository of {@code image}: the path after the registry host, without {@code :tag} or
   * {@code @digest}; empty when the reference names no registry host or no path.
   */
  public static Optional<String> repository(String image) {
    String ref = image.trim();
    int slash = ref.indexOf('/');
    if (slash < 0 || !namesHost(ref.substring(0, slash))) {
      return Optional.empty();
    }
    String path = ref.substring(slash + 1);
    int at = path.indexOf('@');
    if (at >= 0) {
      path = path.substring(0, at);
    }
    int colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/')) {
      path = path.substring(0, colon);
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  /** True when the host is a dotted-quad IPv4 address. */
  public boolean isAddress() {
    return Cidr.isIpv4Address(host);
  }

  /** True for names that resolve only privately: single labels, {@code localhost}, {@code .internal}, {@code .local}, … */
  public boolean isPrivateName() {
    if (isAddress()) {
      return false;
    }
    if (!host.contains(".") || host.equals("localhost")) {
      return true;
    }
    for (String s : PRIVATE_SUFFIXES) {
      if (host.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return port == 443 ? host : host + ":" + port;
  }
}
