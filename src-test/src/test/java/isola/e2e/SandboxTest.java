package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isola.cli.Main;
import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escapes from a path grant where isola is stricter than Deno (so no fixture blessed by Deno can pin
 * them): symlinks are resolved before the check, so a link inside a granted directory does not open
 * what it points to outside. Each script prints one line per attempt.
 */
class SandboxTest {
  private static IsolaHost host;
  @TempDir static Path tmp;
  static Path root;

  @BeforeAll
  static void layout() throws Exception {
    host = IsolaHost.start("sandbox");
    root = tmp.toRealPath();
    Files.createDirectories(root.resolve("granted/sub"));
    Files.createDirectories(root.resolve("outside"));
    Files.writeString(root.resolve("outside/secret.txt"), "secret");
    Files.writeString(root.resolve("granted/ok.txt"), "ok");
    Files.createSymbolicLink(root.resolve("granted/to-secret"), root.resolve("outside/secret.txt"));
    Files.createSymbolicLink(root.resolve("granted/to-outside"), Path.of("../outside"));
    Files.createSymbolicLink(root.resolve("granted/sub/up"), Path.of("../.."));
    Files.createSymbolicLink(root.resolve("granted/sub/removable"), Path.of("../.."));
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private String run(String script, String... flags) throws Exception {
    Path file = root.resolve("main.js");
    Files.writeString(file, script);
    List<String> argv = new ArrayList<>(List.of("run"));
    argv.addAll(List.of(flags));
    argv.add(file.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = host.run(Main.programSpec(argv, root.resolve("granted")), new HostOutput(out, err))
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final String ATTEMPT = """
      const attempt = (label, f) => {
        try { f(); console.log(label + ": ok"); }
        catch (e) { console.log(label + ": " + e.name); }
      };
      """;

  @Test
  void symlinksOutOfAReadGrantAreNotCapable() throws Exception {
    String out = run(ATTEMPT + """
        attempt("plain", () => Deno.readTextFileSync("ok.txt"));
        attempt("link to file", () => Deno.readTextFileSync("to-secret"));
        attempt("link to dir", () => Deno.readTextFileSync("to-outside/secret.txt"));
        attempt("link up", () => Deno.readTextFileSync("sub/up/outside/secret.txt"));
        attempt("readDir via link", () => [...Deno.readDirSync("to-outside")]);
        attempt("lstat link itself", () => Deno.lstatSync("to-secret"));
        attempt("readLink itself", () => Deno.readLinkSync("to-secret"));
        try { await Deno.readTextFile("to-secret"); console.log("async link: ok"); }
        catch (e) { console.log("async link: " + e.name); }
        """, "--allow-read=" + root.resolve("granted"));
    assertEquals("""
        plain: ok
        link to file: NotCapable
        link to dir: NotCapable
        link up: NotCapable
        readDir via link: NotCapable
        lstat link itself: ok
        readLink itself: ok
        async link: NotCapable
        """, out);
  }

  @Test
  void writesThroughSymlinksOutOfAWriteGrantAreNotCapable() throws Exception {
    String out = run(ATTEMPT + """
        attempt("write via link", () => Deno.writeTextFileSync("to-secret", "pwned"));
        attempt("create via dir link", () => Deno.writeTextFileSync("to-outside/new.txt", "x"));
        attempt("mkdir via dir link", () => Deno.mkdirSync("to-outside/d/e", { recursive: true }));
        attempt("remove link itself", () => Deno.removeSync("sub/removable"));
        console.log(Deno.readTextFileSync("../outside/secret.txt"));
        """, "--allow-read", "--allow-write=" + root.resolve("granted"));
    assertEquals("""
        write via link: NotCapable
        create via dir link: NotCapable
        mkdir via dir link: NotCapable
        remove link itself: ok
        secret
        """, out);
    assertEquals(List.of(), Files.list(root.resolve("outside")).filter(p -> !p.endsWith("secret.txt")).toList());
  }
}
