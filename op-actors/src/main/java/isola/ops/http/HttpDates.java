package isola.ops.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code date} response header, formatted once per second rather than once per response. */
final class HttpDates {
  private HttpDates() {}

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  private record Stamp(long second, String text) {}

  private static volatile Stamp last = new Stamp(-1, "");

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Stamp s = last;
    if (s.second != second) {
      s = new Stamp(second, FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC)));
      last = s;
    }
    return s.text;
  }
}
