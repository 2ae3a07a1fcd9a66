package isola.ops.permissions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One allowed or denied thing of a permission kind, and which requests it covers. */
sealed interface Entry {
  boolean covers(Entry other);

  /** The entry as a flag states it; {@link #parse} of it gives this entry back. */
  String text();

  /** A file system path; it covers itself and everything below it, by whole path components. */
  record PathEntry(Path path) implements Entry {
    @Override
    public boolean covers(Entry other) {
      return other instanceof PathEntry p && p.path.startsWith(path);
    }

    @Override
    public String text() {
      return path.toString();
    }
  }

  /** {@code host} or {@code host:port}; no port covers every port. */
  record HostEntry(String host, Integer port) implements Entry {
    @Override
    public boolean covers(Entry other) {
      return other instanceof HostEntry h && h.host.equals(host) && (port == null || port.equals(h.port));
    }

    @Override
    public String text() {
      return port == null ? host : host + ":" + port;
    }

    static HostEntry parse(String text) {
      String host = text;
      Integer port = null;
      if (text.startsWith("[")) {
        int end = text.indexOf(']');
        host = text.substring(0, end + 1);
        if (end + 1 < text.length() && text.charAt(end + 1) == ':') port = port(text.substring(end + 2));
      } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
        int colon = text.indexOf(':');
        host = text.substring(0, colon);
        port = port(text.substring(colon + 1));
      } else if (text.indexOf(':') >= 0) {
        host = "[" + text + "]"; // a bare IPv6 address
      }
      return new HostEntry(host.toLowerCase(Locale.ROOT), port);
    }

    private static Integer port(String s) {
      try {
        return Integer.valueOf(s);
      } catch (NumberFormatException e) {
        return -1; // matches no request
      }
    }
  }

  /** An env variable name; a trailing {@code *} covers every name with that prefix (Deno 2). */
  record NameEntry(String name) implements Entry {
    @Override
    public boolean covers(Entry other) {
      if (!(other instanceof NameEntry n)) return false;
      if (name.endsWith("*")) return n.name.startsWith(name.substring(0, name.length() - 1));
      return n.name.equals(name);
    }

    @Override
    public String text() {
      return name;
    }
  }

  /**
   * A program by name or path; a bare name also covers the program it finds on the PATH. Paths are
   * compared lexically, not through symlinks, as Deno does ({@code /bin/echo} is not
   * {@code /usr/bin/echo}).
   */
  record ProgramEntry(String command, Path resolved) implements Entry {
    @Override
    public boolean covers(Entry other) {
      if (!(other instanceof ProgramEntry p)) return false;
      return p.command.equals(command) || (resolved != null && resolved.equals(p.resolved));
    }

    @Override
    public String text() {
      return command;
    }

    /**
     * How a denial of a bare name reaches further than a grant of it (Deno 2.9): it also covers a
     * program anywhere whose file stem is that name ({@code --deny-run=echo} refuses
     * {@code /tmp/echo.sh}).
     */
    boolean deniesByStem(Entry other) {
      if (command.contains("/") || !(other instanceof ProgramEntry p) || p.resolved == null) return false;
      Path name = p.resolved.getFileName();
      if (name == null) return false;
      String file = name.toString();
      int dot = file.lastIndexOf('.');
      return (dot > 0 ? file.substring(0, dot) : file).equals(command);
    }

    static ProgramEntry parse(String command, Path cwd) {
      return new ProgramEntry(command, which(command, cwd));
    }

    private static Path which(String command, Path cwd) {
      if (command.contains("/")) {
        return (cwd == null ? Path.of(command).toAbsolutePath() : cwd.resolve(command)).normalize();
      }
      String pathVar = System.getenv("PATH");
      if (pathVar == null) return null;
      for (String dir : pathVar.split(File.pathSeparator)) {
        if (dir.isEmpty()) continue;
        Path candidate = Path.of(dir, command);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate.normalize();
      }
      return null;
    }
  }

  /**
   * The entry for {@code text} of {@code kind}. {@code cwd} resolves relative paths of flags; for
   * requests of path kinds, callers pass an already resolved {@link PathEntry} instead.
   */
  static Entry parse(PermissionKind kind, String text, Path cwd) {
    return switch (kind) {
      case READ, WRITE, FFI -> new PathEntry(RealPaths.resolve(
          cwd == null ? Path.of("").toAbsolutePath() : cwd, text, true));
      case NET, IMPORT -> HostEntry.parse(text);
      case ENV, SYS -> new NameEntry(text);
      case RUN -> ProgramEntry.parse(text, cwd);
    };
  }
}
