package isola.ops.permissions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.ops.OpException;
import isola.ops.permissions.PermissionStatus.State;
import isola.protocol.ErrorKind;
import isola.protocol.PermissionSet;
import isola.protocol.PermissionSet.Grant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsTest {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void layout() throws IOException {
    root = tmp.toRealPath();
    Files.createDirectories(root.resolve("a/inner"));
    Files.createDirectories(root.resolve("ab"));
    Files.createDirectories(root.resolve("outside"));
    Files.writeString(root.resolve("outside/secret"), "x");
    Files.createSymbolicLink(root.resolve("a/escape"), root.resolve("outside"));
    Files.writeString(root.resolve("a/inner/file"), "x");
    Files.createSymbolicLink(root.resolve("a/to-secret"), root.resolve("outside/secret"));
  }

  private static PermissionSet reads(Grant read) {
    PermissionSet none = PermissionSet.none();
    return new PermissionSet(read, none.write(), none.net(), none.env(), none.run(), none.sys(),
        none.ffi(), none.imports());
  }

  private Permissions readOnly(List<String> allow, List<String> deny) {
    return new Permissions(reads(new Grant(allow, deny)), root);
  }

  private void read(Permissions p, String path) throws OpException {
    p.checkPath(PermissionKind.READ, RealPaths.resolve(root, path, true), path);
  }

  @Test
  void noFlagDeniesWithDenosMessage() {
    Permissions p = new Permissions(PermissionSet.none(), root);
    OpException e = assertThrows(OpException.class, () -> read(p, "/etc/passwd"));
    assertEquals(ErrorKind.NotCapable, e.error().kind());
    assertEquals(
        "Requires read access to \"/etc/passwd\", run again with the --allow-read flag",
        e.error().message());
  }

  @Test
  void pathGrantCoversItsDirectoryAndBelowOnly() {
    Permissions p = readOnly(List.of("a"), null);
    assertDoesNotThrow(() -> read(p, "a"));
    assertDoesNotThrow(() -> read(p, "a/inner/not-yet-created.txt"));
    assertThrows(OpException.class, () -> read(p, "ab"));
    assertThrows(OpException.class, () -> read(p, root.resolve("ab").toString()));
  }

  @Test
  void dotDotCannotLeaveAGrantedDirectory() {
    Permissions p = readOnly(List.of("a"), null);
    assertThrows(OpException.class, () -> read(p, "a/../outside/secret"));
    assertThrows(OpException.class, () -> read(p, "a/missing/../../outside/secret"));
  }

  @Test
  void symlinkOutOfAGrantedDirectoryIsDenied() {
    Permissions p = readOnly(List.of("a"), null);
    assertThrows(OpException.class, () -> read(p, "a/escape/secret"));
    assertThrows(OpException.class, () -> read(p, "a/escape"));
    // The link itself (lstat, readLink, remove) lives in the granted directory.
    assertDoesNotThrow(() -> p.checkPath(PermissionKind.READ,
        RealPaths.resolve(root, "a/escape", false), "a/escape"));
  }

  @Test
  void denyWinsOverAllow() {
    Permissions p = readOnly(List.of(), List.of("a/inner"));
    assertDoesNotThrow(() -> read(p, "a"));
    assertThrows(OpException.class, () -> read(p, "a/inner/x"));
    Permissions q = readOnly(List.of("a/inner"), List.of("a"));
    assertThrows(OpException.class, () -> read(q, "a/inner"));
  }

  @Test
  void allowAllGrantsEveryKind() {
    Permissions p = new Permissions(PermissionSet.all(), root);
    assertDoesNotThrow(() -> read(p, "/etc/passwd"));
    assertDoesNotThrow(() -> p.check(PermissionKind.ENV, "HOME"));
    assertDoesNotThrow(() -> p.check(PermissionKind.NET, "example.com:443"));
    assertDoesNotThrow(() -> p.checkAll(PermissionKind.ENV));
  }

  @Test
  void queryReportsGrantedPromptDeniedAndPartial() {
    Permissions p = readOnly(List.of(), List.of("a/inner"));
    assertEquals(new PermissionStatus(State.GRANTED, true), p.query(PermissionKind.READ, null));
    assertEquals(new PermissionStatus(State.GRANTED, true),
        p.query(PermissionKind.READ, root.resolve("a")));
    assertEquals(new PermissionStatus(State.DENIED, false),
        p.query(PermissionKind.READ, root.resolve("a/inner")));
    assertEquals(new PermissionStatus(State.GRANTED, false),
        p.query(PermissionKind.READ, root.resolve("ab")));
    assertEquals(new PermissionStatus(State.PROMPT, false), p.query(PermissionKind.WRITE, null));
  }

  @Test
  void requestWithoutPromptDeniesWhatIsNotGrantedAndChangesNothing() {
    Permissions p = readOnly(List.of("a"), null);
    assertEquals(State.DENIED, p.request(PermissionKind.READ, root.resolve("ab")).state());
    assertEquals(State.PROMPT, p.query(PermissionKind.READ, root.resolve("ab")).state());
    assertEquals(State.GRANTED, p.request(PermissionKind.READ, root.resolve("a/inner")).state());
  }

  @Test
  void revokeRemovesTheGrantsCoveringThePath() {
    Permissions p = readOnly(List.of("a"), null);
    assertEquals(State.PROMPT, p.revoke(PermissionKind.READ, root.resolve("a/inner")).state());
    assertThrows(OpException.class, () -> read(p, "a"));
  }

  @Test
  void envNamesMatchExactlyOrByWildcardPrefix() {
    PermissionSet none = PermissionSet.none();
    Permissions p = new Permissions(new PermissionSet(none.read(), none.write(), none.net(),
        new Grant(List.of("HOME", "AWS_*"), null), none.run(), none.sys(), none.ffi(),
        none.imports()), root);
    assertDoesNotThrow(() -> p.check(PermissionKind.ENV, "HOME"));
    assertDoesNotThrow(() -> p.check(PermissionKind.ENV, "AWS_REGION"));
    OpException e = assertThrows(OpException.class, () -> p.check(PermissionKind.ENV, "HOMEX"));
    assertEquals("Requires env access to \"HOMEX\", run again with the --allow-env flag",
        e.error().message());
    OpException all = assertThrows(OpException.class, () -> p.checkAll(PermissionKind.ENV));
    assertEquals("Requires env access, run again with the --allow-env flag", all.error().message());
  }

  @Test
  void netHostWithoutPortCoversEveryPort() {
    PermissionSet none = PermissionSet.none();
    Permissions p = new Permissions(new PermissionSet(none.read(), none.write(),
        new Grant(List.of("a.com", "b.com:8080"), List.of("c.a.com")), none.env(), none.run(),
        none.sys(), none.ffi(), none.imports()), root);
    assertDoesNotThrow(() -> p.check(PermissionKind.NET, "a.com:443"));
    assertDoesNotThrow(() -> p.check(PermissionKind.NET, "b.com:8080"));
    assertThrows(OpException.class, () -> p.check(PermissionKind.NET, "b.com:81"));
    assertThrows(OpException.class, () -> p.check(PermissionKind.NET, "b.com"));
    assertThrows(OpException.class, () -> p.check(PermissionKind.NET, "c.a.com:80"));
  }

  @Test
  void symlinkNeedsUnscopedReadAndWrite() {
    Permissions scoped = readOnly(List.of("a"), null);
    OpException e = assertThrows(OpException.class,
        () -> scoped.checkUnscopedReadWrite("Deno.symlinkSync()"));
    assertEquals(ErrorKind.NotCapable, e.error().kind());
    assertDoesNotThrow(() -> new Permissions(PermissionSet.all(), root)
        .checkUnscopedReadWrite("Deno.symlink()"));
  }

  @Test
  void relativeFlagPathsResolveAgainstTheStartDirectory() throws IOException {
    Path link = root.resolve("alias");
    Files.createSymbolicLink(link, root.resolve("a"));
    Permissions p = readOnly(List.of("alias"), null);
    assertDoesNotThrow(() -> read(p, root.resolve("a/inner").toString()));
  }

  // The one-walk test for symlink-free paths (SymlinkFreePaths) must agree with realpath wherever it
  // answers, and refuse to answer for links.
  @Test
  void plainPathsNeedNoRealpath() {
    assertTrue(SymlinkFreePaths.test(root.resolve("a/inner/file").toString(), true));
    assertTrue(SymlinkFreePaths.test(root.resolve("a/inner/../inner/file").toString(), true));
    // The link itself, not followed, sits in a plain directory.
    assertTrue(SymlinkFreePaths.test(root.resolve("a/to-secret").toString(), false));
  }

  @Test
  void linksMissingFilesAndMagicLinksGoToRealpath() {
    assertFalse(SymlinkFreePaths.test(root.resolve("a/to-secret").toString(), true));
    assertFalse(SymlinkFreePaths.test(root.resolve("a/escape/secret").toString(), false));
    assertFalse(SymlinkFreePaths.test(root.resolve("a/escape/../a").toString(), true));
    assertFalse(SymlinkFreePaths.test(root.resolve("a/missing").toString(), true));
    assertFalse(SymlinkFreePaths.test("/proc/self/root" + root.resolve("a/inner/file"), true));
  }

  @Test
  void resolvesAsRealpathDoes() throws IOException {
    for (String p : new String[] {"a/inner/file", "a/inner/../inner/./file", "a/to-secret",
        "a/escape/secret", "a/escape/../a/inner", "a/missing/x", "a/inner/.."}) {
      Path abs = root.resolve(p);
      assertEquals(RealPaths.real(abs), RealPaths.resolve(root, p, true), p);
      assertEquals(RealPaths.real(abs.getParent()).resolve(abs.getFileName()).normalize(),
          RealPaths.resolve(root, p, false).normalize(), p);
    }
    assertEquals(root.resolve("a/to-secret"), RealPaths.resolve(root, "a/to-secret", false));
    assertEquals(root.resolve("outside/secret"), RealPaths.resolve(root, "a/to-secret", true));
  }
}
