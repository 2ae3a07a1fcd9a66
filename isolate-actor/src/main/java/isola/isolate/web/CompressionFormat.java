package isola.isolate.web;

/** The formats of CompressionStream and DecompressionStream, by their Web names. */
public enum CompressionFormat {
  GZIP, DEFLATE, DEFLATE_RAW;

  public static CompressionFormat of(String name) {
    return switch (name) {
      case "gzip" -> GZIP;
      case "deflate" -> DEFLATE;
      case "deflate-raw" -> DEFLATE_RAW;
      default -> throw new IllegalArgumentException("unknown compression format " + name);
    };
  }
}
