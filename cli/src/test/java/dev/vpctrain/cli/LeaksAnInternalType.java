package dev.vpctrain.cli;

import dev.vpctrain.cli.internal.Hidden;
import java.util.List;

/** A public class that offers an internal type, for {@code ApiSurfaceTest} to show that its rule catches it. */
public final class LeaksAnInternalType {
  /** Leaks {@link Hidden} as a return type. */
  public Hidden hidden() {
    return new Hidden();
  }

  /** Leaks {@link Hidden} as a type argument of a parameter. */
  public void take(List<Hidden> hidden) {
    hidden.clear();
  }

  /** Not offered: package-private members may use anything. */
  Hidden notOffered() {
    return new Hidden();
  }
}
