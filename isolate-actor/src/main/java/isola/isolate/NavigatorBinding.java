package isola.isolate;

import java.util.Locale;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 47_navigator.js: facts about the machine and the user's locale. Deno takes the language
 * from ICU's default locale, which reads LC_ALL, then LC_MESSAGES, then LANG; "C" and "POSIX" are
 * ICU's en-US-u-va-posix, nothing set is "und".
 */
final class NavigatorBinding {
  void register(Map<String, Object> ops) {
    ops.put("op_navigator_hardware_concurrency",
        (ProxyExecutable) args -> Runtime.getRuntime().availableProcessors());
    ops.put("op_navigator_language", (ProxyExecutable) args -> language(System.getenv()));
  }

  /**
   * The default locale of Intl as V8 derives it from ICU's: the language tag without its extensions
   * ("C.UTF-8" is en-US, "de_DE.UTF-8" de-DE).
   */
  static String intlLocale(Map<String, String> env) {
    String tag = language(env);
    int extension = tag.indexOf("-u-");
    if (extension < 0) extension = tag.indexOf("-x-");
    return extension < 0 ? tag : tag.substring(0, extension);
  }

  static String language(Map<String, String> env) {
    String posix = null;
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        posix = value;
        break;
      }
    }
    if (posix == null) return "und";
    String modifier = null;
    int at = posix.indexOf('@');
    if (at >= 0) {
      modifier = posix.substring(at + 1);
      posix = posix.substring(0, at);
    }
    int dot = posix.indexOf('.');
    if (dot >= 0) posix = posix.substring(0, dot);
    if (posix.equals("C") || posix.equals("POSIX")) return "en-US-u-va-posix";
    String[] parts = posix.split("_", 2);
    Locale.Builder builder = new Locale.Builder();
    try {
      builder.setLanguage(parts[0]);
      if (parts.length > 1) builder.setRegion(parts[1]);
    } catch (java.util.IllformedLocaleException e) {
      return "und";
    }
    String tag = builder.build().toLanguageTag();
    return modifier == null || modifier.isEmpty() ? tag : tag + "-x-lvariant-" + modifier;
  }
}
