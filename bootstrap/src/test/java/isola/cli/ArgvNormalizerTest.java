package isola.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import isola.protocol.IsolateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgvNormalizerTest {
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
  void rewritesOnlyBareOptionalValueFlags() {
    assertArrayEquals(
        new String[] {"test", "--fail-fast=1", "a_test.js", "--allow-read=/tmp", "--allow-net=", "--filter", "x"},
        ArgvNormalizer.normalize(new String[] {"test", "--fail-fast", "a_test.js", "--allow-read=/tmp", "-N", "--filter", "x"}));
    assertArrayEquals(
        new String[] {"run", "--allow-env=", "s.js", "-R", "--", "y"},
        ArgvNormalizer.normalize(new String[] {"run", "-E", "s.js", "-R", "--", "y"}));
  }
}
