package isola.isolate;

/**
 * The version part of an {@code npm:} specifier checked against an installed package: exact versions,
 * partial versions ("2", "2.1"), "^", "~", ">=" and "*". Other ranges are accepted as they are (the
 * package in node_modules was installed for them).
 */
final class VersionRange {
  private VersionRange() {}

  static boolean satisfies(String range, String version) {
    String r = range.trim();
    if (r.isEmpty() || r.equals("*") || r.equals("latest")) return true;
    int[] v = parse(version);
    if (v == null) return true;
    char op = r.charAt(0);
    String bare = r.replaceFirst("^(\\^|~|>=|=|v)", "");
    String[] parts = bare.split("\\.");
    int[] want = parse(bare);
    if (want == null) return !bare.matches("[0-9.xX*]+") || partial(parts, v);
    if (r.startsWith(">=")) return compare(v, want) >= 0;
    if (op == '^') {
      if (compare(v, want) < 0) return false;
      if (want[0] != 0) return v[0] == want[0];
      return want[1] != 0 ? v[0] == 0 && v[1] == want[1] : v[0] == 0 && v[1] == 0 && v[2] == want[2];
    }
    if (op == '~') return compare(v, want) >= 0 && v[0] == want[0] && v[1] == want[1];
    return compare(v, want) == 0;
  }

  /** "2" or "2.1" (or "2.x"): the given parts equal. */
  private static boolean partial(String[] parts, int[] v) {
    for (int i = 0; i < parts.length && i < 3; i++) {
      if (parts[i].matches("[xX*]")) return true;
      if (!parts[i].matches("[0-9]+") || Integer.parseInt(parts[i]) != v[i]) return false;
    }
    return true;
  }

  private static int[] parse(String version) {
    String core = version.split("[-+]", 2)[0];
    String[] p = core.split("\\.");
    if (p.length != 3) return null;
    try {
      return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
    }
    return 0;
  }
}
