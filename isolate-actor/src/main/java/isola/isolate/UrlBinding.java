package isola.isolate;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.shadowed.com.ibm.icu.text.IDNA;

/**
 * Sync op of 43_url.js: the URL Standard's domain-to-ASCII, which is UTS #46 ToASCII with
 * Transitional_Processing, UseSTD3ASCIIRules, CheckHyphens and VerifyDnsLength off, CheckBidi and
 * CheckJoiners on. ICU implements UTS #46; the errors the URL Standard does not check are ignored.
 */
final class UrlBinding {
  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
  private static final Set<IDNA.Error> IGNORED = EnumSet.of(
      IDNA.Error.EMPTY_LABEL,
      IDNA.Error.LABEL_TOO_LONG,
      IDNA.Error.DOMAIN_NAME_TOO_LONG,
      IDNA.Error.LEADING_HYPHEN,
      IDNA.Error.TRAILING_HYPHEN,
      IDNA.Error.HYPHEN_3_4);

  void register(Map<String, Object> ops) {
    ops.put("op_url_domain_to_ascii", (ProxyExecutable) args -> domainToAscii(args[0].asString()));
  }

  /** The ASCII domain, or null when the domain is invalid. */
  static String domainToAscii(String domain) {
    IDNA.Info info = new IDNA.Info();
    StringBuilder out = UTS46.nameToASCII(domain, new StringBuilder(), info);
    for (IDNA.Error error : info.getErrors()) {
      if (!IGNORED.contains(error)) return null;
    }
    return out.toString();
  }
}
