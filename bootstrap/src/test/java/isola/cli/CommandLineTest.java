package isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isola.protocol.IsolateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @Test
  void aBareFlagDoesNotSwallowTheScript(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.js"), "");
    IsolateSpec spec = Main.programSpec(List.of("run", "--allow-read", "-W", "main.js", "--allow-net", "x"), dir);
    assertEquals(dir.resolve("main.js").toUri().toString(), spec.mainModule());
    // After the script everything is the program's.
    assertEquals(List.of("--allow-net", "x"), spec.args());
    assertEquals(List.of(), spec.permissions().read().allow());
  }

  @Test
  void bareOptionalValueFlagsOfTestTakeTheirDefault() {
    var parsed = Main.commandLine().parseArgs("test", "--fail-fast", "a_test.js", "--shuffle", "--filter", "x");
    TestCommand test = (TestCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(List.of("a_test.js"), test.paths);
    assertEquals("", test.failFast);
    assertEquals("", test.shuffle);
    assertEquals("x", test.filter);
    assertEquals("2", ((TestCommand) Main.commandLine().parseArgs("test", "--fail-fast=2")
        .subcommand().commandSpec().userObject()).failFast);
  }

  @Test
  void optionsAfterTheScriptAreTheProgramsOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("s.js"), "");
    IsolateSpec spec = Main.programSpec(List.of("run", "-E", "s.js", "--fail-fast", "y"), dir);
    assertEquals(List.of("--fail-fast", "y"), spec.args());
    assertEquals(List.of(), spec.permissions().env().allow());
  }

  @Test
  void clusterFlagsParseAsLists() {
    var parsed = Main.commandLine().parseArgs("serve", "--manifest", "m.json", "--cluster", "--node", "127.0.0.1:2552",
        "--seed", "127.0.0.1:2551,127.0.0.1:2553", "--role", "a,b", "--cluster-config", "c.conf");
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(true, serve.cluster);
    assertEquals("127.0.0.1:2552", serve.node);
    assertEquals(List.of("127.0.0.1:2551", "127.0.0.1:2553"), serve.seeds);
    assertEquals(List.of("a", "b"), serve.roles);
    assertEquals(Path.of("c.conf"), serve.clusterConfig);
  }

  @Test
  void denoFlagsAreTakenAndTheProgramStillGetsItsOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("s.js"), "");
    IsolateSpec spec = Main.programSpec(List.of("run", "--no-check", "-q", "--unstable-kv", "--unstable-net",
        "--seed", "7", "--v8-flags=--max-old-space-size=64", "-r", "--node-modules-dir=auto", "--lock",
        "--cached-only", "--log-level=debug", "--unstable-worker-options", "s.js", "--seed", "--no-check"), dir);
    assertEquals(dir.resolve("s.js").toUri().toString(), spec.mainModule());
    assertEquals(List.of("--seed", "--no-check"), spec.args());
    assertEquals(List.of("worker-options"), spec.unstable());
  }

  @Test
  void flagsWhoseMeaningIsolaLacksAreRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("s.js"), "");
    for (String flag : List.of("--location=http://x/", "--preload=p.js", "--import-map=m.json")) {
      ProgramError e = org.junit.jupiter.api.Assertions.assertThrows(ProgramError.class,
          () -> Main.programSpec(List.of("run", flag, "s.js"), dir));
      assertEquals("error: isola does not support " + flag.substring(0, flag.indexOf('=')) + " yet", e.getMessage());
    }
  }

  @Test
  void envFilesAreReadAsDenoReadsThem() {
    var vars = EnvFile.parse("""
        # a comment
        A=1
        export B="two words"
        C='single $x'
        D=x # trailing comment
        E="line\\none"
        F="multi
        line"
        """);
    assertEquals(java.util.Map.of("A", "1", "B", "two words", "C", "single $x", "D", "x", "E", "line\none",
        "F", "multi\nline"), vars);
  }
}
