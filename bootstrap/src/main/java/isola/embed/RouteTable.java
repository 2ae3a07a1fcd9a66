package isola.embed;

import isola.ops.http.HttpExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A manifest's routes to their targets (hosted isolates, or script names in cluster mode), most
 * specific first: a host route beats a path route, a longer path a shorter one. Immutable, so the
 * front door's event loop reads it without locks while the admin threads deploy.
 */
record RouteTable<T>(List<Map.Entry<Manifest.Route, T>> routes) {
  static <T> RouteTable<T> of(List<Map.Entry<Manifest.Route, T>> routes) {
    List<Map.Entry<Manifest.Route, T>> table = new ArrayList<>(routes);
    table.sort(Comparator.comparingInt((Map.Entry<Manifest.Route, T> e) -> e.getKey().specificity()).reversed());
    return new RouteTable<>(List.copyOf(table));
  }

  /** The target whose route matches the request best, or null. */
  T match(HttpExchange exchange) {
    String host = hostOf(exchange);
    String path = pathOf(exchange.url());
    for (Map.Entry<Manifest.Route, T> r : routes) {
      if (r.getKey().matches(host, path)) return r.getValue();
    }
    return null;
  }

  private static String hostOf(HttpExchange exchange) {
    List<String> pairs = exchange.headerPairs();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      if (pairs.get(i).equals("host")) {
        String h = pairs.get(i + 1);
        int colon = h.lastIndexOf(':');
        return colon > 0 && !h.endsWith("]") ? h.substring(0, colon) : h;
      }
    }
    return "";
  }

  private static String pathOf(String url) {
    int start = url.indexOf('/', url.indexOf("//") + 2);
    if (start < 0) return "/";
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int i = url.indexOf(c, start);
      if (i >= 0 && i < end) end = i;
    }
    return url.substring(start, end);
  }
}
