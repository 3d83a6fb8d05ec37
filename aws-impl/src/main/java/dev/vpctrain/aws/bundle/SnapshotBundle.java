package dev.vpctrain.aws.bundle;

import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.internal.json.InputFiles;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the snapshot bundle: one JSON document holding EC2 and S3 read
 * API outputs exactly as the AWS CLI v2 prints them, and optionally network interfaces with the
 * filters they were captured with, EFS and FSx outputs. An operation missing from the bundle stays
 * unknown (an empty {@code Optional}), never empty, and so is one named in {@code errors} even when
 * the bundle holds output for it; {@code GetBucketPolicy: null} means "no policy"; enum-like strings
 * are case-insensitive; members vpctrain does not use are ignored. Every value a rule uses is checked
 * on reading (CIDRs, addresses, ports, protocols, ACL rule numbers, id shapes, an id listed twice),
 * so that a rule never meets a value it cannot use.
 */
public final class SnapshotBundle {
  /** The bundle format version written and understood. */
  public static final int VERSION = 1;

  private SnapshotBundle() {}

  /**
   * Reads a bundle file.
   *
   * @param file the file
   * @return the network snapshot the bundle holds
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.nio.file.FileSystemException naming the file when it is a directory or cannot be read
   * @throws InvalidInputException naming the file and JSON path when the content is malformed
   */
  public static NetworkSnapshot read(Path file) throws IOException {
    return parse(InputFiles.read(file), file.toString());
  }

  /**
   * Reads the JSON text of a bundle; {@code source} names it in errors.
   *
   * @param json the JSON text
   * @param source the file name or other source named in errors
   * @return the network snapshot the text holds
   */
  public static NetworkSnapshot parse(String json, String source) {
    JsonInput root;
    try {
      root = JsonInput.parse(json, source);
    } catch (InvalidInputException e) {
      if (e.jsonPath().isEmpty() && String.valueOf(e.getMessage()).contains("Duplicate field")) {
        throw DuplicateMembers.find(json, source).orElse(e);
      }
      throw e;
    }
    try {
      return new BundleReader(root).read();
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      // a model invariant (for example a blank id) that the member checks did not catch
      throw new InvalidInputException(source, "", "expected a consistent snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * {@return the bundle JSON of {@code snapshot}, pretty-printed as the AWS CLI prints it}
   *
   * @param snapshot the network snapshot
   */
  public static String write(NetworkSnapshot snapshot) {
    return JsonOutput.pretty(BundleWriter.write(snapshot));
  }

  /**
   * Writes the bundle of {@code snapshot} to {@code file}.
   *
   * @param snapshot the network snapshot
   * @param file the file
   * @throws IOException when it fails
   */
  public static void write(NetworkSnapshot snapshot, Path file) throws IOException {
    Files.writeString(file, write(snapshot), StandardCharsets.UTF_8);
  }
}
