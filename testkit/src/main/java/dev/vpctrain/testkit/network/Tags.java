package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Tag;
import java.util.ArrayList;
import java.util.List;

/** A mutable, ordered tag list where a key appears once. */
final class Tags {
  private final List<Tag> tags = new ArrayList<>();

  Tags(List<Tag> initial) {
    tags.addAll(initial);
  }

  void put(String key, String value) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).key().equals(key)) {
        tags.set(i, Tag.of(key, value));
        return;
      }
    }
    tags.add(Tag.of(key, value));
  }

  List<Tag> list() {
    return List.copyOf(tags);
  }
}
