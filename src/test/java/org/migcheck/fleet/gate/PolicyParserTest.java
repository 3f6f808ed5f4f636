package org.migcheck.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.X86Level;

class PolicyParserTest {
  private static final PolicyParser PARSER =
      new PolicyParser(CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow());

  @TempDir Path tmp;

  private Policy parse(String text) throws IOException {
    Path f = tmp.resolve("policy.conf");
    Files.writeString(f, text);
    return PARSER.read(f);
  }

  private void fails(String text, int line, String message) {
    Path f = tmp.resolve("policy.conf");
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo(f + ":" + line + ": " + message));
  }

  @Test
  void everyRule() throws IOException {
    Policy p =
        parse("""
            # fleet policy
            min-level = x86-64-v3
            require-model = Skylake-Server-IBRS   # the model new guests get
            require-model = Broadwell-noTSX-IBRS
            require-features = avx2, aes pku
            allow-feature-loss = hle,rtm

            max-tsc-spread = 250ppm
            min-phys-bits = 46
            require-machines = pc-q35-7.2 pc-i440fx-7.2
            single-vendor = yes
            """);
    assertThat(p.minLevel()).isEqualTo(X86Level.V3);
    assertThat(p.requiredModels()).containsExactly("Skylake-Server-IBRS", "Broadwell-noTSX-IBRS");
    assertThat(p.requiredFeatures()).containsExactly("avx2", "aes", "pku");
    assertThat(p.allowedLosses()).containsExactly("hle", "rtm");
    assertThat(p.anyLossAllowed()).isFalse();
    assertThat(p.maxTscSpread()).isEqualTo(new Policy.TscSpread(250, true));
    assertThat(p.minPhysBits()).isEqualTo(46);
    assertThat(p.requiredMachines()).containsExactly("pc-q35-7.2", "pc-i440fx-7.2");
    assertThat(p.singleVendor()).isTrue();
    assertThat(parse("max-tsc-spread = 2 MHz").maxTscSpread()).isEqualTo(new Policy.TscSpread(2_000_000, false));
    assertThat(parse("max-tsc-spread = 500kHz\nallow-feature-loss = *").anyLossAllowed()).isTrue();
    assertThat(parse("").equals(Policy.NONE)).isTrue();
  }

  /** Issue finding 6: decimal units for the TSC tolerance. */
  @Test
  void decimalUnitsMakeWholeHertz() throws IOException {
    assertThat(parse("max-tsc-spread = 0.5MHz").maxTscSpread()).isEqualTo(new Policy.TscSpread(500_000, false));
    assertThat(parse("max-tsc-spread = 1.25 kHz").maxTscSpread()).isEqualTo(new Policy.TscSpread(1_250, false));
    assertThat(parse("max-tsc-spread = 2.0ppm").maxTscSpread()).isEqualTo(new Policy.TscSpread(2, true));
  }

  @Test
  void theNewHostRuleIsOnUnlessThePolicySaysOtherwise() throws IOException {
    assertThat(parse("").newHosts()).isEqualTo(Policy.NewHosts.SAME_VENDOR);
    assertThat(parse("new-host-migration = all").newHosts()).isEqualTo(Policy.NewHosts.ALL);
    assertThat(parse("new-host-migration = OFF").newHosts()).isEqualTo(Policy.NewHosts.OFF);
  }

  @Test
  void everyMistakeNamesTheLine() {
    fails("min-level = v3\nmin-levle = v3", 2,
        "unknown key 'min-levle' (known: " + String.join(", ", PolicyParser.KEYS) + ")");
    fails("# x\nsingle-vendor", 2, "expected key = value, got 'single-vendor'");
    fails("min-phys-bits =", 1, "min-phys-bits needs a value");
    fails("min-level = v3\n\nmin-level = v4", 3, "min-level is given twice (first on line 1)");
    fails("min-level = v5", 1, "min-level: unknown level 'v5' (expected v1, v2, v3 or v4)");
    fails("require-model = Skylake-Server\nrequire-model = Skylake-Servre", 2,
        "require-model: unknown CPU model 'Skylake-Servre' (not in the bundled cpu_map (libvirt 9.0.0))");
    fails("require-features = avx2, sse4_1", 1,
        "unknown CPU feature 'sse4_1' (not in the bundled cpu_map (libvirt 9.0.0); libvirt calls it sse4.1)");
    fails("allow-feature-loss = hle, bogus", 1,
        "unknown CPU feature 'bogus' (not in the bundled cpu_map (libvirt 9.0.0))");
    fails("allow-feature-loss = *, hle", 1, "allow-feature-loss = * allows any loss: name no features with it");
    fails("max-tsc-spread = 250", 1,
        "max-tsc-spread: '250' is not a number with a unit (ppm, Hz, kHz or MHz), e.g. 250ppm, 0.5MHz or 1MHz");
    fails("max-tsc-spread = 0.5ppm", 1, "max-tsc-spread: '0.5ppm' is not a whole number of ppm");
    fails("max-tsc-spread = 0.0000001MHz", 1, "max-tsc-spread: '0.0000001MHz' is not a whole number of Hz");
    fails("new-host-migration = some", 1, "new-host-migration: 'some' is not same-vendor, all or off");
    fails("max-tsc-spread = 99999999999999999MHz", 1, "max-tsc-spread: '99999999999999999MHz' is too large");
    fails("min-phys-bits = 65", 1, "min-phys-bits: '65' is not a number of bits from 1 to 64");
    fails("min-phys-bits = lots", 1, "min-phys-bits: 'lots' is not a number of bits from 1 to 64");
    fails("single-vendor = maybe", 1, "single-vendor: 'maybe' is not yes or no");
  }

  @Test
  void aMissingFileIsBadInputToo() {
    Path none = tmp.resolve("none.conf");
    assertThatThrownBy(() -> PARSER.read(none)).isInstanceOf(InputException.class)
        .hasMessage("no such file or directory");
  }
}
