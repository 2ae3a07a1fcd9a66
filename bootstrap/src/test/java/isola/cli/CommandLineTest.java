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
}
