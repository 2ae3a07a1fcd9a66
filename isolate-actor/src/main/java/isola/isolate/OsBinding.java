package isola.isolate;

import isola.ops.OpException;
import isola.ops.core.Stdin;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import org.apache.pekko.actor.typed.ActorRef;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 31_os.js: {@code Deno.env}, the facts about the process and the machine, and writes to
 * the process's stdout and stderr. The environment is the process's ({@link ProcessEnvironment})
 * seen through this isolate's own changes ({@code Deno.env.set} is never visible to other isolates
 * or the JVM); only the changes are kept, so an isolate that never touches its environment costs
 * nothing here.
 */
final class OsBinding {
  private final Permissions permissions;
  private final JsErrors errors;
  private final HostOutput output;
  /** This isolate's changes to the environment; a null value is a deleted variable. */
  private final Map<String, String> changed = new HashMap<>();

  OsBinding(Permissions permissions, JsErrors errors, HostOutput output, ActorRef<OpReply> replyTo) {
    this.permissions = permissions;
    this.errors = errors;
    this.output = output;
    this.replyTo = replyTo;
  }

  private final ActorRef<OpReply> replyTo;

  private String envGet(String key, boolean checked) throws OpException {
    if (checked) permissions.check(PermissionKind.ENV, key);
    validateKey(key);
    return changed.containsKey(key) ? changed.get(key) : ProcessEnvironment.get(key);
  }

  /** The environment as this isolate sees it: the JVM's with its own changes (what a child inherits). */
  Map<String, String> environment() {
    Map<String, String> env = ProcessEnvironment.all();
    changed.forEach((k, v) -> {
      if (v == null) env.remove(k);
      else env.put(k, v);
    });
    return env;
  }

  /** Environment variables node:process reads without permission (Deno 2.9 does: checked with its binary). */
  private static final java.util.Set<String> NODE_SETTINGS =
      java.util.Set.of("NODE_DEBUG", "NODE_OPTIONS", "FORCE_COLOR", "NO_COLOR");

  void register(Map<String, Object> ops) {
    ops.put("op_stdin_read", (ProxyExecutable) args -> {
      Stdin.read(args[0].asInt(), args[1].asInt(), replyTo);
      return null;
    });
    ops.put("op_stdin_read_sync", (ProxyExecutable) args -> errors.guard(() -> {
      try {
        return JsValues.toJs(Stdin.readSync(args[0].asInt()));
      } catch (IOException e) {
        throw new OpException(OpError.of(ErrorKind.Error, String.valueOf(e.getMessage())));
      }
    }));
    ops.put("op_env_get", (ProxyExecutable) args -> errors.guard(() -> envGet(args[0].asString(), true)));
    // node:process reads Node's own settings without --allow-env, as Deno 2.9 does.
    ops.put("op_node_env_get", (ProxyExecutable) args -> errors.guard(() ->
        envGet(args[0].asString(), !NODE_SETTINGS.contains(args[0].asString()))));
    ops.put("op_env_set", (ProxyExecutable) args -> errors.guard(() -> {
      String key = args[0].asString();
      String value = args[1].asString();
      permissions.check(PermissionKind.ENV, key);
      validateKey(key);
      if (value.indexOf('\0') >= 0) throw typeError("Value contains invalid characters: " + quoted(value));
      changed.put(key, value);
      return null;
    }));
    ops.put("op_env_delete", (ProxyExecutable) args -> errors.guard(() -> {
      String key = args[0].asString();
      permissions.check(PermissionKind.ENV, key);
      validateKey(key);
      changed.put(key, null);
      return null;
    }));
    ops.put("op_env_to_object", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.checkAll(PermissionKind.ENV);
      List<Object> flat = new ArrayList<>();
      environment().forEach((k, v) -> {
        flat.add(k);
        flat.add(v);
      });
      return ProxyArray.fromList(flat);
    }));
    ops.put("op_ppid", (ProxyExecutable) args ->
        ProcessHandle.current().parent().map(p -> (double) p.pid()).orElse(0.0));
    ops.put("op_memory_usage", (ProxyExecutable) args -> {
      Runtime rt = Runtime.getRuntime();
      long heapUsed = rt.totalMemory() - rt.freeMemory();
      long external = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
      return ProxyArray.fromArray((double) rss(), (double) rt.totalMemory(), (double) heapUsed, (double) external);
    });
    ops.put("op_hostname", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "hostname");
      return hostname();
    }));
    ops.put("op_umask", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "umask");
      return isola.ops.fs.Umask.swap(args[0].isNull() ? null : args[0].asInt());
    }));
    ops.put("op_os_release", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "osRelease");
      return System.getProperty("os.version");
    }));
    ops.put("op_loadavg", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "loadavg");
      String[] parts = readProc("/proc/loadavg").split("\\s+");
      return ProxyArray.fromArray(
          Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }));
    ops.put("op_system_memory_info", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "systemMemoryInfo");
      return ProxyArray.fromList(new ArrayList<>(memInfo()));
    }));
    ops.put("op_os_uptime", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "osUptime");
      return Math.floor(Double.parseDouble(readProc("/proc/uptime").split("\\s+")[0]));
    }));
    ops.put("op_getuid", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "uid");
      return procStatusId("Uid:");
    }));
    ops.put("op_getgid", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "gid");
      return procStatusId("Gid:");
    }));
    ops.put("op_network_interfaces", (ProxyExecutable) args -> errors.guard(() -> {
      permissions.check(PermissionKind.SYS, "networkInterfaces");
      return ProxyArray.fromList(new ArrayList<>(NetworkInterfaces.list()));
    }));
    ops.put("op_console_size", (ProxyExecutable) args -> Terminal.size());
    ops.put("op_runtime_cpu_usage", (ProxyExecutable) args -> {
      // utime and stime of /proc/self/stat, in clock ticks (100 per second on Linux).
      String stat = readProc("/proc/self/stat");
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return ProxyArray.fromArray(Long.parseLong(fields[11]) * 10_000.0, Long.parseLong(fields[12]) * 10_000.0);
    });
    ops.put("op_write_stdio", (ProxyExecutable) args -> {
      byte[] bytes = JsValues.bytes(args[1]);
      output.write(bytes, args[0].asInt() == 2);
      return bytes.length;
    });
    ops.put("op_exec_path", (ProxyExecutable) args ->
        ProcessHandle.current().info().command().orElse(""));
    // prompt/confirm/alert on a terminal: they block until the user answers, as in Deno.
    ops.put("op_read_line", (ProxyExecutable) args -> {
      output.flush();
      var console = System.console();
      return console == null ? null : console.readLine();
    });
    ops.put("op_is_terminal", (ProxyExecutable) args -> {
      var console = System.console();
      return console != null && console.isTerminal();
    });
  }

  private static void validateKey(String key) throws OpException {
    if (key.isEmpty()) throw typeError("Key is an empty string.");
    if (key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
      throw typeError("Key contains invalid characters: " + quoted(key));
    }
  }

  private static OpException typeError(String message) {
    return new OpException(new OpError(ErrorKind.TypeError, null, message));
  }

  /** As Rust's Debug formatting of a string, which Deno's messages use. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\0", "\\0").replace("\n", "\\n") + "\"";
  }

  /** The real id on the {@code Uid:} or {@code Gid:} line of /proc/self/status. */
  private static double procStatusId(String field) {
    for (String line : readProc("/proc/self/status").split("\n")) {
      if (line.startsWith(field)) return Double.parseDouble(line.substring(field.length()).trim().split("\\s+")[0]);
    }
    throw new IllegalStateException("no " + field + " in /proc/self/status");
  }

  private static long rss() {
    try {
      String[] statm = readProc("/proc/self/statm").split("\\s+");
      return Long.parseLong(statm[1]) * 4096;
    } catch (RuntimeException e) {
      return Runtime.getRuntime().totalMemory();
    }
  }

  private static String hostname() {
    try {
      return readProc("/proc/sys/kernel/hostname").trim();
    } catch (RuntimeException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException io) {
        return "localhost";
      }
    }
  }

  /** total, free, available, buffers, cached, swapTotal, swapFree in bytes, from /proc/meminfo. */
  private static List<Double> memInfo() {
    Map<String, Double> kb = new HashMap<>();
    for (String line : readProc("/proc/meminfo").split("\n")) {
      String[] parts = line.split(":\\s*");
      if (parts.length == 2) kb.put(parts[0], Double.parseDouble(parts[1].replace(" kB", "").trim()) * 1024);
    }
    List<Double> out = new ArrayList<>();
    for (String key : List.of("MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapTotal", "SwapFree")) {
      out.add(kb.getOrDefault(key, 0.0));
    }
    return out;
  }

  private static String readProc(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
