package isola.ops.fs;

import isola.protocol.ErrorKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The Linux errors file system ops meet, with the text {@code strerror} gives (which the JDK puts in
 * {@code FileSystemException#getReason}) and the {@code Deno.errors} class Deno maps each one to.
 */
public enum Errno {
  EPERM(1, "Operation not permitted", ErrorKind.PermissionDenied),
  ENOENT(2, "No such file or directory", ErrorKind.NotFound),
  EIO(5, "Input/output error", ErrorKind.Error),
  EBADF(9, "Bad file descriptor", ErrorKind.Error),
  EAGAIN(11, "Resource temporarily unavailable", ErrorKind.WouldBlock),
  ENOMEM(12, "Cannot allocate memory", ErrorKind.Error),
  EACCES(13, "Permission denied", ErrorKind.PermissionDenied),
  EBUSY(16, "Device or resource busy", ErrorKind.Busy),
  EEXIST(17, "File exists", ErrorKind.AlreadyExists),
  EXDEV(18, "Invalid cross-device link", ErrorKind.Error),
  ENOTDIR(20, "Not a directory", ErrorKind.NotADirectory),
  EISDIR(21, "Is a directory", ErrorKind.IsADirectory),
  EINVAL(22, "Invalid argument", ErrorKind.TypeError),
  EMFILE(24, "Too many open files", ErrorKind.Error),
  ETXTBSY(26, "Text file busy", ErrorKind.Busy),
  EFBIG(27, "File too large", ErrorKind.Error),
  ENOSPC(28, "No space left on device", ErrorKind.Error),
  ESPIPE(29, "Illegal seek", ErrorKind.Error),
  EROFS(30, "Read-only file system", ErrorKind.Error),
  EMLINK(31, "Too many links", ErrorKind.Error),
  EPIPE(32, "Broken pipe", ErrorKind.BrokenPipe),
  ENAMETOOLONG(36, "File name too long", ErrorKind.Error),
  ENOTEMPTY(39, "Directory not empty", ErrorKind.Error),
  ELOOP(40, "Too many levels of symbolic links", ErrorKind.FilesystemLoop),
  ENOTSUP(95, "Operation not supported", ErrorKind.Error);

  public final int number;
  public final String text;
  public final ErrorKind kind;

  Errno(int number, String text, ErrorKind kind) {
    this.number = number;
    this.text = text;
    this.kind = kind;
  }

  private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();
  private static final Map<String, Errno> BY_TEXT = new HashMap<>();

  static {
    for (Errno e : values()) {
      BY_NUMBER.put(e.number, e);
      BY_TEXT.put(e.text, e);
    }
  }

  public static Errno ofNumber(int number) {
    return BY_NUMBER.get(number);
  }

  /** The errno whose strerror text starts {@code reason} (the JDK appends to some), or null. */
  static Errno ofText(String reason) {
    if (reason == null) return null;
    Errno exact = BY_TEXT.get(reason);
    if (exact != null) return exact;
    for (Errno e : values()) {
      if (reason.startsWith(e.text)) return e;
    }
    return null;
  }

  /** Deno's text for an OS error: {@code No such file or directory (os error 2)}. */
  String describe() {
    return text + " (os error " + number + ")";
  }
}
