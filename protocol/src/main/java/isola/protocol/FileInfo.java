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

  /**
   * The fields in declaration order as numbers, the shape the JS side reads (30_fs.js, fileInfo):
   * booleans as 1/0, a time the file system does not record as NaN. One host array, whose elements
   * JS reads without a call into the host each (a list of boxed values cost ~40% of a statSync).
   */
  public double[] numbers() {
    return new double[] {
      flag(isFile), flag(isDirectory), flag(isSymlink), size, time(mtime), time(atime), time(birthtime),
      time(ctime), dev, ino, mode, nlink, uid, gid, rdev, blksize, blocks,
      flag(isBlockDevice), flag(isCharDevice), flag(isFifo), flag(isSocket)
    };
  }

  private static double flag(boolean b) {
    return b ? 1 : 0;
  }

  private static double time(Double t) {
    return t == null ? Double.NaN : t;
  }
}
