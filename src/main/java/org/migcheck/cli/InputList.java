package org.migcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Takes the values of a list option up to the next option of the command, as in
 * {@code --fleet a.xml dir/ --candidate new/}. The CLI lets option values start with a dash
 * ({@code --feature -hle}), so picocli's own variable arity would take option names as values.
 */
final class InputList implements IParameterConsumer {
  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    List<String> values = argSpec.getValue();
    if (values == null) {
      values = new ArrayList<>();
      argSpec.setValue(values);
    }
    int taken = 0;
    while (!args.isEmpty() && !isOption(args.peek(), commandSpec)) {
      values.add(args.pop());
      taken++;
    }
    if (taken == 0) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(),
          "Missing required parameter for option '" + ((CommandLine.Model.OptionSpec) argSpec).longestName() + "'");
    }
  }

  private static boolean isOption(String arg, CommandSpec spec) {
    int eq = arg.indexOf('=');
    String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
    return spec.optionsMap().containsKey(name);
  }
}
