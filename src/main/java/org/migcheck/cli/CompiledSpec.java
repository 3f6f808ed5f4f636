package org.migcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * A subcommand's picocli model, built with picocli's programmatic API from a description that
 * {@link CompiledSpecWriter} wrote at build time from the command's annotations, which stay its
 * one definition. Reading annotations makes the JDK parse them and generate a proxy class per
 * annotation type, the longest part of a short run on a cold JVM; this reads a few lines and
 * binds each option to its field by name. A missing description, another format or anything it
 * cannot rebuild gives null: the caller then reads the annotations, which is always right.
 *
 * <p>The description is one line per item, fields separated by tabs (escaped as in {@link
 * #unescape}): the format line, the command class, its mixin fields, then every option and
 * positional parameter in the annotated model's order.
 */
final class CompiledSpec {
  /** First line of every description: a reader of another format falls back to annotations. */
  static final String FORMAT = "migcheck-compiled-spec 1 picocli " + CommandLine.VERSION;

  /** Where the description of subcommand {@code name} is, relative to this class. */
  static String resource(String name) {
    return "compiled-specs/" + name + ".spec";
  }

  private CompiledSpec() {}

  /**
   * The model of subcommand {@code name} whose user object {@code factory} creates from
   * {@code commandClass}, or null if its description is missing or does not fit.
   */
  static CommandSpec build(String name, Class<?> commandClass, CommandLine.IFactory factory) {
    String text = read(name);
    return text == null ? null : fromText(text, commandClass, factory);
  }

  /** The model a description gives, or null if it does not fit {@code commandClass}. */
  static CommandSpec fromText(String text, Class<?> commandClass, CommandLine.IFactory factory) {
    try {
      return new Reader(text, factory).command(commandClass);
    } catch (Exception e) {
      return null; // stale or foreign: the annotations answer
    }
  }

  private static String read(String name) {
    try (InputStream in = CompiledSpec.class.getResourceAsStream(resource(name))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads the lines of one description and builds the model. */
  private static final class Reader {
    private final String text;
    private final CommandLine.IFactory factory;
    private final ClassLoader loader = CompiledSpec.class.getClassLoader();
    private final List<Object> holders = new ArrayList<>();
    private int pos;
    private String[] fields;
    private int next;

    Reader(String text, CommandLine.IFactory factory) {
      this.text = text;
      this.factory = factory;
    }

    CommandSpec command(Class<?> commandClass) throws Exception {
      if (!line() || !FORMAT.equals(string()) || !line() || !"C".equals(string())
          || !commandClass.getName().equals(string())) {
        return null;
      }
      Object command = factory.create(commandClass);
      holders.add(command);
      CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory);
      Field specField = null;
      while (line()) {
        String kind = string();
        if (kind.equals("M")) {
          mixin();
        } else if (kind.equals("S")) {
          specField = field(string(), string());
        } else if (kind.equals("O")) {
          spec.addOption(option());
        } else if (kind.equals("P")) {
          spec.addPositional(positional());
        } else {
          return null;
        }
      }
      if (specField != null) {
        specField.set(command, spec);
      }
      return spec;
    }

    /**
     * A @Mixin field: its value, created as picocli does when the field is null; or, with no
     * parent, a mixin in no field (picocli's -h and -V).
     */
    private void mixin() throws Exception {
      int parent = integer();
      String declaring = string();
      String name = string();
      if (parent < 0) {
        holders.add(factory.create(Class.forName(declaring, false, loader)));
        return;
      }
      Field f = field(declaring, name);
      Object mixin = f.get(holders.get(parent));
      if (mixin == null) {
        mixin = factory.create(f.getType());
        f.set(holders.get(parent), mixin);
      }
      holders.add(mixin);
    }

    private OptionSpec option() throws Exception {
      int holder = integer();
      String declaring = string();
      String fieldName = string();
      OptionSpec.Builder b = OptionSpec.builder(strings());
      Arg a = arg(holder, declaring, fieldName);
      // ArgSpec.Builder is not public: the same calls as for a positional parameter
      b.arity(a.arity).type(a.type).auxiliaryTypes(a.auxiliary).splitRegex(a.split)
          .splitRegexSynopsisLabel(a.splitLabel).defaultValue(a.defaultValue).required(a.required)
          .paramLabel(a.paramLabel).hideParamSyntax(a.hideParamSyntax).hidden(a.hidden)
          .parameterConsumer(a.consumer).withToString(a.toString).initialValue(a.initialValue)
          .userObject(a.field).getter(a.binding).setter(a.binding).scope(a.scope);
      return b.help(bool()).usageHelp(bool()).versionHelp(bool()).negatable(bool())
          .fallbackValue(string()).order(integer()).build();
    }

    private PositionalParamSpec positional() throws Exception {
      int holder = integer();
      String declaring = string();
      String fieldName = string();
      PositionalParamSpec.Builder b = PositionalParamSpec.builder().index(range());
      Arg a = arg(holder, declaring, fieldName);
      b.arity(a.arity).type(a.type).auxiliaryTypes(a.auxiliary).splitRegex(a.split)
          .splitRegexSynopsisLabel(a.splitLabel).defaultValue(a.defaultValue).required(a.required)
          .paramLabel(a.paramLabel).hideParamSyntax(a.hideParamSyntax).hidden(a.hidden)
          .parameterConsumer(a.consumer).withToString(a.toString).initialValue(a.initialValue)
          .userObject(a.field).getter(a.binding).setter(a.binding).scope(a.scope);
      return b.build();
    }

    /** What options and positional parameters share, in the writer's order. */
    private Arg arg(int holder, String declaring, String fieldName) throws Exception {
      Arg a = new Arg();
      a.arity = range();
      a.type = type(string());
      String[] aux = strings();
      a.auxiliary = new Class<?>[aux.length];
      for (int i = 0; i < aux.length; i++) {
        a.auxiliary[i] = type(aux[i]);
      }
      a.split = string();
      a.splitLabel = string();
      a.defaultValue = string();
      a.required = bool();
      a.paramLabel = string();
      a.hideParamSyntax = bool();
      a.hidden = bool();
      String consumer = string();
      if (consumer != null) {
        a.consumer =
            (CommandLine.IParameterConsumer) factory.create(Class.forName(consumer, true, loader));
      }
      a.toString = string();
      Object target = holders.get(holder);
      a.field = field(declaring, fieldName);
      a.binding = new Binding(target, a.field);
      a.scope = new Scope(target);
      a.initialValue = a.field.get(target); // what picocli reads from an annotated field
      return a;
    }

    private Field field(String declaring, String name) throws Exception {
      Field f = Class.forName(declaring, false, loader).getDeclaredField(name);
      f.setAccessible(true);
      return f;
    }

    private Class<?> type(String name) throws ClassNotFoundException {
      switch (name) {
        case "boolean": return boolean.class;
        case "int": return int.class;
        case "long": return long.class;
        case "double": return double.class;
        case "float": return float.class;
        case "short": return short.class;
        case "byte": return byte.class;
        case "char": return char.class;
        default: return Class.forName(name, false, loader);
      }
    }

    /** min, max, variable, unspecified, original text: the whole of a picocli range. */
    private Range range() {
      return new Range(integer(), integer(), bool(), bool(), string());
    }

    /** Moves to the next line; false at the end. */
    private boolean line() {
      if (pos >= text.length()) {
        return false;
      }
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = text.length();
      }
      fields = split(text.substring(pos, end), '\t');
      pos = end + 1;
      next = 0;
      return true;
    }

    private String string() {
      if (next >= fields.length) {
        throw new IllegalStateException("short line");
      }
      return unescape(fields[next++]);
    }

    private String[] strings() {
      String s = string();
      return s.isEmpty() ? new String[0] : split(s, ' ');
    }

    private int integer() {
      return Integer.parseInt(string());
    }

    private boolean bool() {
      String s = string();
      if (!s.equals("1") && !s.equals("0")) {
        throw new IllegalStateException("not a flag: " + s);
      }
      return s.equals("1");
    }
  }

  /** {@code s} split at every {@code separator} (String.split would compile a pattern). */
  private static String[] split(String s, char separator) {
    List<String> out = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = s.indexOf(separator, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + 1;
    }
    out.add(s.substring(from));
    return out.toArray(new String[0]);
  }

  /** The marker of a null value, which escaping keeps apart from any text. */
  static final String NULL = "\\0";

  /** Backslash, tab and newline escaped, so a field is one tab-free line. */
  static String escape(String s) {
    if (s == null) {
      return NULL;
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  static String unescape(String s) {
    if (s.equals(NULL)) {
      return null;
    }
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        b.append(e == 't' ? '\t' : e == 'n' ? '\n' : e);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The attributes of one option or positional parameter. */
  private static final class Arg {
    Range arity;
    Class<?> type;
    Class<?>[] auxiliary;
    String split;
    String splitLabel;
    String defaultValue;
    boolean required;
    String paramLabel;
    boolean hideParamSyntax;
    boolean hidden;
    CommandLine.IParameterConsumer consumer;
    String toString;
    Field field;
    Binding binding;
    Scope scope;
    Object initialValue;
  }

  /** An option's field on the object that holds it (the command or a mixin). */
  private static final class Binding implements IGetter, ISetter {
    private final Object target;
    private final Field field;

    Binding(Object target, Field field) {
      this.target = target;
      this.field = field;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() throws IllegalAccessException {
      return (T) field.get(target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) throws IllegalAccessException {
      T old = (T) field.get(target);
      field.set(target, value);
      return old;
    }
  }

  /** The object an option's field is on, as picocli's scope of an annotated field. */
  private static final class Scope implements IScope {
    private Object target;

    Scope(Object target) {
      this.target = target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
      T old = (T) target;
      target = (Object) value;
      return old;
    }
  }
}
