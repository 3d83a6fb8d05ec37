package dev.vpctrain.aws.bundle;

import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.internal.json.JsonInput;
import java.util.HashMap;
import java.util.Map;

/**
 * Rejects a key (a resource id, an attribute of a VPC, …) listed twice in one operation's output,
 * naming both JSON paths: the bundle would be ambiguous, and guessing which copy counts could turn a
 * FAIL into a READY.
 */
final class UniqueKeys {
  private final String what;
  private final Map<String, String> seen = new HashMap<>();

  /** {@code what} names one item in messages, for example "subnet" or "route table association of a subnet". */
  UniqueKeys(String what) {
    this.what = what;
  }

  /** Records {@code key} found at {@code at}; {@code display} names it in the message. */
  void add(JsonInput at, String key, String display) {
    String previous = seen.putIfAbsent(key, at.path());
    if (previous != null) {
      throw new InvalidInputException(at.file(), at.path(), "expected each " + what + " once but " + display
          + " is listed twice, at " + previous + " and at " + at.path()
          + " (the bundle is ambiguous: remove the copy that is wrong)");
    }
  }
}
