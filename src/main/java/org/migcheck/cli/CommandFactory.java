package org.migcheck.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
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

  /**
   * A command with this run's context (a constructor taking a {@link CliContext}), a mixin or
   * other class with its no-argument constructor, anything else as picocli's default factory
   * makes it. The constructors are looked through, not asked for: a missing one is an exception
   * whose message the JDK builds with streams and lambdas, and picocli's factory first tries a
   * constructor it may not call (another exception), which cost every run some ms on a cold JVM
   * before its command started.
   */
  @Override
  public <K> K create(Class<K> cls) throws Exception {
    Constructor<?> noArguments = null;
    for (Constructor<?> c : cls.getDeclaredConstructors()) {
      Class<?>[] parameters = c.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliContext.class) {
        return cls.cast(c.newInstance(context));
      }
      if (parameters.length == 0) {
        noArguments = c;
      }
    }
    if (noArguments != null && !Modifier.isAbstract(cls.getModifiers())) {
      noArguments.setAccessible(true);
      return cls.cast(noArguments.newInstance());
    }
    return CommandLine.defaultFactory().create(cls);
  }
}
