package org.migcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Build time: describes each subcommand's annotated picocli model in a resource that {@link
 * CompiledSpec} turns back into the same model without reading annotations. Run at
 * process-classes (pom.xml) with the classes directory as its argument. A command using
 * something the description cannot carry (argument groups, converters, inherited options...)
 * gets no resource and keeps the annotated path; a test asserts that every command has one.
 */
public final class CompiledSpecWriter {
  private CompiledSpecWriter() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve("org/migcheck/cli")
        .resolve(CompiledSpec.resource("x")).getParent();
    Files.createDirectories(dir);
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine tree = Cli.commandLine(new CliContext(none, none, InputStream.nullInputStream()));
    for (Map.Entry<String, CommandLine> e : tree.getSubcommands().entrySet()) {
      Path file = dir.resolve(Path.of(CompiledSpec.resource(e.getKey())).getFileName());
      Files.deleteIfExists(file);
      try {
        Files.writeString(file, describe(e.getValue().getCommandSpec()), StandardCharsets.UTF_8);
      } catch (UnsupportedOperationException ex) {
        System.err.println("migcheck: no compiled spec for '" + e.getKey() + "' (the annotated"
            + " model is used): " + ex.getMessage());
      }
    }
  }

  /** The description of one command's model; UnsupportedOperationException if it cannot. */
  static String describe(CommandSpec spec) {
    require(spec.argGroups().isEmpty(), "argument groups");
    require(spec.unmatchedArgsBindings().isEmpty(), "@Unmatched");
    require(spec.parentCommandElements().isEmpty(), "@ParentCommand");
    require(spec.subcommands().isEmpty(), "subcommands");
    require(spec.aliases().length == 0, "aliases");
    require(spec.defaultValueProvider() == null, "a default value provider");
    require(spec.modelTransformer() == null, "a model transformer");
    require(noPreprocessor(spec.preprocessor()), "a preprocessor");
    require(spec.scopeType() == CommandLine.ScopeType.LOCAL && !spec.inherited(), "inheritance");
    StringBuilder out = new StringBuilder();
    line(out, CompiledSpec.FORMAT);
    line(out, "C", spec.userObject().getClass().getName());
    Map<Object, Integer> holders = new IdentityHashMap<>();
    holders.put(spec.userObject(), 0);
    mixins(spec, 0, holders, out);
    for (IAnnotatedElement e : spec.specElements()) {
      Field f = field(e.userObject(), "@Spec");
      require(f.getDeclaringClass().isInstance(spec.userObject()), "@Spec outside the command");
      line(out, "S", f.getDeclaringClass().getName(), f.getName());
    }
    for (ArgSpec arg : spec.args()) {
      arg(arg, holders, out);
    }
    return out.toString();
  }

  /** The @Mixin fields, nested ones after their parent, numbered in that order. */
  private static void mixins(CommandSpec spec, int parent, Map<Object, Integer> holders,
      StringBuilder out) {
    for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
      CommandSpec mixin = m.getValue();
      require(mixin.specElements().isEmpty(), "@Spec in a mixin");
      int index = holders.size();
      holders.put(mixin.userObject(), index);
      IAnnotatedElement element = spec.mixinAnnotatedElements().get(m.getKey());
      if (element == null) { // picocli's -h and -V (mixinStandardHelpOptions): in no field
        require(mixin.mixins().isEmpty(), "mixin " + m.getKey() + " without a field");
        line(out, "M", "-1", mixin.userObject().getClass().getName(), null);
        continue;
      }
      Field f = field(element.userObject(), "mixin " + m.getKey());
      line(out, "M", Integer.toString(parent), f.getDeclaringClass().getName(), f.getName());
      mixins(mixin, index, holders, out);
    }
  }

  private static void arg(ArgSpec arg, Map<Object, Integer> holders, StringBuilder out) {
    String what = arg.toString();
    require(arg.converters().length == 0, "a converter on " + what);
    require(!arg.interactive(), "interactive " + what);
    require(!arg.inherited() && arg.scopeType() == CommandLine.ScopeType.LOCAL,
        "inherited " + what);
    require(noPreprocessor(arg.preprocessor()), "a preprocessor on " + what);
    require(!arg.typeInfo().isMap() && !arg.typeInfo().isOptional(), "the type of " + what);
    String defaultValue = (String) raw(ArgSpec.class, arg, "defaultValue");
    require(!"_NULL_".equals(defaultValue), "a null default on " + what);
    Integer holder = holders.get(target(arg));
    require(holder != null && arg.userObject() instanceof Field, "the binding of " + what);
    Field f = (Field) arg.userObject();
    StringBuilder l = new StringBuilder();
    l.append(arg.isOption() ? "O" : "P");
    add(l, Integer.toString(holder), f.getDeclaringClass().getName(), f.getName());
    if (arg.isOption()) {
      add(l, String.join(" ", (String[]) raw(OptionSpec.class, arg, "names")));
    } else {
      range(l, ((PositionalParamSpec) arg).index());
    }
    range(l, arg.arity());
    StringBuilder aux = new StringBuilder();
    for (Class<?> c : arg.auxiliaryTypes()) {
      aux.append(aux.length() == 0 ? "" : " ").append(c.getName());
    }
    add(l, arg.type().getName(), aux.toString(),
        (String) raw(ArgSpec.class, arg, "splitRegex"),
        (String) raw(ArgSpec.class, arg, "splitRegexSynopsisLabel"),
        defaultValue, flag(arg.required()),
        (String) raw(ArgSpec.class, arg, "paramLabel"),
        flag(arg.hideParamSyntax()), flag(arg.hidden()),
        arg.parameterConsumer() == null ? null : arg.parameterConsumer().getClass().getName(),
        arg.toString());
    if (arg instanceof OptionSpec o) {
      String fallback = (String) raw(OptionSpec.class, o, "fallbackValue");
      require(!"_NULL_".equals(fallback), "a null fallback on " + what);
      add(l, flag(o.help()), flag(o.usageHelp()), flag(o.versionHelp()), flag(o.negatable()),
          fallback, Integer.toString(o.order()));
    }
    out.append(l).append('\n');
  }

  /** None, or picocli's own default, which does nothing (the description cannot carry one). */
  private static boolean noPreprocessor(CommandLine.IParameterPreprocessor p) {
    return p == null || p.getClass().getSimpleName().equals("NoOpParameterPreprocessor");
  }

  /** The object whose field an option sets: the command, a mixin or picocli's help mixin. */
  private static Object target(ArgSpec arg) {
    try {
      return arg.scope() == null ? null : arg.scope().get();
    } catch (Exception e) {
      throw new IllegalStateException("no scope for " + arg, e);
    }
  }

  private static void range(StringBuilder l, Range r) {
    require(!r.isUnresolved() && !r.isRelative(), "the range " + r.originalValue());
    add(l, Integer.toString(r.min()), Integer.toString(r.max()), flag(r.isVariable()),
        flag(r.isUnspecified()), r.originalValue());
  }

  private static Field field(Object userObject, String what) {
    require(userObject instanceof Field, what + " is not a field");
    return (Field) userObject;
  }

  /** A picocli model field before variable interpolation: what the builder takes. */
  private static Object raw(Class<?> declaring, Object spec, String name) {
    try {
      Field f = declaring.getDeclaredField(name);
      f.setAccessible(true);
      return f.get(spec);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("picocli " + CommandLine.VERSION + " has no " + name, e);
    }
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }

  private static void line(StringBuilder out, String first, String... rest) {
    StringBuilder l = new StringBuilder(CompiledSpec.escape(first));
    add(l, rest);
    out.append(l).append('\n');
  }

  private static void add(StringBuilder l, String... fields) {
    for (String s : fields) {
      l.append('\t').append(CompiledSpec.escape(s));
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new UnsupportedOperationException("cannot describe " + what);
    }
  }
}
