package isola.isolate;

import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.shadowed.com.ibm.icu.util.TimeZone;

/**
 * Sync ops of 09_date.js. V8 names a time zone by ICU's canonical id, which keeps the older names
 * ("Asia/Calcutta", "Europe/Kiev", "America/New_York" for US/Eastern); GraalJS gives the IANA name it
 * was handed.
 */
final class DateBinding {
  void register(Map<String, Object> ops) {
    ops.put("op_canonical_time_zone", (ProxyExecutable) args -> {
      String id = args[0].asString();
      String canonical = TimeZone.getCanonicalID(id);
      return canonical == null ? id : canonical;
    });
  }
}
