package isola.protocol;

/** An operation on one open file ({@code Deno.FsFile}), one record per Deno op. */
public sealed interface FileOp extends CborSerializable {
  /** Reads up to {@code length} bytes at the file position; the reply is the bytes, or null at EOF. */
  record Read(int length) implements FileOp {}

  /** The reply is the number of bytes written. */
  record Write(byte[] data) implements FileOp {}

  /** {@code whence}: Deno.SeekMode (0 start, 1 current, 2 end); the reply is the new position. */
  record Seek(long offset, int whence) implements FileOp {}

  record Truncate(long length) implements FileOp {}

  record Stat() implements FileOp {}

  record Sync() implements FileOp {}

  record SyncData() implements FileOp {}

  record Utime(double atimeMillis, double mtimeMillis) implements FileOp {}
}
