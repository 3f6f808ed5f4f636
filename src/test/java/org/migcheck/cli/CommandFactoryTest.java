package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The factory picocli builds every command, mixin and value holder with: a command gets the run's
 * context, a class without one its no-argument constructor (private ones too), anything else
 * what picocli's own factory makes.
 */
class CommandFactoryTest {
  private final CliContext context = new CliContext(new PrintWriter(new StringWriter()),
      new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]));
  private final CommandFactory factory = new CommandFactory(context);

  static final class WithContext {
    final CliContext context;

    WithContext(CliContext context) {
      this.context = context;
    }

    WithContext() {
      this(null);
    }
  }

  static final class Hidden {
    private Hidden() {}
  }

  static final class Neither {
    Neither(String s) {}
  }

  @Test
  void commandsGetTheRunsContext() throws Exception {
    assertThat(factory.create(WithContext.class).context).isSameAs(context);
    assertThat(factory.create(BaselineCommand.class)).isNotNull();
  }

  @Test
  void othersTheirNoArgumentConstructorOrPicocliDefault() throws Exception {
    assertThat(factory.create(Hidden.class)).isInstanceOf(Hidden.class);
    assertThat(factory.create(CommonOptions.class)).isInstanceOf(CommonOptions.class);
    // an interface: picocli's default factory picks the implementation
    assertThat(factory.create(List.class)).isInstanceOf(java.util.ArrayList.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.create(Neither.class))
        .isInstanceOf(Exception.class);
  }
}
