package isola.protocol;

/**
 * The error classes an op can fail with: Deno's {@code Deno.errors.*} names plus the plain JS classes.
 * The JS side maps each name to its class, so names must match Deno's exactly.
 */
public enum ErrorKind {
  Error,
  TypeError,
  RangeError,
  NotFound,
  PermissionDenied,
  NotCapable,
  ConnectionRefused,
  ConnectionReset,
  ConnectionAborted,
  NotConnected,
  AddrInUse,
  AddrNotAvailable,
  BrokenPipe,
  AlreadyExists,
  InvalidData,
  TimedOut,
  Interrupted,
  WriteZero,
  WouldBlock,
  UnexpectedEof,
  BadResource,
  Http,
  Busy,
  NotSupported,
  FilesystemLoop,
  IsADirectory,
  NetworkUnreachable,
  NotADirectory
}
