package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * No usable AWS credentials: none found, a profile that does not exist, or credentials AWS rejects as
 * expired or unknown. An {@link AwsCallException} of operation {@code credentials} whose message is one
 * line saying what is missing and how to set it; exit code 69. Classified by the exception's type and
 * AWS's error code, never by the SDK's message.
 */
final class CredentialsFailure extends AwsCallException {
  private static final long serialVersionUID = 1L;

  /** The error code of credentials that could not be resolved (as {@link AwsCallException}'s). */
  static final String NO_CREDENTIALS = "NoCredentials";

  /** AWS error codes of expired credentials (an SSO session or assumed role past its end). */
  static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired",
      "RequestExpired");

  /** AWS error codes of credentials AWS does not know or whose signature does not match. */
  static final Set<String> REJECTED = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
      "InvalidAccessKeyId", "InvalidToken", "AuthFailure", "SignatureDoesNotMatch", "InvalidSignatureException");

  private static final String CHOOSE = "or choose another profile with --profile or AWS_PROFILE.";

  private CredentialsFailure(String message, Throwable cause) {
    this(message, NO_CREDENTIALS, 0, cause);
  }

  private CredentialsFailure(String message, String errorCode, int statusCode, Throwable cause) {
    super(message, "credentials", errorCode, statusCode, cause == null ? null : cause.getMessage(), cause);
  }

  /**
   * The failure of resolving credentials ({@code cause}: the SDK's provider chain or the profile's
   * provider found none), said for the profile in use.
   *
   * @param flag the {@code --profile} given
   */
  static CredentialsFailure unresolved(Optional<String> flag, RuntimeException cause) {
    Optional<Chosen> chosen = Chosen.of(flag);
    if (chosen.isEmpty()) {
      return new CredentialsFailure("no AWS credentials found: pass --profile NAME or set AWS_PROFILE (after "
          + "'aws sso login' for an SSO profile), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", cause);
    }
    Chosen c = chosen.get();
    Optional<CredentialsFailure> missing = profileNotFound(c, cause);
    if (missing.isPresent()) {
      return missing.get();
    }
    Optional<Profile> profile = profile(c.name);
    if (profile.isPresent() && (profile.get().property(ProfileProperty.SSO_START_URL).isPresent()
        || profile.get().property("sso_session").isPresent())) {
      return new CredentialsFailure("AWS profile '" + c.name + "' " + c.how + " signs in through IAM Identity "
          + "Center (SSO) and has no valid session: run 'aws sso login --profile " + c.name + "', " + CHOOSE, cause);
    }
    return new CredentialsFailure("AWS profile '" + c.name + "' " + c.how + " has no credentials: run "
        + "'aws sso login --profile " + c.name + "' (SSO) or 'aws configure --profile " + c.name + "', " + CHOOSE,
        cause);
  }

  /**
   * When {@code --profile} or {@code AWS_PROFILE} names a profile that is in neither AWS file, the
   * failure saying so.
   */
  static Optional<CredentialsFailure> profileNotFound(Optional<String> flag) {
    return Chosen.of(flag).flatMap(c -> profileNotFound(c, null));
  }

  private static Optional<CredentialsFailure> profileNotFound(Chosen c, Throwable cause) {
    if (profile(c.name).isPresent()) {
      return Optional.empty();
    }
    Path config = ProfileFileLocation.configurationFilePath();
    if (hasSection(config, c.name) && !"default".equals(c.name)) { // the SDK ignores it there
      return Optional.of(new CredentialsFailure("AWS profile '" + c.name + "' " + c.how + " is written [" + c.name
          + "] in " + file(config) + ", where it must be [profile " + c.name + "]: rename the section, " + CHOOSE,
          cause));
    }
    return Optional.of(new CredentialsFailure("AWS profile '" + c.name + "' " + c.how + " is not in "
        + file(ProfileFileLocation.configurationFilePath()) + " or "
        + file(ProfileFileLocation.credentialsFilePath()) + ": create it with 'aws configure --profile " + c.name
        + "', " + CHOOSE, cause));
  }

  /**
   * The credentials failure in {@code t} or its causes (a {@code CredentialsFailure}, or an AWS error
   * whose code says the credentials expired or are not known), else {@code t} itself.
   *
   * @param t what a command threw
   * @param flag the {@code --profile} given, for the message
   * @return the failure to report
   */
  static Throwable orElse(Throwable t, Optional<String> flag) {
    Optional<CredentialsFailure> failure = in(t, flag);
    return failure.isPresent() ? failure.get() : t;
  }

  /**
   * The credentials failure {@code t} is or holds, if any.
   *
   * @param t what a command threw
   * @param flag the {@code --profile} given
   * @return the failure, or empty
   */
  static Optional<CredentialsFailure> in(Throwable t, Optional<String> flag) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CredentialsFailure) {
        return Optional.of((CredentialsFailure) c);
      }
      // by name first: an offline error (an invalid file) must not load the SDK's exception classes
      if (c.getClass().getName().startsWith("software.amazon.awssdk.") && c instanceof AwsServiceException) {
        return rejected((AwsServiceException) c, flag);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The failure when AWS refused {@code e} for its credentials (expired or unknown), else empty. */
  static Optional<CredentialsFailure> rejected(AwsServiceException e, Optional<String> flag) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null ? null : details.errorCode();
    if (code == null) {
      return Optional.empty();
    }
    Optional<Chosen> chosen = Chosen.of(flag);
    String whose = chosen.map(c -> " of profile '" + c.name + "'").orElse("");
    String login = "'aws sso login" + chosen.map(c -> " --profile " + c.name).orElse("") + "'";
    if (EXPIRED.contains(code)) {
      String what = "RequestExpired".equals(code)
          ? "AWS refused the request as expired (" + code + "): the AWS credentials" + whose
              + " have expired, or this computer's clock is wrong"
          : "the AWS credentials" + whose + " have expired (" + code + ")";
      return Optional.of(new CredentialsFailure(what + ": run " + login + " or renew them, " + CHOOSE, code,
          e.statusCode(), e));
    }
    if (REJECTED.contains(code)) {
      return Optional.of(new CredentialsFailure("AWS does not accept the credentials" + whose + " (" + code + "): "
          + "check the access key in use, run " + login + " for an SSO profile, " + CHOOSE, code, e.statusCode(), e));
    }
    return Optional.empty();
  }

  /**
   * When an AWS config or credentials file cannot be parsed, the failure naming it and the parser's
   * reason (the SDK would throw it from the first client built, as if vpctrain had a bug).
   */
  static Optional<CredentialsFailure> unreadableProfileFiles() {
    for (Map.Entry<Path, ProfileFile.Type> f : List.of(
        Map.entry(ProfileFileLocation.configurationFilePath(), ProfileFile.Type.CONFIGURATION),
        Map.entry(ProfileFileLocation.credentialsFilePath(), ProfileFile.Type.CREDENTIALS))) {
      if (!Files.isRegularFile(f.getKey())) {
        continue;
      }
      try {
        ProfileFile.builder().content(f.getKey()).type(f.getValue()).build();
      } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
        return Optional.of(new CredentialsFailure("cannot read the AWS " + (f.getValue() == ProfileFile.Type.CREDENTIALS
            ? "credentials" : "config") + " file " + file(f.getKey()) + ": " + e.getMessage()
            + " Fix the file, or point " + (f.getValue() == ProfileFile.Type.CREDENTIALS
            ? "AWS_SHARED_CREDENTIALS_FILE" : "AWS_CONFIG_FILE") + " at another one.", e));
      }
    }
    return Optional.empty();
  }

  /** True when {@code file} has a section header {@code [name]} (a profile the SDK ignores in the config file). */
  private static boolean hasSection(Path file, String name) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.map(String::strip).anyMatch(l -> l.equals("[" + name + "]"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Optional<Profile> profile(String name) {
    try {
      return ProfileFile.defaultProfileFile().profile(name);
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // a file that cannot be read or parsed has no profile vpctrain can use
    }
  }

  private static String file(Path p) {
    Path home = Path.of(System.getProperty("user.home"));
    return p.startsWith(home) ? "~/" + home.relativize(p) : p.toString();
  }

  /** The profile in use and what chose it: {@code --profile}, else {@code AWS_PROFILE}. */
  private static final class Chosen {
    final String name;
    final String how;

    private Chosen(String name, String how) {
      this.name = name;
      this.how = how;
    }

    static Optional<Chosen> of(Optional<String> flag) {
      if (flag.isPresent()) {
        return Optional.of(new Chosen(flag.get(), "(from --profile)"));
      }
      ProfileFileSystemSetting setting = ProfileFileSystemSetting.AWS_PROFILE;
      Optional<String> fromProperty = Optional.ofNullable(System.getProperty(setting.property()));
      return fromProperty.map(p -> new Chosen(p, "(from " + setting.property() + ")"))
          .or(() -> Optional.ofNullable(System.getenv(setting.environmentVariable()))
              .map(p -> new Chosen(p, "(from " + setting.environmentVariable() + ")")));
    }
  }
}
