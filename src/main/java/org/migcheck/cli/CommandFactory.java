package org.migcheck.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Creates commands with the streams of one run. Public with a no-argument constructor so that
 * picocli's build-time generators (man pages, shell completion) can build the command tree.
 */
public final class CommandFactory implements CommandLine.IFactory {
  private final CliContext context;

  /** The process's own streams: what picocli's generators use. */
  public CommandFactory() {
    this(new CliContext(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        System.in));
  }

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    try {
      return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
