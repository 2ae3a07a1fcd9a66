package isola.ops.fs;

import isola.ops.OpException;
import isola.protocol.ErrorKind;
import isola.protocol.FileOp;
import isola.protocol.FsOp;
import isola.protocol.OpError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One open file of {@code Deno.open}. Its {@code *Sync} methods run inline on the isolate thread, its
 * async ones in the file's resource actor; {@link FileChannel} is safe for both. Errors carry no path,
 * as Deno's resource op errors do not.
 */
public final class OpenFile implements AutoCloseable {
  private final FileChannel channel;
  private final Path path;

  private OpenFile(FileChannel channel, Path path) {
    this.channel = channel;
    this.path = path;
  }

  public static OpenFile open(FsOp.Open o) throws OpException {
    Set<OpenOption> options = new HashSet<>();
    if (o.read()) options.add(StandardOpenOption.READ);
    if (o.write()) options.add(StandardOpenOption.WRITE);
    if (o.append()) options.add(StandardOpenOption.APPEND);
    if (o.truncate()) options.add(StandardOpenOption.TRUNCATE_EXISTING);
    if (o.createNew()) options.add(StandardOpenOption.CREATE_NEW);
    else if (o.create()) options.add(StandardOpenOption.CREATE);
    Path p = Path.of(o.path());
    try {
      FileChannel ch = FileChannel.open(p, options, FsSyscalls.permissions(o.mode()));
      return new OpenFile(ch, p);
    } catch (IOException e) {
      throw FsErrors.of(e, FsErrors.context("open", o.shown()));
    }
  }

  public Object run(FileOp op) throws OpException {
    try {
      return switch (op) {
        case FileOp.Read r -> read(r.length());
        case FileOp.Write w -> write(w.data());
        case FileOp.Seek s -> seek(s.offset(), s.whence());
        case FileOp.Truncate t -> {
          setLength(channel, Math.max(0, t.length()));
          yield null;
        }
        case FileOp.Stat s -> NativeStat.stat(path.toString(), true, null, null);
        case FileOp.Sync s -> {
          channel.force(true);
          yield null;
        }
        case FileOp.SyncData s -> {
          channel.force(false);
          yield null;
        }
        case FileOp.Utime u -> {
          FsSyscalls.setTimes(path, u.atimeMillis(), u.mtimeMillis());
          yield null;
        }
      };
    } catch (IOException | RuntimeException e) {
      throw FsErrors.of(e, null);
    }
  }

  /** The bytes read, or null at end of file. */
  private byte[] read(int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    int n = channel.read(buf);
    if (n < 0) return null;
    return n == length ? buf.array() : Arrays.copyOf(buf.array(), n);
  }

  private int write(byte[] data) throws IOException {
    return channel.write(ByteBuffer.wrap(data));
  }

  private long seek(long offset, int whence) throws IOException, OpException {
    long base = switch (whence) {
      case 0 -> 0;
      case 1 -> channel.position();
      case 2 -> channel.size();
      default -> throw new OpException(OpError.of(ErrorKind.TypeError, "Invalid seek mode: " + whence));
    };
    long target = base + offset;
    if (target < 0) throw FsErrors.of(Errno.EINVAL, null);
    channel.position(target);
    return target;
  }

  /** Shrinks or grows (with zeros) to {@code length}, as ftruncate(2). */
  static void setLength(FileChannel ch, long length) throws IOException {
    long size = ch.size();
    if (length < size) {
      ch.truncate(length);
    } else if (length > size) {
      ch.write(ByteBuffer.wrap(new byte[1]), length - 1);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Deno's close does not report errors either.
    }
  }
}
