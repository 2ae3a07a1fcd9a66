package isola.isolate;

import isola.ops.OpException;
import isola.ops.fs.FsErrors;
import isola.ops.fs.FsSyscalls;
import isola.ops.fs.FsWatcher;
import isola.ops.fs.OpenFile;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.ops.permissions.RealPaths;
import isola.protocol.ErrorKind;
import isola.protocol.FileOp;
import isola.protocol.FileRequest;
import isola.protocol.FsOp;
import isola.protocol.FsRequest;
import isola.protocol.FsWatchRequest;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 30_fs.js. Each path op is registered twice, as in Deno: {@code op_fs_x_sync} runs the call
 * inline on the isolate thread, {@code op_fs_x_async} (promise id first) sends it to the isolate's
 * {@code FsOps} actor on the blocking-I/O pool. Both resolve and permission-check the paths first, here
 * on the isolate thread, so an op actor never sees a request the isolate may not make.
 *
 * <p>Runs only on the isolate's thread.
 */
final class FsBinding {
  private final Permissions permissions;
  private final WorkingDirectory cwd;
  private final ResourceTable resources;
  private final ActorRef<FsRequest> fs;
  private final ActorRef<OpReply> replyTo;
  private final JsErrors errors;
  private final StagedBytes staged;

  FsBinding(Permissions permissions, WorkingDirectory cwd, ResourceTable resources,
      ActorRef<FsRequest> fs, ActorRef<OpReply> replyTo, JsErrors errors, StagedBytes staged) {
    this.staged = staged;
    this.permissions = permissions;
    this.cwd = cwd;
    this.resources = resources;
    this.fs = fs;
    this.replyTo = replyTo;
    this.errors = errors;
  }

  /** Builds an op from the JS arguments starting at {@code at}, checking its permissions. */
  private interface OpBuilder {
    FsOp build(Value[] args, int at) throws OpException;
  }

  void register(Map<String, Object> ops) {
    pathOp(ops, "op_fs_read_file", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.ReadFile(checked(PermissionKind.READ, p, true, "readfile"), p,
          a[i + 1].asBoolean());
    });
    pathOp(ops, "op_fs_write_file", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.WriteFile(checked(PermissionKind.WRITE, p, true, "writefile"), p,
          JsValues.bytes(a[i + 1]), a[i + 2].asBoolean(), a[i + 3].asBoolean(), a[i + 4].asBoolean(),
          optionalInt(a[i + 5]));
    });
    pathOp(ops, "op_fs_open", (a, i) -> {
      String p = display(a[i]);
      boolean read = a[i + 1].asBoolean();
      boolean write = a[i + 2].asBoolean();
      boolean append = a[i + 3].asBoolean();
      Path path = resolve(p, true, "open");
      if (read) permissions.checkPath(PermissionKind.READ, path, p);
      if (write || append) permissions.checkPath(PermissionKind.WRITE, path, p);
      return new FsOp.Open(path.toString(), p, read, write, append, a[i + 4].asBoolean(),
          a[i + 5].asBoolean(), a[i + 6].asBoolean(), optionalInt(a[i + 7]));
    });
    pathOp(ops, "op_fs_stat", (a, i) -> {
      String p = display(a[i]);
      boolean follow = a[i + 1].asBoolean();
      return new FsOp.Stat(checked(PermissionKind.READ, p, follow, follow ? "stat" : "lstat"), p, follow);
    });
    pathOp(ops, "op_fs_read_dir", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.ReadDir(checked(PermissionKind.READ, p, true, "readdir"), p);
    });
    pathOp(ops, "op_fs_mkdir", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Mkdir(checked(PermissionKind.WRITE, p, true, "mkdir"), p,
          a[i + 1].asBoolean(), optionalInt(a[i + 2]));
    });
    pathOp(ops, "op_fs_remove", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Remove(checked(PermissionKind.WRITE, p, false, "remove"), p,
          a[i + 1].asBoolean());
    });
    pathOp(ops, "op_fs_rename", (a, i) -> {
      String from = display(a[i]);
      String to = display(a[i + 1]);
      Path src = resolve(from, false, "rename");
      Path dst = resolve(to, false, "rename");
      permissions.checkPath(PermissionKind.READ, src, from);
      permissions.checkPath(PermissionKind.WRITE, src, from);
      permissions.checkPath(PermissionKind.WRITE, dst, to);
      return new FsOp.Rename(src.toString(), from, dst.toString(), to);
    });
    pathOp(ops, "op_fs_copy_file", (a, i) -> {
      String from = display(a[i]);
      String to = display(a[i + 1]);
      String src = checked(PermissionKind.READ, from, true, "copy");
      String dst = checked(PermissionKind.WRITE, to, true, "copy");
      return new FsOp.CopyFile(src, from, dst, to);
    });
    pathOp(ops, "op_fs_link", (a, i) -> {
      String existing = display(a[i]);
      String link = display(a[i + 1]);
      Path src = resolve(existing, false, "link");
      Path dst = resolve(link, false, "link");
      permissions.checkPath(PermissionKind.READ, src, existing);
      permissions.checkPath(PermissionKind.WRITE, src, existing);
      permissions.checkPath(PermissionKind.READ, dst, link);
      permissions.checkPath(PermissionKind.WRITE, dst, link);
      return new FsOp.Link(src.toString(), existing, dst.toString(), link);
    });
    pathOp(ops, "op_fs_symlink", (a, i) -> {
      String target = a[i].asString();
      String link = display(a[i + 1]);
      permissions.checkUnscopedReadWrite(a[i + 2].asString());
      Path dst = resolve(link, false, "symlink");
      return new FsOp.Symlink(target, target, dst.toString(), link);
    });
    pathOp(ops, "op_fs_read_link", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.ReadLink(checked(PermissionKind.READ, p, false, "readlink"), p);
    });
    pathOp(ops, "op_fs_realpath", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.RealPath(checked(PermissionKind.READ, p, true, "realpath"), p);
    });
    pathOp(ops, "op_fs_truncate", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Truncate(checked(PermissionKind.WRITE, p, true, "truncate"), p,
          (long) a[i + 1].asDouble());
    });
    pathOp(ops, "op_fs_chmod", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Chmod(checked(PermissionKind.WRITE, p, true, "chmod"), p,
          a[i + 1].asInt());
    });
    pathOp(ops, "op_fs_chown", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Chown(checked(PermissionKind.WRITE, p, true, "chown"), p,
          optionalInt(a[i + 1]), optionalInt(a[i + 2]));
    });
    pathOp(ops, "op_fs_utime", (a, i) -> {
      String p = display(a[i]);
      return new FsOp.Utime(checked(PermissionKind.WRITE, p, true, "utime"), p,
          a[i + 1].asDouble(), a[i + 2].asDouble());
    });
    pathOp(ops, "op_fs_make_temp", (a, i) -> {
      boolean directory = a[i + 3].asBoolean();
      String verb = directory ? "tmpdir" : "tmpfile";
      String prefix = a[i + 1].isNull() ? "" : a[i + 1].asString();
      String suffix = a[i + 2].isNull() ? "" : a[i + 2].asString();
      if (a[i].isNull()) {
        Path tmp = RealPaths.resolve(cwd.get(), tempDir(), true);
        permissions.checkPath(PermissionKind.WRITE, tmp, "<TMP>", true);
        return new FsOp.MakeTemp(tmp.toString(), null, prefix, suffix, directory);
      }
      String dir = display(a[i]);
      return new FsOp.MakeTemp(checked(PermissionKind.WRITE, dir, true, verb), dir, prefix, suffix,
          directory);
    });

    ops.put("op_fs_cwd", (ProxyExecutable) args -> cwd.get().toString());
    ops.put("op_fs_chdir", (ProxyExecutable) args -> errors.guard(() -> {
      chdir(display(args[0]));
      return null;
    }));
    ops.put("op_fs_file_sync", (ProxyExecutable) args -> errors.guard(() ->
        staged.toJs(resources.file(args[0].asInt()).file().run(fileOp(args, 1)))));
    ops.put("op_fs_file_async", (ProxyExecutable) args -> errors.guard(() -> {
      ResourceTable.FileHandle handle = resources.file(args[1].asInt());
      handle.actor().tell(new FileRequest.Call(args[0].asInt(), fileOp(args, 2), replyTo));
      return null;
    }));
    ops.put("op_fs_events_open", (ProxyExecutable) args -> errors.guard(() -> watch(args)));
    ops.put("op_fs_events_poll", (ProxyExecutable) args -> errors.guard(() -> {
      resources.watcher(args[1].asInt()).tell(new FsWatchRequest.Next(args[0].asInt(), replyTo));
      return null;
    }));
    ops.put("op_fs_events_close", (ProxyExecutable) args -> {
      resources.closeWatcher(args[0].asInt());
      return null;
    });
    ops.put("op_fs_close", (ProxyExecutable) args -> errors.guard(() -> {
      resources.close(args[0].asInt());
      return null;
    }));
  }

  /** Deno.watchFs: {@code [recursive, path...]}; read access to each path, each must exist. */
  private int watch(Value[] args) throws OpException {
    boolean recursive = args[0].asBoolean();
    List<Path> paths = new ArrayList<>();
    // Every path's permission first, then their existence, as Deno checks them.
    for (int i = 1; i < args.length; i++) {
      String shown = display(args[i]);
      checked(PermissionKind.READ, shown, true, "watch");
      paths.add(cwd.get().resolve(shown).normalize());
    }
    for (Path path : paths) {
      if (!Files.exists(path)) throw new OpException(OpError.of(ErrorKind.NotFound, "No path was found."));
    }
    if (!FsWatcher.available()) {
      throw new OpException(OpError.of(ErrorKind.NotSupported, "file system watching needs Linux's inotify"));
    }
    try {
      return resources.add(FsWatcher.setUp(paths, recursive));
    } catch (IOException e) {
      throw new OpException(OpError.of(ErrorKind.Error, "failed to watch: " + e.getMessage()));
    }
  }

  private void pathOp(Map<String, Object> ops, String name, OpBuilder builder) {
    ops.put(name + "_sync", (ProxyExecutable) args -> errors.guard(() -> {
      Object result = FsSyscalls.run(builder.build(args, 0));
      return staged.toJs(result instanceof OpenFile file ? resources.add(file) : result);
    }));
    ops.put(name + "_async", (ProxyExecutable) args -> errors.guard(() -> {
      FsOp op = builder.build(args, 1);
      fs.tell(new FsRequest(args[0].asInt(), op, replyTo));
      return null;
    }));
  }

  /** An {@link OpenFile} in an async reply becomes a resource id here, on the isolate thread. */
  OpReply adopt(OpReply reply) {
    if (reply instanceof OpReply.Ok ok && ok.value() instanceof OpenFile file) {
      return OpReply.ok(ok.promiseId(), resources.add(file));
    }
    return reply;
  }

  private static FileOp fileOp(Value[] a, int i) {
    return switch (a[i].asString()) {
      case "read" -> new FileOp.Read(a[i + 1].asInt());
      case "write" -> new FileOp.Write(JsValues.bytes(a[i + 1]));
      case "seek" -> new FileOp.Seek((long) a[i + 1].asDouble(), a[i + 2].asInt());
      case "truncate" -> new FileOp.Truncate((long) a[i + 1].asDouble());
      case "stat" -> new FileOp.Stat();
      case "sync" -> new FileOp.Sync();
      case "syncData" -> new FileOp.SyncData();
      case "utime" -> new FileOp.Utime(a[i + 1].asDouble(), a[i + 2].asDouble());
      default -> throw new IllegalArgumentException("unknown file op " + a[i]);
    };
  }

  private void chdir(String shown) throws OpException {
    // The working directory is kept resolved (Deno.cwd() shows no ".." or links), granted or not.
    Path path = resolve(shown, true, "chdir");
    permissions.checkPath(PermissionKind.READ, path, shown);
    if (!Files.isDirectory(path)) {
      OpError error = Files.exists(path)
          ? new OpError(ErrorKind.NotADirectory, "ENOTDIR",
              "Not a directory (os error 20): " + FsErrors.context("chdir", shown))
          : new OpError(ErrorKind.NotFound, "ENOENT",
              "No such file or directory (os error 2): " + FsErrors.context("chdir", shown));
      throw new OpException(error);
    }
    cwd.set(path);
  }

  /**
   * Resolves and checks one path; the path the op should use. {@code verb} names the op in errors
   * about the path itself.
   */
  private String checked(PermissionKind kind, String shown, boolean followLast, String verb)
      throws OpException {
    // Resolving symlinks only serves the check: with the kind granted whole, the OS resolves the path
    // itself. This made a statSync ~30% cheaper. An absolute path comes normalized from display().
    if (permissions.allowsAll(kind)) {
      validate(shown, verb);
      return shown.startsWith("/") ? shown : cwd.get().resolve(shown).toString();
    }
    Path path = resolve(shown, followLast, verb);
    permissions.checkPath(kind, path, shown);
    return path.toString();
  }

  private Path resolve(String shown, boolean followLast, String verb) throws OpException {
    validate(shown, verb);
    return RealPaths.resolve(cwd.get(), shown, followLast);
  }

  /** Deno's refusals of a path before any check or system call: a NUL byte, an empty path. */
  private void validate(String shown, String verb) throws OpException {
    if (shown.indexOf('\0') >= 0) {
      throw new OpException(new OpError(ErrorKind.TypeError, "EINVAL",
          "file name contained an unexpected NUL byte: " + FsErrors.context(verb, shown)));
    }
    if (shown.isEmpty() && !permissions.allowsEverything()) {
      // Deno's permission check refuses an empty path (with -A there is no check, and the OS says ENOENT).
      throw new OpException(OpError.of(ErrorKind.Error, "Empty path is not allowed"));
    }
    if (shown.isEmpty()) {
      throw new OpException(new OpError(ErrorKind.NotFound, "ENOENT",
          "No such file or directory (os error 2): " + FsErrors.context(verb, shown)));
    }
  }

  /**
   * A path as Deno's messages show it: an absolute one lexically normalized ({@code /tmp/../etc/x}
   * shows as {@code /etc/x}), a relative one as written.
   */
  private static String display(Value v) {
    String s = v.asString();
    if (!s.startsWith("/") || s.indexOf('\0') >= 0 || isNormal(s)) return s;
    return Path.of(s).normalize().toString();
  }

  /** Whether an absolute path is already as Path.normalize() leaves it: no empty, "." or ".." names. */
  private static boolean isNormal(String s) {
    int n = s.length();
    if (n > 1 && s.charAt(n - 1) == '/') return false;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) != '/') continue;
      int end = s.indexOf('/', i + 1);
      int length = (end < 0 ? n : end) - i - 1;
      if (length == 0 && n > 1) return false;
      if (length == 1 && s.charAt(i + 1) == '.') return false;
      if (length == 2 && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') return false;
    }
    return true;
  }

  private static String tempDir() {
    String env = System.getenv("TMPDIR");
    return env == null || env.isEmpty() ? "/tmp" : env;
  }

  private static Integer optionalInt(Value v) {
    return v == null || v.isNull() ? null : v.asInt();
  }
}
