package isola.protocol;

/**
 * A typed failure crossing the op boundary. {@code kind} becomes the JS error class
 * ({@code Deno.errors.NotFound}, {@code TypeError}, ...); {@code code} is the OS code Deno exposes as
 * {@code err.code} ({@code ENOENT}), or null.
 */
public record OpError(ErrorKind kind, String code, String message) {
  public static OpError of(ErrorKind kind, String message) {
    return new OpError(kind, null, message);
  }
}
