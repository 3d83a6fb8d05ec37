package dev.vpctrain.aws.audit;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint parts of an account list ({@code --shard I/N}, {@code I} from 1): an account belongs
 * to the part its id's CRC-32 modulo {@code count} names. The split depends on the id alone, so copies that list the
 * organisation at different moments still cover every account exactly once.
 *
 * @param index the part, from 1 to {@code count}
 * @param count the number of parts, at least 1
 */
public record Shard(int index, int count) {
  /**
   * Checks the bounds.
   *
   * @param index the part, from 1 to {@code count}
   * @param count the number of parts, at least 1
   */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, not " + index + "/" + count);
    }
  }

  /**
   * {@return the shard {@code text} says, for example {@code 3/16}}
   *
   * @param text {@code I/N}
   * @throws IllegalArgumentException when it is not {@code I/N} with {@code 1 <= I <= N}
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, for example 3/16, not '" + text + "'");
  }

  /**
   * {@return true when {@code accountId} belongs to this shard}
   *
   * @param accountId the account id
   */
  public boolean includes(String accountId) {
    CRC32 crc = new CRC32();
    crc.update(accountId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
