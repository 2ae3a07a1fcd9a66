package isola.cli;

import java.net.URI;
import java.nio.file.Path;

/** Turns what a user typed for a module (a path or a URL) into the module's absolute URL. */
final class ModuleUrls {
  private ModuleUrls() {}

  static String toUrl(String specifier, Path cwd) {
    if (specifier.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
      return URI.create(specifier).toString();
    }
    return cwd.resolve(specifier).normalize().toUri().toString();
  }
}
