package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher itself, {@code bin/isola}, as a user runs it: a new JVM per case, the JIT on by default,
 * exit codes and streams as Deno's. The project is built by the time this module's tests run, so the
 * launcher is told not to rebuild.
 */
class LauncherTest {
  static final Path LAUNCHER = Path.of("..", "bin", "isola").toAbsolutePath().normalize();

  record Run(int exitCode, String stdout, String stderr) {}

  static Run isola(Path cwd, Map<String, String> env, String... args) throws Exception {
    return launch(LAUNCHER, cwd, env, args);
  }

  static Run launch(Path launcher, Path cwd, Map<String, String> env, String... args) throws Exception {
    return launch(launcher, cwd, env, null, args);
  }

  static Run launch(Path launcher, Path cwd, Map<String, String> env, Path stdin, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().put("ISOLA_SKIP_BUILD", "1");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("isola-out", ".txt");
    Path err = Files.createTempFile("isola-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) pb.redirectInput(stdin.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "isola " + String.join(" ", args) + " timed out");
    Run run = new Run(p.exitValue(), read(out), read(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /**
   * {@code isola serve}: the module's default export answers HTTP until the process is stopped; a
   * module without one gets Deno's error after it ran.
   */
  @Test
  void servesTheDefaultExport(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("handler.js"), """
        console.log("module ran", Deno.args);
        export default {
          fetch(req) {
            return Response.json({ method: req.method, path: new URL(req.url).pathname });
          },
        };
        """);
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0", "--host", "127.0.0.1", "handler.js", "x")
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(err.toFile());
    pb.environment().put("ISOLA_SKIP_BUILD", "1");
    Process p = pb.start();
    try {
      String listening = "";
      for (int i = 0; i < 600 && !listening.contains("\n"); i++) {
        Thread.sleep(100);
        listening = Files.readString(err);
      }
      var matcher = java.util.regex.Pattern.compile("deno serve: Listening on http://127.0.0.1:(\\d+)/\n").matcher(listening);
      assertTrue(matcher.matches(), listening);
      var client = java.net.http.HttpClient.newHttpClient();
      var response = client.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + matcher.group(1) + "/a/b"))
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertEquals("{\"method\":\"POST\",\"path\":\"/a/b\"}", response.body());
      assertEquals("module ran [ \"x\" ]\n", Files.readString(dir.resolve("out.txt")));
    } finally {
      p.destroyForcibly().waitFor();
    }
    Files.writeString(dir.resolve("plain.js"), "console.log('plain');\n");
    Run plain = isola(dir, Map.of(), "serve", "plain.js");
    assertEquals(new Run(0, "plain\n",
        "error: deno serve requires export default { fetch } in the main module, did you mean to run \"deno run\"?\n"),
        plain);
  }

  /** Deno.stdin reads what is piped in: read, readable, readSync, and null at the end. */
  @Test
  void readsStandardInput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("in.txt"), "hello world\nline two\n");
    Files.writeString(dir.resolve("stdin.js"), """
        const buf = new Uint8Array(5);
        const n = await Deno.stdin.read(buf);
        console.log(n, new TextDecoder().decode(buf.subarray(0, n)));
        let text = "";
        for await (const chunk of Deno.stdin.readable) text += new TextDecoder().decode(chunk);
        console.log(JSON.stringify(text), await Deno.stdin.read(buf), Deno.stdin.readSync(buf));
        """);
    Run r = launch(LAUNCHER, dir, Map.of(), dir.resolve("in.txt"), "run", "stdin.js");
    assertEquals(new Run(0, "5 hello\n\" world\\nline two\\n\" null null\n", ""), r);
  }

  @Test
  void parsesDatesWithoutAnOffsetInTheLocalTimeZone(@TempDir Path dir) throws Exception {
    // As V8 does: ISO date-only forms are UTC, every other form without an offset is local time
    // (GraalJS's default read the legacy forms as UTC). Expected values from Deno 2.9.6.
    Files.writeString(dir.resolve("dates.js"), """
        for (const s of ["2024-03-15", "2024-03-15T10:00", "March 15, 2024", "15 Mar 2024", "2024/03/15 10:00", "3/15/2024"]) {
          console.log(s, Date.parse(s));
        }
        """);
    Run r = isola(dir, Map.of("TZ", "America/New_York"), "run", "dates.js");
    assertEquals(new Run(0, """
        2024-03-15 1710460800000
        2024-03-15T10:00 1710511200000
        March 15, 2024 1710475200000
        15 Mar 2024 1710475200000
        2024/03/15 10:00 1710511200000
        3/15/2024 1710475200000
        """, ""), r);
  }

  @Test
  void runsTheReadmeExample() throws Exception {
    Run r = isola(LAUNCHER.getParent().getParent(), Map.of(), "run", "examples/hello.js");
    assertEquals("Hello from isola!\n", r.stdout());
    assertEquals("", r.stderr());
    assertEquals(0, r.exitCode());
  }

  @Test
  void exitCodesAreDenos(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("exit.js"), "console.log(Deno.args.join(','));\nDeno.exit(42);\n");
    Files.writeString(dir.resolve("throw.js"), "throw new Error('boom');\n");
    Run exit = isola(dir, Map.of(), "run", "exit.js", "a", "b");
    assertEquals(new Run(42, "a,b\n", ""), exit);
    Run thrown = isola(dir, Map.of(), "run", "throw.js");
    assertEquals(1, thrown.exitCode());
    assertTrue(thrown.stderr().startsWith("error: Uncaught (in promise) Error: boom\n"), thrown.stderr());
  }

  /**
   * localStorage outlives the run that wrote it, in $ISOLA_DIR, per main module; also when the run
   * ends with Deno.exit or an uncaught error right after the write.
   */
  @Test
  void localStorageOutlivesTheRun(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("count.js"), """
        const n = Number(localStorage.getItem("n") ?? 0) + 1;
        localStorage.setItem("n", String(n));
        sessionStorage.setItem("n", String(n));
        console.log(n, sessionStorage.length);
        if (n === 2) Deno.exit(3);
        if (n === 3) throw new Error("after the write");
        """);
    Files.writeString(dir.resolve("other.js"), "console.log(localStorage.length);\n");
    Map<String, String> env = Map.of("ISOLA_DIR", dir.resolve("data").toString());
    assertEquals(new Run(0, "1 1\n", ""), isola(dir, env, "run", "count.js"));
    assertEquals(new Run(3, "2 1\n", ""), isola(dir, env, "run", "count.js"));
    assertEquals(1, isola(dir, env, "run", "count.js").exitCode());
    assertEquals(new Run(0, "4 1\n", ""), isola(dir, env, "run", "count.js"));
    assertEquals(new Run(0, "0\n", ""), isola(dir, env, "run", "other.js"));
  }

  /**
   * node:readline over process.stdin (outputs checked against Deno 2.9.6): line events with "\r\n"
   * and an unterminated last line, async iteration, a question answered from the input.
   */
  @Test
  void nodeReadlineReadsStandardInput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("in.txt"), "a\nb\r\nc");
    Files.writeString(dir.resolve("lines.js"), """
        import readline from "node:readline";
        const rl = readline.createInterface({ input: process.stdin });
        let n = 0;
        rl.on("line", (line) => console.log("line", ++n, JSON.stringify(line)));
        rl.on("close", () => console.log("closed", n));
        """);
    assertEquals(new Run(0, "line 1 \"a\"\nline 2 \"b\"\nline 3 \"c\"\nclosed 3\n", ""),
        launch(LAUNCHER, dir, Map.of(), dir.resolve("in.txt"), "run", "lines.js"));
    Files.writeString(dir.resolve("iterate.js"), """
        import { createInterface } from "node:readline";
        const lines = [];
        for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line);
        console.log(lines);
        """);
    assertEquals(new Run(0, "[ \"a\", \"b\", \"c\" ]\n", ""),
        launch(LAUNCHER, dir, Map.of(), dir.resolve("in.txt"), "run", "iterate.js"));
    Files.writeString(dir.resolve("ask.js"), """
        import readline from "node:readline";
        const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
        rl.question("first? ", (answer) => {
          console.log("got", answer);
          rl.close();
        });
        rl.on("close", () => console.log("bye"));
        """);
    assertEquals(new Run(0, "first? got a\nbye\n", ""),
        launch(LAUNCHER, dir, Map.of(), dir.resolve("in.txt"), "run", "ask.js"));
  }

  /** --env-file loads variables the process does not already have; a missing file is a warning. */
  @Test
  void envFileLoadsVariables(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".env"), "A=from-file\nB=\"two words\" # note\n");
    Files.writeString(dir.resolve("env.js"), "console.log(Deno.env.get('A'), Deno.env.get('B'));\n");
    assertEquals(new Run(0, "from-file two words\n", ""), isola(dir, Map.of(), "run", "--env-file", "-E", "env.js"));
    assertEquals(new Run(0, "outer two words\n", ""),
        isola(dir, Map.of("A", "outer"), "run", "--env-file=.env", "--allow-env", "env.js"));
    Run missing = isola(dir, Map.of(), "run", "--env-file=nope.env", "-E", "env.js");
    assertEquals(new Run(0, "undefined undefined\n", "Warning The `--env-file` flag was used, but the environment file"
        + " specified 'nope.env' was not found.\n"), missing);
  }

  @Test
  void reportsAMissingMainModule(@TempDir Path dir) throws Exception {
    Run r = isola(dir, Map.of(), "run", "nope.js");
    assertEquals(1, r.exitCode());
    assertEquals("error: Module not found \"" + dir.toUri()
        + "nope.js\".\n", r.stderr());
  }

  @Test
  void evalRunsCodeWithArgs(@TempDir Path dir) throws Exception {
    Run r = isola(dir, Map.of(), "eval", "console.log(1 + 1, Deno.args)", "x");
    assertEquals(new Run(0, "2 [ \"x\" ]\n", ""), r);
  }

  @Test
  void acceptsPermissionFlagsAndRunsWithoutTheJit(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("p.js"), "console.log(typeof Deno.exit);\n");
    Run r = isola(dir, Map.of("ISOLA_JIT", "0"),
        "run", "--allow-read=/tmp,/etc", "-W", "--allow-net", "--deny-env=HOME", "-A", "p.js");
    assertEquals(new Run(0, "function\n", ""), r);
    Run flag = isola(dir, Map.of(), "--no-jit", "run", "p.js");
    assertEquals(new Run(0, "function\n", ""), flag);
  }

  @Test
  void printsVersionAndHelp(@TempDir Path dir) throws Exception {
    Run version = isola(dir, Map.of(), "--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.stdout().startsWith("isola 0.1.0"), version.stdout());
    Run help = isola(dir, Map.of(), "help");
    assertEquals(0, help.exitCode());
    assertTrue(help.stdout().contains("run") && help.stdout().contains("eval"), help.stdout());
  }

  @Test
  void saysWhatItNeedsWithoutAJdk25(@TempDir Path dir) throws Exception {
    // A fresh checkout with no cached JDK, and nothing usable where the launcher looks.
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("bin"));
    for (String script : List.of("isola", "find-jdk")) {
      Files.copy(LAUNCHER.resolveSibling(script), checkout.resolve("bin").resolve(script));
    }
    Run r = launch(checkout.resolve("bin/isola"), checkout, Map.of("JAVA_HOME", "/nonexistent",
        "ISOLA_JAVA_HOME", "", "ISOLA_JVM_DIR", dir.resolve("jvms").toString()), "run", "x.js");
    assertTrue(r.stderr().contains("isola needs a JDK 25 or newer"), r.stderr());
    assertEquals(2, r.exitCode());
  }
}
