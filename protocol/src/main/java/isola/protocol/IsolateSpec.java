package isola.protocol;

import java.util.List;

/**
 * What an isolate runs: its name (actor name and log prefix), the main module (an absolute {@code file:}
 * URL), the script arguments ({@code Deno.args}), the permissions it was granted, and the working
 * directory it starts in. {@code mainSource}, when not null, is the main module's text (for
 * {@code isola eval}); otherwise the module is read from its URL. {@code test} is set when the
 * isolate runs a test module for {@code isola test}, {@code serve} when it serves the module's default
 * export for {@code isola serve}; else they are null. {@code limits} bound each of its turns.
 * {@code unstable} names the unstable Deno features enabled by {@code --unstable-NAME} flags
 * (such as {@code worker-options}); a worker has its parent's.
 */
public record IsolateSpec(
    String name,
    String mainModule,
    String mainSource,
    List<String> args,
    PermissionSet permissions,
    String cwd,
    TestOptions test,
    ServeOptions serve,
    IsolateLimits limits,
    List<String> unstable,
    String config)
    implements CborSerializable {
  public IsolateSpec {
    args = List.copyOf(args);
    if (limits == null) limits = IsolateLimits.NONE;
    unstable = unstable == null ? List.of() : List.copyOf(unstable);
  }

  public IsolateSpec(
      String name, String mainModule, String mainSource, List<String> args, PermissionSet permissions,
      String cwd, TestOptions test, ServeOptions serve, IsolateLimits limits) {
    this(name, mainModule, mainSource, args, permissions, cwd, test, serve, limits, List.of(), null);
  }

  public IsolateSpec(
      String name, String mainModule, String mainSource, List<String> args, PermissionSet permissions,
      String cwd, TestOptions test, ServeOptions serve) {
    this(name, mainModule, mainSource, args, permissions, cwd, test, serve, IsolateLimits.NONE);
  }

  /** The same program with these limits. */
  public IsolateSpec withLimits(IsolateLimits newLimits) {
    return new IsolateSpec(name, mainModule, mainSource, args, permissions, cwd, test, serve, newLimits, unstable, config);
  }

  /** The same program with these unstable features enabled. */
  public IsolateSpec withUnstable(List<String> features) {
    return new IsolateSpec(name, mainModule, mainSource, args, permissions, cwd, test, serve, limits, features, config);
  }

  /**
   * The same program with this Deno config file ({@code deno.json}): an absolute path, "" for none
   * ({@code --no-config}), null to look for one from the main module's directory.
   */
  public IsolateSpec withConfig(String newConfig) {
    return new IsolateSpec(name, mainModule, mainSource, args, permissions, cwd, test, serve, limits, unstable, newConfig);
  }

  public boolean isUnstable(String feature) {
    return unstable.contains(feature);
  }

  public IsolateSpec(
      String name, String mainModule, String mainSource, List<String> args, PermissionSet permissions,
      String cwd) {
    this(name, mainModule, mainSource, args, permissions, cwd, null, null);
  }

  public IsolateSpec(
      String name, String mainModule, String mainSource, List<String> args, PermissionSet permissions,
      String cwd, TestOptions test) {
    this(name, mainModule, mainSource, args, permissions, cwd, test, null);
  }
}
