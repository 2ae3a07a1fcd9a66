package isola.ops.fs;

import isola.ops.OpException;
import isola.protocol.DirEntry;
import isola.protocol.ErrorKind;
import isola.protocol.FsOp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The blocking system calls behind Deno's path ops. Runs wherever it is called: in the isolate's
 * {@code FsOps} actor on the blocking-I/O dispatcher for async ops, inline on the isolate thread for the
 * {@code *Sync} ops (as Deno runs them). Permission checks happened before; paths are absolute.
 */
public final class FsSyscalls {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private FsSyscalls() {}

  /**
   * Runs one op; the result is a plain value for the JS side (see {@code OpReply}), except for
   * {@link FsOp.Open}: an {@link OpenFile} the isolate adopts into its resource table.
   */
  public static Object run(FsOp op) throws OpException {
    return switch (op) {
      case FsOp.ReadFile o -> readFile(o);
      case FsOp.Open o -> OpenFile.open(o);
      case FsOp.WriteFile o -> writeFile(o);
      case FsOp.Stat o ->
          NativeStat.stat(o.path(), o.followLinks(), o.followLinks() ? "stat" : "lstat", o.shown());
      case FsOp.ReadDir o -> readDir(o);
      case FsOp.Mkdir o -> mkdir(o);
      case FsOp.Remove o -> remove(o);
      case FsOp.Rename o -> rename(o);
      case FsOp.CopyFile o -> copyFile(o);
      case FsOp.Symlink o -> symlink(o);
      case FsOp.Link o -> link(o);
      case FsOp.ReadLink o -> readLink(o);
      case FsOp.RealPath o -> realPath(o);
      case FsOp.Truncate o -> truncate(o);
      case FsOp.Chmod o -> chmod(o);
      case FsOp.Chown o -> chown(o);
      case FsOp.Utime o -> utime(o);
      case FsOp.MakeTemp o -> makeTemp(o);
    };
  }

  private static Object readFile(FsOp.ReadFile o) throws OpException {
    try {
      byte[] bytes = Files.readAllBytes(Path.of(o.path()));
      // The JDK's decoder replaces each invalid sequence as WHATWG's (and Deno's lossy one) does, and
      // keeps a byte order mark, as Deno does.
      return o.text() ? new String(bytes, StandardCharsets.UTF_8) : bytes;
    } catch (IOException | OutOfMemoryError e) {
      throw FsErrors.of(e, FsErrors.context("readfile", o.shown()));
    }
  }

  private static Object writeFile(FsOp.WriteFile o) throws OpException {
    String context = FsErrors.context("writefile", o.shown());
    Set<OpenOption> options = new HashSet<>();
    options.add(StandardOpenOption.WRITE);
    options.add(o.append() ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    if (o.createNew()) options.add(StandardOpenOption.CREATE_NEW);
    else if (o.create()) options.add(StandardOpenOption.CREATE);
    Path path = Path.of(o.path());
    try (FileChannel ch = FileChannel.open(path, options, permissions(o.mode()))) {
      // Deno sets the mode of an existing file too when one is given.
      if (o.mode() != null) Files.setAttribute(path, "unix:mode", o.mode() & 07777);
      ByteBuffer data = ByteBuffer.wrap(o.data());
      while (data.hasRemaining()) ch.write(data);
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, context);
    }
  }

  /** The creation mode as a file attribute (the umask still applies, as with Deno), or none. */
  static FileAttribute<?>[] permissions(Integer mode) {
    if (mode == null) return new FileAttribute<?>[0];
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(posix(mode))};
  }

  private static Set<PosixFilePermission> posix(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << bit)) != 0) set.add(order[bit]);
    }
    return set;
  }

  private static List<DirEntry> readDir(FsOp.ReadDir o) throws OpException {
    String context = FsErrors.context("readdir", o.shown());
    List<DirEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(o.path()))) {
      for (Path p : dir) {
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException gone) {
          continue; // removed while listing
        }
        entries.add(new DirEntry(p.getFileName().toString(), a.isRegularFile(), a.isDirectory(),
            a.isSymbolicLink()));
      }
      return entries;
    } catch (IOException e) {
      throw FsErrors.of(e, context);
    }
  }

  private static Object mkdir(FsOp.Mkdir o) throws OpException {
    Path path = Path.of(o.path());
    try {
      if (o.recursive()) {
        if (Files.isDirectory(path)) return null;
        Files.createDirectories(path, permissions(o.mode()));
      } else {
        Files.createDirectory(path, permissions(o.mode()));
      }
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("mkdir", o.shown()));
    }
  }

  private static Object remove(FsOp.Remove o) throws OpException {
    Path path = Path.of(o.path());
    try {
      if (o.recursive() && Files.isDirectory(path, NOFOLLOW)) {
        removeTree(path);
      } else {
        Files.delete(path);
      }
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("remove", o.shown()));
    }
  }

  private static void removeTree(Path root) throws IOException {
    // walkFileTree does not follow links by default: a link inside is removed, not its target.
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static Object rename(FsOp.Rename o) throws OpException {
    try {
      // ATOMIC_MOVE is a bare rename(2): it replaces the target and fails as the OS says, as in Deno.
      Files.move(Path.of(o.from()), Path.of(o.to()), StandardCopyOption.ATOMIC_MOVE);
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("rename", o.shownFrom(), o.shownTo()));
    }
  }

  private static Object copyFile(FsOp.CopyFile o) throws OpException {
    String context = FsErrors.context("copy", o.shownFrom(), o.shownTo());
    Path from = Path.of(o.from());
    try {
      BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw FsErrors.custom(ErrorKind.TypeError, Errno.EINVAL,
            "the source path is neither a regular file nor a symlink to a regular file", context);
      }
      Path to = Path.of(o.to());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      // Deno copies the permission bits, not the times.
      Files.setAttribute(to, "unix:mode", ((Integer) Files.getAttribute(from, "unix:mode")) & 07777);
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, context);
    }
  }

  private static Object symlink(FsOp.Symlink o) throws OpException {
    try {
      Files.createSymbolicLink(Path.of(o.path()), Path.of(o.target()));
      return null;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw FsErrors.of(e, FsErrors.context("symlink", o.shownTarget(), o.shownPath()));
    }
  }

  private static Object link(FsOp.Link o) throws OpException {
    try {
      Files.createLink(Path.of(o.path()), Path.of(o.existing()));
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("link", o.shownExisting(), o.shownPath()));
    }
  }

  private static String readLink(FsOp.ReadLink o) throws OpException {
    try {
      return Files.readSymbolicLink(Path.of(o.path())).toString();
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("readlink", o.shown()));
    }
  }

  private static String realPath(FsOp.RealPath o) throws OpException {
    try {
      return Path.of(o.path()).toRealPath().toString();
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("realpath", o.shown()));
    }
  }

  private static Object truncate(FsOp.Truncate o) throws OpException {
    try (FileChannel ch = FileChannel.open(Path.of(o.path()), StandardOpenOption.WRITE)) {
      OpenFile.setLength(ch, Math.max(0, o.length()));
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("truncate", o.shown()));
    }
  }

  private static Object chmod(FsOp.Chmod o) throws OpException {
    try {
      Files.setAttribute(Path.of(o.path()), "unix:mode", o.mode() & 07777);
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("chmod", o.shown()));
    }
  }

  private static Object chown(FsOp.Chown o) throws OpException {
    Path path = Path.of(o.path());
    try {
      // An unchanged owner still has to exist, as chown(2) with -1 would report.
      if (o.uid() == null && o.gid() == null) Files.readAttributes(path, BasicFileAttributes.class);
      if (o.uid() != null) Files.setAttribute(path, "unix:uid", o.uid());
      if (o.gid() != null) Files.setAttribute(path, "unix:gid", o.gid());
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("chown", o.shown()));
    }
  }

  private static Object utime(FsOp.Utime o) throws OpException {
    try {
      setTimes(Path.of(o.path()), o.atimeMillis(), o.mtimeMillis());
      return null;
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("utime", o.shown()));
    }
  }

  static void setTimes(Path path, double atimeMillis, double mtimeMillis) throws IOException {
    Files.getFileAttributeView(path, BasicFileAttributeView.class)
        .setTimes(fileTime(mtimeMillis), fileTime(atimeMillis), null);
  }

  private static FileTime fileTime(double millis) {
    return FileTime.from(Math.round(millis * 1_000_000.0), TimeUnit.NANOSECONDS);
  }

  private static String makeTemp(FsOp.MakeTemp o) throws OpException {
    Path dir = Path.of(o.dir());
    String verb = o.directory() ? "tmpdir" : "tmpfile";
    for (int attempt = 0; ; attempt++) {
      String name = o.prefix() + HexFormat.of().toHexDigits(RANDOM.nextLong()) + o.suffix();
      Path path = dir.resolve(name);
      try {
        if (o.directory()) {
          Files.createDirectory(path, permissions(0700));
        } else {
          Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              permissions(0600)).close();
        }
        return o.shownDir() == null ? path.toString() : Path.of(o.shownDir()).resolve(name).toString();
      } catch (FileAlreadyExistsException taken) {
        if (attempt > 100) throw FsErrors.of(taken, verb);
      } catch (IOException e) {
        // Deno names only the kind of temp entry, not the path.
        throw FsErrors.of(e, verb);
      }
    }
  }
}
