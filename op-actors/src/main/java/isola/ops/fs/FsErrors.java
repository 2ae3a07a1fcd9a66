package isola.ops.fs;

import isola.ops.OpException;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Turns what the JDK throws into Deno's errors: the class by errno, {@code err.code} the errno name,
 * and the message {@code <strerror> (os error N): <verb> '<path>'} (or {@code '<a>' -> '<b>'}), with
 * the paths as the script wrote them.
 */
public final class FsErrors {
  private FsErrors() {}

  /** The {@code : verb 'path'} context Deno appends to a path op's error. */
  public static String context(String verb, String shown) {
    return verb + " '" + shown + "'";
  }

  public static String context(String verb, String shownFrom, String shownTo) {
    return verb + " '" + shownFrom + "' -> '" + shownTo + "'";
  }

  /** {@code context} null: no suffix (errors of an open file's ops, as in Deno). */
  public static OpException of(Throwable e, String context) {
    Errno errno = errnoOf(e);
    if (errno == null) {
      String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new OpException(new OpError(ErrorKind.Error, null, withContext(text, context)));
    }
    return of(errno, context);
  }

  static OpException of(Errno errno, String context) {
    return new OpException(new OpError(errno.kind, errno.name(), withContext(errno.describe(), context)));
  }

  /** A failure Deno reports with its own words rather than strerror's. */
  static OpException custom(ErrorKind kind, Errno errno, String text, String context) {
    return new OpException(new OpError(kind, errno.name(), withContext(text, context)));
  }

  private static String withContext(String text, String context) {
    return context == null ? text : text + ": " + context;
  }

  static Errno errnoOf(Throwable e) {
    return switch (e) {
      case NoSuchFileException x -> Errno.ENOENT;
      case FileAlreadyExistsException x -> Errno.EEXIST;
      case AccessDeniedException x -> reasonOr(x, Errno.EACCES);
      case DirectoryNotEmptyException x -> Errno.ENOTEMPTY;
      case NotDirectoryException x -> Errno.ENOTDIR;
      case FileSystemLoopException x -> Errno.ELOOP;
      case NotLinkException x -> Errno.EINVAL;
      case AtomicMoveNotSupportedException x -> Errno.EXDEV;
      case FileSystemException x -> reasonOr(x, null);
      case NonReadableChannelException x -> Errno.EBADF;
      case NonWritableChannelException x -> Errno.EBADF;
      case ClosedChannelException x -> Errno.EBADF;
      case IOException x -> Errno.ofText(x.getMessage());
      default -> null;
    };
  }

  private static Errno reasonOr(FileSystemException e, Errno fallback) {
    Errno byReason = Errno.ofText(e.getReason());
    return byReason != null ? byReason : fallback;
  }
}
