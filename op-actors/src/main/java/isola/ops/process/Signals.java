package isola.ops.process;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import isola.ops.NativeCalls;
import isola.ops.OpException;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Linux's signals by Deno's names, and {@code kill(2)} through the FFM API: the JDK can only send
 * SIGTERM and SIGKILL, Deno's {@code kill(signo)} takes any signal.
 */
public final class Signals {
  private static final int ESRCH = 3;
  private static final int EPERM = 1;
  private static final int EINVAL = 22;
  private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
  private static final String[] BY_NUMBER = new String[32];
  private static final MethodHandle KILL =
      NativeCalls.downcall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

  static {
    String[] names = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
        "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
    for (int i = 1; i < names.length; i++) {
      BY_NAME.put(names[i], i);
      BY_NUMBER[i] = names[i];
    }
    BY_NAME.put("SIGIOT", 6);
    BY_NAME.put("SIGPOLL", 29);
  }

  private Signals() {}

  /** The number of a signal by its name, or Deno's TypeError (a number is taken as it is, by the caller). */
  public static int number(String signo) throws OpException {
    Integer n = BY_NAME.get(signo);
    if (n == null) throw new OpException(OpError.of(ErrorKind.TypeError, "Invalid signal: " + signo));
    return n;
  }

  /** The name of signal {@code n}, or null. */
  public static String name(int n) {
    return n > 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : null;
  }

  /** Sends signal {@code n} to {@code pid}; fails as Deno's {@code Deno.kill} does. */
  public static void kill(long pid, int n) throws OpException {
    if (KILL == null) throw new OpException(OpError.of(ErrorKind.NotSupported, "kill is not available"));
    NativeCalls.Scratch scratch = NativeCalls.scratch();
    int result;
    try {
      result = (int) KILL.invokeExact(scratch.errnoState, (int) pid, n);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    if (result == 0) return;
    int errno = scratch.errno();
    if (errno == ESRCH) throw new OpException(OpError.of(ErrorKind.NotFound, "ESRCH: No such process"));
    if (errno == EINVAL) throw new OpException(OpError.of(ErrorKind.TypeError, "EINVAL: Invalid argument"));
    if (errno == EPERM) {
      throw new OpException(OpError.of(ErrorKind.PermissionDenied, "EPERM: Operation not permitted"));
    }
    throw new OpException(OpError.of(ErrorKind.Error, "kill failed: errno " + errno));
  }
}
