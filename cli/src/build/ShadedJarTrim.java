import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the CLI (run by cli/pom.xml after the shade plugin, in Java's source-file mode):
 * removes from the shaded jar the AWS SDK service classes the CLI can never reach, and fails the
 * build when the jar is still larger than the limit.
 *
 * <p>Only classes of a service's {@code model}, {@code transform}, {@code paginators} and
 * {@code waiters} packages are candidates; every other class is kept. A candidate is kept when it is
 * reachable (constant-pool references, descriptors and generic signatures, class names in strings)
 * from a kept class, except that the references of a service client class ({@code …Client},
 * {@code Default…Client}) into the per-operation classes ({@code <Op>Request}, {@code <Op>Response},
 * {@code <Op>RequestMarshaller}, {@code <Op>Iterable}/{@code Publisher}, waiters) are followed only for
 * the operations some kept class outside the clients invokes ({@code ec2.describeSubnets(…)},
 * {@code describeSubnetsPaginator(…)}). The request classes of the other operations stay as bare
 * class files with their supertypes (the bytecode verifier of the client class loads them: each
 * operation passes its request as an {@code SdkRequest}) but nothing they refer to is kept for them:
 * calling such an operation would fail, and no code in the jar calls one. A bare class that another
 * kept class refers to is followed like any other.
 *
 * <p>Usage: {@code java ShadedJarTrim.java JAR MAX_BYTES REPORT}. Writes the list of invoked
 * operations and what was dropped to REPORT.
 */
public final class ShadedJarTrim {
  private static final Pattern CANDIDATE =
      Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/(?:(model|transform|paginators|waiters)/)?(.+)");
  private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/[A-Za-z0-9]+Client(\\$.*)?");
  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$0-9/]+)[;<]");
  private static final Pattern DOTTED = Pattern.compile("software\\.amazon\\.awssdk\\.services\\.[a-z0-9]+\\.[A-Za-z0-9_.$]+");
  /** Per-operation classes of a service, by package: group 1 is the operation name. */
  private static final Pattern OPERATION_CLASS = Pattern.compile(
      "(?:model/([A-Z][A-Za-z0-9]*?)(?:Request|Response)|transform/([A-Z][A-Za-z0-9]*?)RequestMarshaller"
          + "|paginators/([A-Z][A-Za-z0-9]*?)(?:Iterable|Publisher))(\\$.*)?");

  /** What one class file refers to. */
  record Refs(Set<String> classes, Set<String> supertypes, Set<String[]> methods) {}

  private ShadedJarTrim() {}

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    long max = Long.parseLong(args[1]);
    Path report = Path.of(args[2]);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Map<String, ZipEntry> meta = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().forEach(e -> {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
          meta.put(e.getName(), e);
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
      });
    }
    Set<String> classes = new HashSet<>();
    for (String name : entries.keySet()) {
      if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
        classes.add(name.substring(0, name.length() - ".class".length()));
      }
    }
    // classes named in resources (service loader files, interceptor lists) are roots
    Set<String> named = new HashSet<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!e.getKey().endsWith(".class") && !e.getKey().endsWith("/")) {
        Matcher m = DOTTED.matcher(new String(e.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1));
        while (m.find()) {
          named.add(m.group().replace('.', '/'));
        }
      }
    }
    Map<String, Refs> refs = new HashMap<>();
    java.util.function.Function<String, Refs> refsOf =
        c -> refs.computeIfAbsent(c, k -> parse(entries.get(k + ".class")));

    Map<String, Set<String>> invoked = new TreeMap<>();
    Set<String> kept = new HashSet<>();
    Set<String> verifierOnly = new HashSet<>();
    boolean grew = true;
    while (grew) {
      kept.clear();
      verifierOnly.clear();
      Deque<String> work = new ArrayDeque<>();
      for (String c : classes) {
        if (!CANDIDATE.matcher(c).matches() || named.contains(c)) {
          kept.add(c);
          work.add(c);
        }
      }
      while (!work.isEmpty()) {
        String c = work.poll();
        Refs r = refsOf.apply(c);
        Matcher client = CLIENT.matcher(c);
        boolean isClient = client.matches();
        for (String ref : r.classes()) {
          // a class kept only for the verifier is followed once something else refers to it
          if (!classes.contains(ref) || kept.contains(ref) && !verifierOnly.contains(ref)) {
            continue;
          }
          if (isClient && !followFromClient(client.group(1), ref, invoked)) {
            Matcher m = CANDIDATE.matcher(ref);
            if (!kept.contains(ref) && m.matches() && "model".equals(m.group(2)) && m.group(3).endsWith("Request")) {
              keepWithSupertypes(ref, classes, refsOf, kept, verifierOnly);
            }
            continue;
          }
          kept.add(ref);
          verifierOnly.remove(ref);
          work.add(ref);
        }
      }
      grew = false;
      for (String c : kept) {
        if (CLIENT.matcher(c).matches() || verifierOnly.contains(c)) {
          continue;
        }
        for (String[] m : refsOf.apply(c).methods()) {
          Matcher owner = CLIENT.matcher(m[0]);
          if (owner.matches()) {
            String op = operation(m[1]);
            grew |= invoked.computeIfAbsent(owner.group(1), k -> new TreeSet<>()).add(op);
          }
        }
      }
    }

    Map<String, Integer> droppedPerService = new TreeMap<>();
    Path out = jar.resolveSibling(jar.getFileName() + ".trim");
    try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        String name = e.getKey();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          String c = name.substring(0, name.length() - ".class".length());
          if (!kept.contains(c)) {
            Matcher m = CANDIDATE.matcher(c);
            droppedPerService.merge(m.matches() ? m.group(1) : "?", 1, Integer::sum);
            continue;
          }
        }
        ZipEntry source = meta.get(name);
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(source.getTime());
        zos.putNextEntry(copy);
        zos.write(e.getValue());
        zos.closeEntry();
      }
    }
    Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
    long size = Files.size(jar);
    List<String> lines = new ArrayList<>();
    lines.add("# " + jar.getFileName() + ": " + size + " bytes after trimming (limit " + max + ")");
    lines.add("# classes dropped per service: " + droppedPerService);
    lines.add("# classes kept only for the verifier: " + verifierOnly.size());
    invoked.forEach((svc, ops) -> ops.forEach(op -> lines.add(svc + " " + op)));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.write(report, lines);
    System.out.printf("ShadedJarTrim: %s is %,d bytes (%d SDK classes dropped, limit %,d)%n", jar.getFileName(), size,
        droppedPerService.values().stream().mapToInt(Integer::intValue).sum(), max);
    if (size > max) {
      System.err.printf("ShadedJarTrim: %s is %,d bytes, over the limit of %,d bytes%n", jar, size, max);
      System.exit(1);
    }
  }

  /**
   * Whether a reference of a client class of {@code service} to {@code ref} is followed: per-operation
   * classes only for invoked operations, waiters never, anything else (exceptions, enums) always.
   */
  static boolean followFromClient(String service, String ref, Map<String, Set<String>> invoked) {
    Matcher m = CANDIDATE.matcher(ref);
    if (!m.matches()) {
      return true;
    }
    if (!m.group(1).equals(service)) {
      return true;
    }
    if (m.group(2) == null) {
      return true;
    }
    if (m.group(2).equals("waiters")) {
      return false;
    }
    Matcher op = OPERATION_CLASS.matcher(m.group(2) + "/" + m.group(3));
    if (!op.matches()) {
      return true;
    }
    String name = op.group(1) != null ? op.group(1) : op.group(2) != null ? op.group(2) : op.group(3);
    return invoked.getOrDefault(service, Set.of()).contains(name);
  }

  private static void keepWithSupertypes(String c, Set<String> classes, java.util.function.Function<String, Refs> refsOf,
      Set<String> kept, Set<String> verifierOnly) {
    if (!classes.contains(c) || kept.contains(c)) {
      return;
    }
    kept.add(c);
    verifierOnly.add(c);
    for (String s : refsOf.apply(c).supertypes()) {
      keepWithSupertypes(s, classes, refsOf, kept, verifierOnly);
    }
  }

  /** {@code describeSubnetsPaginator} is operation DescribeSubnets. */
  static String operation(String method) {
    String m = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
    return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
  }

  /** The classes, supertypes and invoked methods of a class file (its constant pool and header). */
  static Refs parse(byte[] bytes) {
    Set<String> classes = new HashSet<>();
    Set<String> supertypes = new HashSet<>();
    Set<String[]> methods = new HashSet<>();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      in.readInt();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      Object[] pool = new Object[count];
      int[][] links = new int[count][];
      byte[] tags = new byte[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = (byte) tag;
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> links[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 -> links[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> links[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
          default -> throw new IllegalStateException("constant pool tag " + tag);
        }
      }
      for (int i = 1; i < count; i++) {
        if (tags[i] == 7) {
          String name = (String) pool[links[i][0]];
          if (name.startsWith("[")) {
            addDescriptorClasses(name, classes);
          } else {
            classes.add(name);
          }
        } else if (tags[i] == 1) {
          String s = (String) pool[i];
          addDescriptorClasses(s, classes);
          Matcher dotted = DOTTED.matcher(s);
          while (dotted.find()) {
            classes.add(dotted.group().replace('.', '/'));
          }
        } else if (tags[i] == 10 || tags[i] == 11) {
          String owner = (String) pool[links[links[i][0]][0]];
          String method = (String) pool[links[links[i][1]][0]];
          methods.add(new String[] {owner, method});
        }
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int superIndex = in.readUnsignedShort();
      if (superIndex != 0) {
        supertypes.add((String) pool[links[superIndex][0]]);
      }
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        supertypes.add((String) pool[links[in.readUnsignedShort()][0]]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    classes.addAll(supertypes);
    return new Refs(classes, supertypes, methods);
  }

  private static void addDescriptorClasses(String s, Set<String> classes) {
    if (s.indexOf('L') < 0) {
      return;
    }
    Matcher m = DESCRIPTOR_CLASS.matcher(s);
    while (m.find()) {
      classes.add(m.group(1));
    }
  }
}
