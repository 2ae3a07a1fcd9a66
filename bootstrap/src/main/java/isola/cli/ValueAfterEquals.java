package isola.cli;

import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;

/**
 * Deno takes an optional flag value only after {@code =} ({@code --allow-read=/tmp},
 * {@code --fail-fast=2}); {@code --allow-read main.js} grants all reads and runs main.js. Picocli would
 * take main.js as the value, so a flag written without {@code =} gets the empty value here, which
 * each option reads as its bare meaning.
 */
public final class ValueAfterEquals implements CommandLine.IParameterPreprocessor {
  @Override
  public boolean preprocess(
      Stack<String> args, CommandLine.Model.CommandSpec command, CommandLine.Model.ArgSpec arg,
      Map<String, Object> info) {
    if (!"=".equals(info.get("separator"))) args.push("");
    return false;
  }
}
