package isola.protocol;

/**
 * Everything {@code Deno.FileInfo} holds. Times are milliseconds since the epoch, null where the file
 * system does not record them (birthtime on many Linux file systems); as in Deno.
 */
public record FileInfo(
    boolean isFile,
    boolean isDirectory,
    boolean isSymlink,
    long size,
    Double mtime,
    Double atime,
    Double birthtime,
    Double ctime,
    long dev,
    long ino,
    int mode,
    long nlink,
    int uid,
    int gid,
    long rdev,
    long blksize,
    long blocks,
    boolean isBlockDevice,
    boolean isCharDevice,
    boolean isFifo,
    boolean isSocket)
    implements CborSerializable {

  /** The fields in declaration order, the shape the JS side reads. */
  public Object[] fields() {
    return new Object[] {
      isFile, isDirectory, isSymlink, (double) size, mtime, atime, birthtime, ctime, (double) dev,
      (double) ino, mode, (double) nlink, uid, gid, (double) rdev, (double) blksize, (double) blocks,
      isBlockDevice, isCharDevice, isFifo, isSocket
    };
  }
}
