package isola.ops.permissions;

/**
 * What {@code Deno.permissions.query} answers. {@code partial}: granted, but some entry below the
 * queried scope is denied.
 */
public record PermissionStatus(State state, boolean partial) {
  public enum State {
    GRANTED, PROMPT, DENIED;

    public String denoName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
