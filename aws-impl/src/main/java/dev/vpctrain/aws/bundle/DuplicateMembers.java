package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vpctrain.core.InvalidInputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an object member given twice (two buckets {@code s3.acme-ml-data}, two {@code ec2.DescribeSubnets})
 * and names its JSON path and both lines: the strict parser only says "Duplicate field" with one
 * position.
 */
final class DuplicateMembers {
  private DuplicateMembers() {}

  private static final class Frame {
    final boolean object;
    final String path;
    final Map<String, Integer> lines = new HashMap<>();
    String member;
    int index;

    Frame(boolean object, String path) {
      this.object = object;
      this.path = path;
    }

    String childPath() {
      if (object) {
        return path.isEmpty() ? member : path + "." + member;
      }
      return path + "[" + index + "]";
    }
  }

  /** The error for the first member given twice in {@code text}, if there is one. */
  static Optional<InvalidInputException> find(String text, String file) {
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser p = new JsonFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT:
          case START_ARRAY:
            stack.push(new Frame(t == JsonToken.START_OBJECT, stack.isEmpty() ? "" : stack.peek().childPath()));
            break;
          case END_OBJECT:
          case END_ARRAY:
            stack.pop();
            next(stack);
            break;
          case FIELD_NAME: {
            Frame f = stack.peek();
            f.member = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            Integer first = f.lines.putIfAbsent(f.member, line);
            if (first != null) {
              String where = f.path.isEmpty() ? "the document" : f.path;
              return Optional.of(new InvalidInputException(file, f.childPath(), "expected each member of " + where
                  + " once but \"" + f.member + "\" is given twice, at line " + first + " and at line " + line
                  + " (the bundle is ambiguous: remove the copy that is wrong)"));
            }
            break;
          }
          default:
            next(stack);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not JSON: the strict parser's message stands
    }
    return Optional.empty();
  }

  private static void next(Deque<Frame> stack) {
    if (!stack.isEmpty() && !stack.peek().object) {
      stack.peek().index++;
    }
  }
}
