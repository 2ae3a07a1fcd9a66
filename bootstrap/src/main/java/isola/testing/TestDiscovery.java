package isola.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files {@code isola test} runs, by Deno's rules: files named explicitly, and in directories
 * (recursively) those named {@code *_test.*}, {@code *.test.*} or {@code test.*} with a JS extension;
 * hidden directories and node_modules are skipped.
 */
public final class TestDiscovery {
  private static final Pattern TEST_FILE =
      Pattern.compile("^(?:.*[._]test|test)\\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx)$");

  private TestDiscovery() {}

  /** Thrown for a path that does not exist, with Deno's message. */
  public static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  public static List<Path> find(List<String> paths, Path cwd) {
    List<Path> files = new ArrayList<>();
    for (String given : paths.isEmpty() ? List.of(".") : paths) {
      Path p = cwd.resolve(given).normalize();
      if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.isDirectory(p)) {
        files.addAll(inDirectory(p));
      } else {
        throw new NotFound("error: Import '" + p.toUri().toString().replaceAll("/$", "") + "' failed, not found.");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(files));
  }

  private static List<Path> inDirectory(Path dir) {
    TreeSet<Path> found = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !skipped(dir.relativize(p)))
          .filter(p -> TEST_FILE.matcher(p.getFileName().toString()).matches())
          .forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(found);
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("node_modules") || (name.startsWith(".") && name.length() > 1)) return true;
    }
    return false;
  }
}
