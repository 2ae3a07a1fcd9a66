package isola.isolate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The module files of every isolate of the JVM, read once: a file is read and decoded again only when
 * its modification time or size changed. Each entry also keeps what the module file system made of
 * the text (a CommonJS facade, the import.meta completion), so a second isolate importing a package
 * of hundreds of files pays one stat per file, and GraalJS finds the same text in the engine's source
 * cache.
 *
 * <p>Thread-safe: isolates on any thread share it.
 */
final class ModuleTexts {
  /** One file's text (UTF-8) and what was served of it. */
  record Entry(FileTime modified, long size, String text, Map<String, byte[]> served) {
    /**
     * What {@code serve} makes of the text, kept under {@code variant} (a name for how the text is
     * served) until the file changes.
     */
    byte[] served(String variant, Function<String, byte[]> serve) {
      return served.computeIfAbsent(variant, v -> serve.apply(text));
    }
  }

  private static final Map<Path, Entry> FILES = new ConcurrentHashMap<>();

  private ModuleTexts() {}

  /** The text of regular file {@code file}, as UTF-8. */
  static String text(Path file) throws IOException {
    return entry(file).text();
  }

  /** The current entry of regular file {@code file}: read again when it changed. */
  static Entry entry(Path file) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new NoSuchFileException(file.toString());
    }
    if (!attrs.isRegularFile()) throw new NoSuchFileException(file.toString());
    Entry entry = FILES.get(file);
    if (entry != null && entry.modified().equals(attrs.lastModifiedTime()) && entry.size() == attrs.size()) {
      return entry;
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    entry = new Entry(attrs.lastModifiedTime(), attrs.size(), text, new ConcurrentHashMap<>());
    FILES.put(file, entry);
    return entry;
  }
}
