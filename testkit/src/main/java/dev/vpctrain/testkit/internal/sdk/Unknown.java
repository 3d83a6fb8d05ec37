package dev.vpctrain.testkit.internal.sdk;

import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.util.Optional;

/**
 * The answer of a fake call for a part of the world it does not know (its snapshot did not capture
 * it): the capture error recorded for the call, else an access-denied error naming the call.
 * Internal to the testkit.
 */
public final class Unknown {
  private Unknown() {}

  /**
   * The error for {@code section} (for {@code resource}, or for the whole call when null).
   *
   * @param deniedCode the service's code for a call the caller may not make ({@code AccessDeniedException}…)
   */
  public static AwsError error(NetworkSnapshot n, Section section, String resource, String deniedCode) {
    Optional<CaptureError> e = resource == null ? n.errorFor(section) : n.errorFor(section, resource);
    if (e.isPresent()) {
      String code = e.get().code();
      boolean denied = code.contains("Unauthorized") || code.contains("AccessDenied");
      return new AwsError(code, e.get().message(), denied ? 403 : 400);
    }
    return new AwsError(deniedCode, "User is not authorized to perform: " + section.operation() + " (the fake world does "
        + "not know it: the snapshot it was loaded from did not capture it" + (resource == null ? "" : " for " + resource)
        + ")", 403);
  }
}
