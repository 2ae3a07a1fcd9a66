package isola.cli;

import isola.protocol.PermissionSet;
import isola.protocol.PermissionSet.Grant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Deno's permission flags. {@code --allow-read} alone grants everything of a kind; with a value
 * ({@code --allow-read=/tmp,/etc}) only those entries. {@code --deny-*} wins over {@code --allow-*}.
 * No prompt: without a TTY Deno does not prompt either.
 */
public final class PermissionFlags {
  @Option(names = {"-A", "--allow-all"}, description = "Allow all permissions")
  boolean allowAll;

  @Option(names = {"-R", "--allow-read"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH",
      description = "Allow file system read access")
  List<String> allowRead;

  @Option(names = {"-W", "--allow-write"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH",
      description = "Allow file system write access")
  List<String> allowWrite;

  @Option(names = {"-N", "--allow-net"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "HOST",
      description = "Allow network access")
  List<String> allowNet;

  @Option(names = {"-E", "--allow-env"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "NAME",
      description = "Allow access to environment variables")
  List<String> allowEnv;

  @Option(names = {"--allow-run"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PROGRAM",
      description = "Allow running subprocesses")
  List<String> allowRun;

  @Option(names = {"-S", "--allow-sys"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "API",
      description = "Allow access to OS information")
  List<String> allowSys;

  @Option(names = {"--allow-ffi"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH",
      description = "Allow loading dynamic libraries")
  List<String> allowFfi;

  @Option(names = {"-I", "--allow-import"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "HOST",
      description = "Allow importing from remote hosts")
  List<String> allowImport;

  @Option(names = "--deny-read", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH") List<String> denyRead;
  @Option(names = "--deny-write", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH") List<String> denyWrite;
  @Option(names = "--deny-net", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "HOST") List<String> denyNet;
  @Option(names = "--deny-env", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "NAME") List<String> denyEnv;
  @Option(names = "--deny-run", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PROGRAM") List<String> denyRun;
  @Option(names = "--deny-sys", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "API") List<String> denySys;
  @Option(names = "--deny-ffi", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "PATH") List<String> denyFfi;
  @Option(names = "--deny-import", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, paramLabel = "HOST") List<String> denyImport;

  @Option(names = "--no-prompt", description = "Never prompt for permissions (always the case)")
  boolean noPrompt;

  public PermissionSet toPermissionSet() {
    return new PermissionSet(
        grant(allowRead, denyRead),
        grant(allowWrite, denyWrite),
        grant(allowNet, denyNet),
        grant(allowEnv, denyEnv),
        grant(allowRun, denyRun),
        grant(allowSys, denySys),
        grant(allowFfi, denyFfi),
        grant(allowImport, denyImport));
  }

  private Grant grant(List<String> allow, List<String> deny) {
    return new Grant(allowAll ? List.of() : entries(allow), entries(deny));
  }

  /** null: flag absent; empty: flag without value (everything); else the comma-separated entries. */
  private static List<String> entries(List<String> values) {
    if (values == null) return null;
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v.isEmpty()) return List.of();
      out.addAll(Arrays.stream(v.split(",")).filter(s -> !s.isEmpty()).toList());
    }
    return List.copyOf(out);
  }
}
