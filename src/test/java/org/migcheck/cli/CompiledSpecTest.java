package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * A subcommand's compiled model ({@link CompiledSpec}) is its annotated one: the same
 * parse-relevant attributes, and a seeded corpus of argument vectors parses to the same field
 * values or the same usage error through both.
 */
class CompiledSpecTest {

  static Stream<String> commands() {
    return Cli.SUBCOMMANDS.keySet().stream().sorted();
  }

  private static CliContext quiet() {
    PrintWriter none = new PrintWriter(new StringWriter());
    return new CliContext(none, none, InputStream.nullInputStream());
  }

  private static CommandSpec annotated(String name) {
    return Cli.commandLine(quiet(), false, name).getSubcommands().get(name).getCommandSpec();
  }

  private static CommandSpec compiled(String name) {
    CommandSpec spec =
        Cli.commandLine(quiet(), true, name).getSubcommands().get(name).getCommandSpec();
    assertThat(isCompiled(spec)).as(name + ": built from its compiled spec").isTrue();
    return spec;
  }

  /** A compiled model has no mixins: their options are its own, bound to the mixins' fields. */
  private static boolean isCompiled(CommandSpec spec) {
    return spec.mixins().isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasACompiledSpec(String name) {
    assertThat(CompiledSpec.build(name, Cli.SUBCOMMANDS.get(name), new CommandFactory(quiet())))
        .as("target/classes has compiled-specs/" + name + ".spec (written at process-classes)")
        .isNotNull();
    assertThat(isCompiled(annotated(name))).isFalse();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theCompiledModelHasTheAnnotatedAttributes(String name) {
    CommandSpec a = annotated(name);
    CommandSpec c = compiled(name);
    assertThat(describe(c)).isEqualTo(describe(a));
    assertThat(List.copyOf(c.optionsMap().keySet())).isEqualTo(List.copyOf(a.optionsMap().keySet()));
    assertThat(List.copyOf(c.negatedOptionsMap().keySet()))
        .isEqualTo(List.copyOf(a.negatedOptionsMap().keySet()));
    assertThat(fields(c.parser())).isEqualTo(fields(a.parser()));
    assertThat(c.qualifiedName()).isEqualTo(a.qualifiedName());
    assertThat(c.userObject().getClass()).isEqualTo(a.userObject().getClass());
    assertThat(c.interpolateVariables()).isEqualTo(a.interpolateVariables());
    assertThat(c.defaultValueProvider()).isEqualTo(a.defaultValueProvider());
    assertThat(c.requiredArgs().size()).isEqualTo(a.requiredArgs().size());
  }

  /** Everything about each option and positional parameter that parsing reads. */
  private static List<String> describe(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (ArgSpec arg : spec.args()) {
      List<Object> d = new ArrayList<>();
      if (arg instanceof OptionSpec o) {
        d.addAll(List.of("option", List.of(o.names()), o.help(), o.usageHelp(), o.versionHelp(),
            o.negatable(), String.valueOf(o.fallbackValue()), o.order()));
      } else {
        PositionalParamSpec p = (PositionalParamSpec) arg;
        d.addAll(List.of("positional", range(p.index())));
      }
      d.addAll(List.of(range(arg.arity()), arg.type(), List.of(arg.auxiliaryTypes()),
          arg.typeInfo().isMultiValue(), arg.typeInfo().isCollection(), arg.typeInfo().isEnum(),
          arg.typeInfo().isBoolean(), String.valueOf(arg.typeInfo().getEnumConstantNames()),
          arg.splitRegex(), arg.splitRegexSynopsisLabel(), String.valueOf(arg.defaultValue()),
          arg.required(), arg.originallyRequired(), arg.paramLabel(), arg.hideParamSyntax(),
          arg.hidden(), arg.interactive(), arg.echo(), arg.scopeType(), arg.inherited(),
          arg.converters().length, String.valueOf(arg.parameterConsumer() == null ? null
              : arg.parameterConsumer().getClass()),
          String.valueOf(arg.preprocessor().getClass()), String.valueOf(arg.completionCandidates()),
          arg.hasInitialValue(), String.valueOf(arg.initialValue()), arg.toString(),
          String.valueOf(arg.userObject()), String.valueOf(arg.mapFallbackValue())));
      // no descriptions or description keys: help comes from the annotated model
      out.add(d.toString());
    }
    return out;
  }

  private static String range(Range r) {
    return r.min() + ".." + r.max() + " variable=" + r.isVariable() + " unspecified="
        + r.isUnspecified() + " original=" + r.originalValue() + " relative=" + r.isRelative();
  }

  /** Every instance field of {@code o} (picocli's parser settings), by name. */
  private static String fields(Object o) {
    StringBuilder b = new StringBuilder();
    for (Field f : o.getClass().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        try {
          b.append(f.getName()).append('=').append(f.get(o)).append('\n');
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // the same outcome for a seeded corpus of argument vectors

  @ParameterizedTest
  @MethodSource("commands")
  void aSeededCorpusParsesAlikeThroughBothModels(String name) {
    CommandSpec spec = annotated(name);
    List<String> options = new ArrayList<>(spec.optionsMap().keySet());
    Random random = new Random(15L * 31 + name.hashCode());
    int errors = 0;
    int parsed = 0;
    for (int i = 0; i < 300; i++) {
      String[] args = i % 2 == 0 ? vector(name, options, random) : plausible(spec, random);
      String a = outcome(false, args);
      String c = outcome(true, args);
      assertThat(c).as(String.join(" ", args)).isEqualTo(a);
      if (a.startsWith("error")) {
        errors++;
      } else {
        parsed++;
      }
    }
    // the corpus reaches both sides (the seed is fixed: these are stable)
    assertThat(errors).as("usage errors").isGreaterThan(20);
    assertThat(parsed).as("parsed vectors").isGreaterThan(20);
  }

  private static final String[] VALUES = {
    "samples/skylake-a.xml", "a.xml,b.xml", "-hle,-rtm", "+pku,-hle", "x", "", "json", "JSON",
    "Text", "html", "junit", "markdown", "xml", "zero", "Measured", "bogus", "12", "-3", "0",
    "h=1.2.3", "host-model,custom", "--", "-", "-x", "--nope", "bundled", "11.3", "dir/",
    "all", "none", "a=b=c", "v3", "Skylake-Server-IBRS",
  };

  /** A random argument vector for command {@code name}, from its options and odd values. */
  private static String[] vector(String name, List<String> options, Random random) {
    List<String> args = new ArrayList<>(List.of(name));
    int n = random.nextInt(7);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      String value = VALUES[random.nextInt(VALUES.length)];
      if (kind < 4) {
        String option = options.get(random.nextInt(options.size()));
        if (option.equals("-h") || option.equals("--help") || option.equals("-V")
            || option.equals("--version")) {
          continue; // help output is the annotations' (see helpThroughACompiledModel...)
        }
        args.add(option);
        args.add(value);
      } else if (kind < 6) {
        String option = options.get(random.nextInt(options.size()));
        if (option.startsWith("--") && !option.equals("--help") && !option.equals("--version")) {
          args.add(option + "=" + value);
        }
      } else if (kind < 7) {
        args.add(options.get(random.nextInt(options.size())).equals("--debug") ? "--debug"
            : "--unknown-" + random.nextInt(3));
      } else {
        args.add(value.startsWith("-") ? "in" + i + ".xml" : value);
      }
    }
    return args.toArray(new String[0]);
  }

  /** A vector that mostly parses: the options' own kinds of values, required ones first. */
  private static String[] plausible(CommandSpec spec, Random random) {
    List<String> args = new ArrayList<>(List.of(spec.name()));
    List<OptionSpec> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.required()) {
        options.add(o);
      }
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      OptionSpec o = spec.options().get(random.nextInt(spec.options().size()));
      if (!o.usageHelp() && !o.versionHelp()) {
        options.add(o);
      }
    }
    for (OptionSpec o : options) {
      String name = o.names()[random.nextInt(o.names().length)];
      String value;
      if (o.typeInfo().isBoolean()) {
        args.add(name);
        continue;
      } else if (o.typeInfo().isEnum()) {
        List<String> names = o.typeInfo().getEnumConstantNames();
        value = names.get(random.nextInt(names.size()));
        value = random.nextBoolean() ? value.toUpperCase(java.util.Locale.ROOT) : value;
      } else if (o.type() == int.class) {
        value = Integer.toString(random.nextInt(40) - 5);
      } else {
        value = "v" + random.nextInt(9) + (o.splitRegex().isEmpty() ? "" : ",w" + random.nextInt(9));
      }
      if (name.startsWith("--") && random.nextBoolean()) {
        args.add(name + "=" + value);
      } else {
        args.add(name);
        args.add(value);
      }
    }
    for (int i = spec.positionalParameters().isEmpty() ? 0 : 1 + random.nextInt(3); i > 0; i--) {
      args.add("in" + i + ".xml");
    }
    return args.toArray(new String[0]);
  }

  /**
   * What parsing {@code args} does: the values of the command's fields and its mixins' (and
   * whether help was asked), or the usage error's message, line on stderr and exit status.
   */
  private static String outcome(boolean compiled, String... args) {
    StringWriter err = new StringWriter();
    PrintWriter none = new PrintWriter(new StringWriter());
    CliContext context = new CliContext(none, new PrintWriter(err, true),
        InputStream.nullInputStream());
    CommandLine cl = Cli.commandLine(context, compiled, args);
    assertThat(isCompiled(cl.getSubcommands().get(args[0]).getCommandSpec()))
        .as("compiled model").isEqualTo(compiled);
    CommandLine.ParseResult result;
    try {
      result = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      int exit;
      try {
        exit = cl.getParameterExceptionHandler().handleParseException(e, args);
      } catch (Exception unexpected) {
        throw new AssertionError(unexpected);
      }
      return "error " + e.getClass().getSimpleName() + ": " + e.getMessage() + "\nexit " + exit
          + "\n" + err;
    }
    CommandLine.ParseResult sub = result.subcommand();
    return "parsed help=" + sub.isUsageHelpRequested() + " version="
        + sub.isVersionHelpRequested() + "\n" + values(sub.commandSpec().userObject());
  }

  /** The instance fields of a command or mixin, mixins (our own classes) recursively. */
  private static String values(Object o) {
    StringBuilder b = new StringBuilder();
    for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType() == CliContext.class) {
          continue;
        }
        f.setAccessible(true);
        Object v;
        try {
          v = f.get(o);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        b.append(c.getSimpleName()).append('.').append(f.getName()).append('=');
        if (v != null && v.getClass().getPackage() == CompiledSpecTest.class.getPackage()
            && !v.getClass().isEnum()) {
          b.append("{\n").append(values(v)).append("}\n");
        } else {
          b.append(v == null ? "null" : v.getClass().getName() + ":" + v).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** A few hand-picked vectors the corpus may miss. */
  @ParameterizedTest
  @ValueSource(strings = {
    "check --feature -hle,-rtm --model M a b",
    "check --feature=-hle a b",
    "check --mode host-model,custom --mode custom a b",
    "check --format JSON -o - a b",
    "check --format Xml a b",
    "check a",
    "check a b c",
    "check --model",
    "check -- --model a",
    "check -o",
    "check -oout.txt a b",
    "suggest --format TEXT --without hle,rtm --without=avx a",
    "suggest",
    "gate --fleet a b --candidate c --guests g --format junit --junit-time ZERO",
    "gate --candidate c",
    "gate --fleet",
    "gate --fleet --format json",
    "gate --fleet=a b --policy p",
    "fleet --format HTML a",
    "fleet --host-libvirt a=1 --host-libvirt=b=2 x y",
    "collect --parallel x",
    "collect --parallel 4 --timeout=9 --guests all -o d u1 u2",
    "collect",
    "baseline --features --migratable a b",
    "baseline --features=true a",
    "baseline --features=maybe a",
    "inspect --cpu-map system --libvirt 11.3 x",
    "compare a b c",
    "diff --debug a b",
  })
  void chosenVectorsParseAlike(String line) {
    String[] args = line.split(" ");
    assertThat(outcome(true, args)).isEqualTo(outcome(false, args));
  }

  // ---------------------------------------------------------------------------------------------
  // through Cli: usage errors, help and version

  /**
   * A whole run through {@link Cli} (compiled model) and through the annotated model give the same
   * streams and exit status, for inputs that never reach the command's work.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "check --no-such-option a b",
    "check a",
    "check --format yaml a b",
    "gate --candidate c",
    "collect --parallel many",
    // help and version asked in ways only parsing recognises: answered from the annotations
    "check -hV",
    "check -Vh",
    "inspect --cpu-map x -h",
    "suggest --help=true",
    "fleet --format json -h",
    "diff a -h b",
    "check --bogus -hV a b",
    "gate -hV",
  })
  void aRunThroughCliIsTheAnnotatedRun(String line) {
    String[] args = line.split(" ");
    CliRun viaCli = CliRun.run(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext c = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        InputStream.nullInputStream());
    int exit = Cli.commandLine(c, false, args).execute(args);
    assertThat(viaCli.out()).isEqualTo(out.toString());
    assertThat(viaCli.err()).isEqualTo(err.toString());
    assertThat(viaCli.exit()).isEqualTo(exit);
    assertThat(viaCli.out() + viaCli.err()).isNotEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // a real run reads no picocli annotation

  @TempDir Path dir;

  private List<String> loadedClasses(String... args) throws Exception {
    return ClassLoadLog.of(dir, args);
  }

  /**
   * What reading annotations leaves in the log: the JDK generates a proxy class per annotation
   * type ("source: __dynamic_proxy__") and loads picocli's annotation interfaces.
   */
  private static List<String> annotationTraces(List<String> loaded) {
    List<String> out = new ArrayList<>();
    for (String l : loaded) {
      if (l.contains("__dynamic_proxy__") || l.contains(" picocli.CommandLine$Option ")
          || l.contains(" picocli.CommandLine$Parameters ")
          || l.contains(" picocli.CommandLine$Mixin ")
          || l.contains(" picocli.CommandLine$Command ")) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void aCheckOnTheSamplesReadsNoAnnotation() throws Exception {
    String s = "samples/";
    List<String> loaded = loadedClasses("check", s + "skylake-a.xml," + s + "skylake-a-domcaps.xml",
        s + "cascadelake.xml," + s + "cascadelake-domcaps.xml");
    assertThat(loaded).as("the class-load log")
        .anyMatch(l -> l.contains(" org.migcheck.cli.CompiledSpec "))
        .anyMatch(l -> l.contains(" org.migcheck.report.CheckReport "));
    assertThat(annotationTraces(loaded)).isEmpty();
    // the signal is real: help reads the annotations
    assertThat(annotationTraces(loadedClasses("check", "--help"))).isNotEmpty();
  }

  @Test
  void plainHelpAndVersionRequestsNeverTryTheCompiledModel() {
    assertThat(Cli.compilable("check", "a", "b")).isTrue();
    assertThat(Cli.compilable("check", "--help")).isFalse();
    assertThat(Cli.compilable("check", "a", "-V")).isFalse();
    assertThat(Cli.compilable("check", "@args.txt")).isFalse();
    assertThat(Cli.compilable("--version")).isFalse();
    assertThat(Cli.compilable("nosuch", "a")).isFalse();
    assertThat(Cli.compilable()).isFalse();
  }

  @Test
  void aMissingDescriptionFallsBackToTheAnnotations() {
    assertThat(CompiledSpec.build("no-such-command", CheckCommand.class,
        new CommandFactory(quiet()))).isNull();
    // a description for another class does not fit
    assertThat(CompiledSpec.build("check", DiffCommand.class, new CommandFactory(quiet())))
        .isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // what no subcommand uses yet, on a command of the test's own

  /** Fallback values, negatable options, ranges, variables, nested and preset mixins, @Spec. */
  @CommandLine.Command(name = "sample")
  static final class SampleCommand {
    @CommandLine.Spec CommandSpec spec;

    @CommandLine.Option(names = {"-q", "--quiet"}, negatable = true)
    boolean quiet;

    @CommandLine.Option(names = "--color", arity = "0..1", fallbackValue = "always",
        paramLabel = "WHEN")
    String color;

    @CommandLine.Option(names = "-n", defaultValue = "${sys:migcheck.test.sample.n:-4}")
    int n;

    @CommandLine.Option(names = "--level", split = "[,;]", hidden = true)
    List<Format> levels;

    @CommandLine.Mixin ReportOptions report;

    @CommandLine.Mixin HostLibvirtOptions preset = new HostLibvirtOptions();

    @CommandLine.Parameters(index = "0..1", arity = "0..2", paramLabel = "FILE")
    List<String> files;

    @CommandLine.Parameters(index = "2", defaultValue = "last")
    String third;
  }

  @Test
  void aCommandWithWhatSubcommandsDoNotUseRoundTrips() {
    CommandFactory factory = new CommandFactory(quiet());
    String text = CompiledSpecWriter.describe(
        CommandSpec.forAnnotatedObject(new SampleCommand(), factory));
    CommandSpec c = CompiledSpec.fromText(text, SampleCommand.class, factory);
    assertThat(c).as(text).isNotNull();
    assertThat(describe(c)).isEqualTo(
        describe(CommandSpec.forAnnotatedObject(new SampleCommand(), factory)));
    assertThat(((SampleCommand) c.userObject()).spec).isSameAs(c);
    for (String line : new String[] {"", "--no-quiet --color", "--color never a b c", "-n 7 x",
        "--level TEXT;json,Json --level text", "-o f --format json a", "--color -q", "a b c d",
        "-n x", "--quiet=false", "--host-libvirt h=1 --host-libvirt=g=2 a"}) {
      String[] args = line.isEmpty() ? new String[0] : line.split(" ");
      CommandSpec annotated = CommandSpec.forAnnotatedObject(new SampleCommand(), factory);
      assertThat(sampleOutcome(CompiledSpec.fromText(text, SampleCommand.class, factory), args))
          .as(line).isEqualTo(sampleOutcome(annotated, args));
    }
  }

  private static String sampleOutcome(CommandSpec spec, String... args) {
    CommandLine cl = new CommandLine(spec);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return "error " + e.getMessage();
    }
    return values(spec.userObject()).replaceAll("spec=.*\n", "spec\n");
  }

  /** Something the description cannot carry keeps the annotations. */
  @CommandLine.Command(name = "converted")
  static final class ConvertedCommand {
    @CommandLine.Option(names = "--x", converter = UpperCase.class)
    String x;
  }

  static final class UpperCase implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @Test
  void aConverterIsNotDescribed() {
    CommandSpec spec = CommandSpec.forAnnotatedObject(new ConvertedCommand());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompiledSpecWriter.describe(spec))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("converter");
  }

  @Test
  void escapingKeepsAnyFieldOnOneLine() {
    for (String s : new String[] {"", "a\tb", "a\nb", "\\", "\\0", "\\t", "x\\\\n\t"}) {
      String e = CompiledSpec.escape(s);
      assertThat(e).doesNotContain("\t").doesNotContain("\n");
      assertThat(CompiledSpec.unescape(e)).isEqualTo(s);
    }
    assertThat(CompiledSpec.unescape(CompiledSpec.escape(null))).isNull();
  }

  @Test
  void theWriterDescribesTheAnnotatedTree() {
    CommandSpec check = annotated("check");
    String text = CompiledSpecWriter.describe(check);
    assertThat(text).startsWith(CompiledSpec.FORMAT + "\n");
    assertThat(text.lines().filter(l -> l.startsWith("O\t") || l.startsWith("P\t")).count())
        .isEqualTo(check.args().size());
  }
}
