package isola.protocol;

/** One {@code Deno.DirEntry}. */
public record DirEntry(String name, boolean isFile, boolean isDirectory, boolean isSymlink)
    implements CborSerializable {}
