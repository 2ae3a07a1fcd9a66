package isola.ops.permissions;

import isola.ops.OpException;
import isola.ops.permissions.PermissionStatus.State;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.PermissionSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One isolate's permissions, checked before an op is sent (DESIGN.md rule 8): Deno's flags with deny
 * winning over allow, no prompt. {@link #revoke} narrows them for the rest of the isolate's life.
 *
 * <p>Runs only on the isolate's thread.
 */
public final class Permissions {
  private final Map<PermissionKind, Scope> scopes = new EnumMap<>(PermissionKind.class);
  private final Path cwd;

  /** {@code cwd}: where relative paths in the flags are resolved (the process's working directory). */
  public Permissions(PermissionSet set, Path cwd) {
    this.cwd = cwd;
    scopes.put(PermissionKind.READ, Scope.of(PermissionKind.READ, set.read(), cwd));
    scopes.put(PermissionKind.WRITE, Scope.of(PermissionKind.WRITE, set.write(), cwd));
    scopes.put(PermissionKind.NET, Scope.of(PermissionKind.NET, set.net(), cwd));
    scopes.put(PermissionKind.ENV, Scope.of(PermissionKind.ENV, set.env(), cwd));
    scopes.put(PermissionKind.RUN, Scope.of(PermissionKind.RUN, set.run(), cwd));
    scopes.put(PermissionKind.SYS, Scope.of(PermissionKind.SYS, set.sys(), cwd));
    scopes.put(PermissionKind.FFI, Scope.of(PermissionKind.FFI, set.ffi(), cwd));
    scopes.put(PermissionKind.IMPORT, Scope.of(PermissionKind.IMPORT, set.imports(), cwd));
  }

  /**
   * Whether everything is granted and nothing denied ({@code -A}): then Deno skips its checks, even
   * the one that rejects an empty path.
   */
  public boolean allowsEverything() {
    return scopes.values().stream().allMatch(Scope::allowsAll);
  }

  /** Whether every entry of {@code kind} is granted and none denied: no path needs resolving for it. */
  public boolean allowsAll(PermissionKind kind) {
    return scopes.get(kind).allowsAll();
  }

  /**
   * Checks access to a resolved path ({@link RealPaths}); {@code shown} is the path as the script
   * wrote it, which the denial quotes (as Deno does).
   */
  public void checkPath(PermissionKind kind, Path resolved, String shown) throws OpException {
    if (!scopes.get(kind).allows(new Entry.PathEntry(resolved))) throw denied(kind, quote(shown));
  }

  /**
   * Like {@link #checkPath} where Deno names no path in the denial but a placeholder such as
   * {@code <TMP>} (the default directory of {@code makeTempDir}).
   */
  public void checkPath(PermissionKind kind, Path resolved, String placeholder, boolean unquoted)
      throws OpException {
    if (!scopes.get(kind).allows(new Entry.PathEntry(resolved))) {
      throw denied(kind, unquoted ? placeholder : quote(placeholder));
    }
  }

  /** Checks a named entry of a non-path kind: an env variable, a host, a sys API, a program. */
  public void check(PermissionKind kind, String value) throws OpException {
    if (!scopes.get(kind).allows(Entry.parse(kind, value, null))) throw denied(kind, quote(value));
  }

  /**
   * Checks running {@code command} (as the script wrote it), found at {@code resolved}: a grant
   * covers it by that name or by that path, as in Deno.
   */
  public void checkProgram(String command, Path resolved) throws OpException {
    if (!scopes.get(PermissionKind.RUN).allows(new Entry.ProgramEntry(command, resolved))) {
      throw denied(PermissionKind.RUN, quote(command));
    }
  }

  /**
   * Checks that the kind is granted unscoped ({@code Deno.kill} needs {@code --allow-run} with no
   * list); unlike {@link #checkAll}, denials of single entries do not refuse it, as in Deno.
   */
  public void checkUnscoped(PermissionKind kind) throws OpException {
    Scope scope = scopes.get(kind);
    if (!scope.allowAll || scope.denyAll) throw denied(kind, null);
  }

  /** Checks access to every entry of a kind ({@code Deno.env.toObject()}). */
  public void checkAll(PermissionKind kind) throws OpException {
    if (!scopes.get(kind).allowsAll()) throw denied(kind, null);
  }

  /**
   * Symlinks need unscoped read and write (Deno 2.9): a link's target is only resolved when the link
   * is used, so a path grant could not bound it.
   */
  public void checkUnscopedReadWrite(String api) throws OpException {
    if (!scopes.get(PermissionKind.READ).allowsAll() || !scopes.get(PermissionKind.WRITE).allowsAll()) {
      throw new OpException(OpError.of(ErrorKind.NotCapable, api
          + " requires unscoped --allow-read and --allow-write permissions; path-scoped grants "
          + "(e.g. --allow-write=<path>) are not supported because a symlink's target is only "
          + "resolved when the link is traversed"));
    }
  }

  /** {@code value}: a resolved path for path kinds, the entry text otherwise; null for the whole kind. */
  public PermissionStatus query(PermissionKind kind, Object value) {
    return scopes.get(kind).query(entry(kind, value));
  }

  /** Without a prompt, a request is granted only where the flags already grant it (Deno, no TTY). */
  public PermissionStatus request(PermissionKind kind, Object value) {
    PermissionStatus now = query(kind, value);
    return now.state() == State.GRANTED ? now : new PermissionStatus(State.DENIED, false);
  }

  public PermissionStatus revoke(PermissionKind kind, Object value) {
    Entry e = entry(kind, value);
    scopes.get(kind).revoke(e);
    return scopes.get(kind).query(e);
  }

  /**
   * Deno's pledge (per-test {@code permissions}): each kind becomes {@code Boolean.TRUE} (all of the
   * current grant), {@code Boolean.FALSE} (nothing), {@code "inherit"} (unchanged) or a list of
   * entries, never wider than now. Returns what {@link #restore} puts back.
   */
  public Object pledge(Map<PermissionKind, Object> spec) throws OpException {
    Map<PermissionKind, Scope> next = narrow(spec);
    Map<PermissionKind, Scope> saved = new EnumMap<>(scopes);
    scopes.putAll(next);
    return saved;
  }

  /**
   * Deno's child permissions for a worker ({@code deno.permissions}), in the same form as
   * {@link #pledge}: the permissions a worker isolate starts with, never wider than these.
   */
  public PermissionSet narrowed(Map<PermissionKind, Object> spec) throws OpException {
    Map<PermissionKind, Scope> next = narrow(spec);
    return new PermissionSet(next.get(PermissionKind.READ).grant(), next.get(PermissionKind.WRITE).grant(),
        next.get(PermissionKind.NET).grant(), next.get(PermissionKind.ENV).grant(),
        next.get(PermissionKind.RUN).grant(), next.get(PermissionKind.SYS).grant(),
        next.get(PermissionKind.FFI).grant(), next.get(PermissionKind.IMPORT).grant());
  }

  private Map<PermissionKind, Scope> narrow(Map<PermissionKind, Object> spec) throws OpException {
    Map<PermissionKind, Scope> next = new EnumMap<>(PermissionKind.class);
    for (PermissionKind kind : PermissionKind.values()) {
      Scope now = scopes.get(kind);
      Object want = spec.getOrDefault(kind, Boolean.FALSE);
      Scope narrowed = now.copyDenials();
      if ("inherit".equals(want)) {
        narrowed = now.copy();
      } else if (Boolean.TRUE.equals(want)) {
        if (!now.allowsAll()) throw escalation();
        narrowed = now.copy();
      } else if (want instanceof List<?> entries) {
        for (Object text : entries) {
          Entry e = Entry.parse(kind, (String) text, cwd);
          if (!now.allows(e)) throw escalation();
          narrowed.allow.add(e);
        }
      }
      next.put(kind, narrowed);
    }
    return next;
  }

  @SuppressWarnings("unchecked")
  public void restore(Object saved) {
    scopes.putAll((Map<PermissionKind, Scope>) saved);
  }

  private static OpException escalation() {
    return new OpException(OpError.of(ErrorKind.NotCapable, "Can't escalate parent thread permissions"));
  }

  private static Entry entry(PermissionKind kind, Object value) {
    if (value == null) return null;
    if (value instanceof Path p) return new Entry.PathEntry(p);
    return Entry.parse(kind, (String) value, null);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static OpException denied(PermissionKind kind, String what) {
    String name = kind.denoName();
    String message = what == null
        ? "Requires " + name + " access, run again with the --allow-" + name + " flag"
        : "Requires " + name + " access to " + what + ", run again with the --allow-" + name + " flag";
    return new OpException(OpError.of(ErrorKind.NotCapable, message));
  }

  /** The allowed and denied entries of one kind. */
  private static final class Scope {
    boolean allowAll;
    final List<Entry> allow = new ArrayList<>();
    boolean denyAll;
    final List<Entry> deny = new ArrayList<>();

    static Scope of(PermissionKind kind, PermissionSet.Grant grant, Path cwd) {
      Scope s = new Scope();
      if (grant == null) return s;
      if (grant.allow() != null) {
        if (grant.allow().isEmpty()) s.allowAll = true;
        for (String v : grant.allow()) s.allow.add(Entry.parse(kind, v, cwd));
      }
      if (grant.deny() != null) {
        if (grant.deny().isEmpty()) s.denyAll = true;
        for (String v : grant.deny()) s.deny.add(Entry.parse(kind, v, cwd));
      }
      return s;
    }

    Scope copy() {
      Scope s = copyDenials();
      s.allowAll = allowAll;
      s.allow.addAll(allow);
      return s;
    }

    /** The denials only: a narrower grant keeps them, so nothing denied becomes allowed. */
    Scope copyDenials() {
      Scope s = new Scope();
      s.denyAll = denyAll;
      s.deny.addAll(deny);
      return s;
    }

    boolean denies(Entry e) {
      if (denyAll) return true;
      for (Entry d : deny) {
        if (d.covers(e) || d instanceof Entry.ProgramEntry program && program.deniesByStem(e)) return true;
      }
      return false;
    }

    boolean allows(Entry e) {
      if (denies(e)) return false;
      if (allowAll) return true;
      for (Entry a : allow) {
        if (a.covers(e)) return true;
      }
      return false;
    }

    boolean allowsAll() {
      return allowAll && !denyAll && deny.isEmpty();
    }

    /** This scope in flag form, for an isolate that starts with it. */
    PermissionSet.Grant grant() {
      List<String> allowed = allowAll ? List.of() : allow.isEmpty() ? null : allow.stream().map(Entry::text).toList();
      List<String> denied = denyAll ? List.of() : deny.isEmpty() ? null : deny.stream().map(Entry::text).toList();
      return new PermissionSet.Grant(allowed, denied);
    }

    PermissionStatus query(Entry e) {
      if (e == null) {
        if (denyAll) return new PermissionStatus(State.DENIED, false);
        if (allowAll) return new PermissionStatus(State.GRANTED, !deny.isEmpty());
        return new PermissionStatus(State.PROMPT, false);
      }
      if (denies(e)) return new PermissionStatus(State.DENIED, false);
      if (allows(e)) {
        boolean partial = deny.stream().anyMatch(e::covers);
        return new PermissionStatus(State.GRANTED, partial);
      }
      return new PermissionStatus(State.PROMPT, false);
    }

    /** Deno's revoke: the grants that cover the entry go (all of them for the whole kind). */
    void revoke(Entry e) {
      if (e == null) {
        allowAll = false;
        allow.clear();
      } else {
        allow.removeIf(a -> a.covers(e));
      }
    }
  }
}
