package isola.isolate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The items of one Web Storage area ({@code localStorage} of one origin, or one isolate's
 * {@code sessionStorage}) with Deno's quota: 10 MiB of keys and values, counted in UTF-8 bytes (Deno
 * counts SQLite pages, a little more).
 *
 * <p>A local area is kept on disk as JSON and shared by every isolate of the JVM with that origin, as
 * Deno's SQLite file is shared by every process: its methods are synchronized, the only state isola
 * shares between isolates outside messages. Changes are written when the isolate's turn ends
 * ({@link #persist}), atomically (a new file renamed over the old), so a turn's changes are all on disk
 * or none; a crash during a turn loses that turn's changes.
 */
final class OriginStorage {
  static final long QUOTA_BYTES = 10L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, OriginStorage> LOCAL = new ConcurrentHashMap<>();

  private final Path file;
  private final LinkedHashMap<String, String> items = new LinkedHashMap<>();
  private long bytes;
  private boolean dirty;

  private OriginStorage(Path file) {
    this.file = file;
  }

  /** This JVM's store for the local storage kept in {@code file}, read from it on first use. */
  static OriginStorage local(Path file) {
    return LOCAL.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
      OriginStorage storage = new OriginStorage(f);
      storage.load();
      return storage;
    });
  }

  /** A store that lives as long as its isolate (sessionStorage). */
  static OriginStorage session() {
    return new OriginStorage(null);
  }

  private void load() {
    try {
      Map<String, String> saved = JSON.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, String>>() {});
      for (Map.Entry<String, String> e : saved.entrySet()) put(e.getKey(), e.getValue());
    } catch (NoSuchFileException e) {
      // Nothing stored for this origin yet.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read localStorage from " + file, e);
    }
  }

  synchronized int length() {
    return items.size();
  }

  /** The n-th key in insertion order, or null. */
  synchronized String key(long index) {
    if (index < 0 || index >= items.size()) return null;
    long i = 0;
    for (String k : items.keySet()) {
      if (i++ == index) return k;
    }
    return null;
  }

  synchronized String get(String key) {
    return items.get(key);
  }

  /** False, changing nothing, when the item would take the area past its quota. */
  synchronized boolean set(String key, String value) {
    // Deno checks the item alone, then what is stored before it: the set that crosses 10 MiB passes,
    // every set after it fails.
    if (size(key) + size(value) >= QUOTA_BYTES || bytes >= QUOTA_BYTES) return false;
    if (value.equals(items.get(key))) return true;
    put(key, value);
    return true;
  }

  synchronized void remove(String key) {
    String old = items.remove(key);
    if (old != null) {
      bytes -= size(key) + size(old);
      dirty = true;
    }
  }

  synchronized void clear() {
    if (items.isEmpty()) return;
    items.clear();
    bytes = 0;
    dirty = true;
  }

  synchronized List<String> keys() {
    return new ArrayList<>(items.keySet());
  }

  /** Writes the area to disk if it changed since the last write (a no-op for sessionStorage). */
  synchronized void persist() {
    if (!dirty || file == null) return;
    try {
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.writeString(next, JSON.writeValueAsString(items), StandardCharsets.UTF_8);
      try {
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
      }
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write localStorage to " + file, e);
    }
  }

  private void put(String key, String value) {
    String old = items.put(key, value);
    bytes += size(key) + size(value) - (old == null ? 0 : size(key) + size(old));
    dirty = true;
  }

  private static long size(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
}
