package isola.cli;

/** A program that cannot start (its module is missing, say): the message goes to stderr, exit 1. */
public final class ProgramError extends RuntimeException {
  public ProgramError(String message) {
    super(message, null, false, false);
  }
}
