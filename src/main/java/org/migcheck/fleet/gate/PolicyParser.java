package org.migcheck.fleet.gate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.X86Level;

/**
 * Reads a policy file: one {@code key = value} per line, {@code #} comments, blank lines ignored.
 * List values are separated by commas or spaces, and list keys may repeat (their values add up).
 * Every mistake is an {@link InputException} naming the file and line: an unknown key, a bad
 * value, a key given twice, a CPU model or feature the cpu_map does not know.
 *
 * <pre>
 * min-level          = v3                  # x86-64-v1..v4
 * require-model      = Skylake-Server-IBRS
 * require-features   = avx2, aes
 * allow-feature-loss = hle, rtm            # or * for any
 * max-tsc-spread     = 250ppm              # or 500kHz, 0.5MHz, 1MHz, 2000Hz
 * min-phys-bits      = 46
 * require-machines   = pc-q35-7.2
 * single-vendor      = yes
 * new-host-migration = same-vendor         # or all, off
 * </pre>
 */
public final class PolicyParser {
  static final List<String> KEYS =
      List.of(
          "min-level", "require-model", "require-features", "allow-feature-loss",
          "max-tsc-spread", "min-phys-bits", "require-machines", "single-vendor",
          "new-host-migration");

  private static final List<String> LIST_KEYS =
      List.of("require-model", "require-features", "allow-feature-loss", "require-machines");

  private static final Pattern SPREAD = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ppm|hz|khz|mhz)");

  private final CpuMap map;

  /** @param map the x86 cpu_map that model and feature names are checked against */
  public PolicyParser(CpuMap map) {
    this.map = map;
  }

  /** Policy files are a few lines; a bound keeps /dev/zero or a wrong file from filling memory. */
  static final int MAX_BYTES = 1 << 20;

  public Policy read(Path file) {
    String name = file.toString();
    List<String> lines;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new InputException(name, "larger than 1 MiB: not a policy file");
      }
      lines =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(bytes))
              .toString()
              .lines()
              .toList();
    } catch (NoSuchFileException e) {
      throw new InputException(name, "no such file or directory");
    } catch (CharacterCodingException e) {
      throw new InputException(name, "not valid UTF-8");
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + e.getMessage());
    }
    return parse(name, lines);
  }

  Policy parse(String file, List<String> lines) {
    Map<String, Integer> seen = new HashMap<>();
    X86Level level = null;
    List<String> models = new ArrayList<>();
    List<String> features = new ArrayList<>();
    List<String> losses = new ArrayList<>();
    boolean anyLoss = false;
    Policy.TscSpread spread = null;
    Integer physBits = null;
    List<String> machines = new ArrayList<>();
    boolean singleVendor = false;
    Policy.NewHosts newHosts = Policy.NewHosts.SAME_VENDOR;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String line = stripComment(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw error(file, n, "expected key = value, got '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw error(file, n, "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
      if (value.isEmpty()) {
        throw error(file, n, key + " needs a value");
      }
      Integer first = seen.putIfAbsent(key, n);
      if (first != null && !LIST_KEYS.contains(key)) {
        throw error(file, n, key + " is given twice (first on line " + first + ")");
      }
      List<String> items = List.of(value.split("[,\\s]+"));
      switch (key) {
        case "min-level" -> level = level(file, n, value);
        case "require-model" -> models.addAll(models(file, n, items));
        case "require-features" -> features.addAll(features(file, n, items));
        case "allow-feature-loss" -> {
          if (items.contains("*")) {
            if (items.size() > 1) {
              throw error(file, n, "allow-feature-loss = * allows any loss: name no features with it");
            }
            anyLoss = true;
          } else {
            losses.addAll(features(file, n, items));
          }
        }
        case "max-tsc-spread" -> spread = spread(file, n, value);
        case "min-phys-bits" -> physBits = physBits(file, n, value);
        case "require-machines" -> machines.addAll(items);
        case "single-vendor" -> singleVendor = yesNo(file, n, key, value);
        case "new-host-migration" -> newHosts = newHosts(file, n, value);
        default -> throw new IllegalStateException(key);
      }
    }
    return new Policy(level, models, features, losses, anyLoss, spread, physBits, machines, singleVendor,
        newHosts);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static X86Level level(String file, int n, String value) {
    X86Level l = X86Level.parse(value);
    if (l == null) {
      throw error(file, n, "min-level: unknown level '" + value + "' (expected v1, v2, v3 or v4)");
    }
    return l;
  }

  private List<String> models(String file, int n, List<String> names) {
    for (String m : names) {
      if (map.model(m).isEmpty()) {
        throw error(file, n, "require-model: unknown CPU model '" + m + "' (not in the "
            + map.source().describe() + ")");
      }
    }
    return names;
  }

  private List<String> features(String file, int n, List<String> names) {
    for (String f : names) {
      if (map.feature(f).isEmpty()) {
        String alias = map.featureByAlias(f).map(x -> "; libvirt calls it " + x.name()).orElse("");
        throw error(file, n, "unknown CPU feature '" + f + "' (not in the "
            + map.source().describe() + alias + ")");
      }
    }
    return names;
  }

  /** A limit with a unit; decimals are fine (0.5MHz) as long as they make whole Hz or ppm. */
  private static Policy.TscSpread spread(String file, int n, String value) {
    Matcher m = SPREAD.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw error(file, n, "max-tsc-spread: '" + value
          + "' is not a number with a unit (ppm, Hz, kHz or MHz), e.g. 250ppm, 0.5MHz or 1MHz");
    }
    String unit = m.group(2);
    BigDecimal scaled = new BigDecimal(m.group(1)).movePointRight(switch (unit) {
      case "khz" -> 3;
      case "mhz" -> 6;
      default -> 0;
    });
    long v;
    try {
      v = scaled.longValueExact();
    } catch (ArithmeticException e) {
      boolean fraction = scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
      throw error(file, n, "max-tsc-spread: '" + value + "' is "
          + (!fraction ? "too large" : unit.equals("ppm") ? "not a whole number of ppm"
              : "not a whole number of Hz"));
    }
    return new Policy.TscSpread(v, unit.equals("ppm"));
  }

  private static Integer physBits(String file, int n, String value) {
    try {
      int bits = Integer.parseInt(value);
      if (bits >= 1 && bits <= 64) {
        return bits;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(file, n, "min-phys-bits: '" + value + "' is not a number of bits from 1 to 64");
  }

  private static Policy.NewHosts newHosts(String file, int n, String value) {
    Policy.NewHosts h = Policy.NewHosts.parse(value.toLowerCase(Locale.ROOT));
    if (h == null) {
      throw error(file, n, "new-host-migration: '" + value + "' is not same-vendor, all or off");
    }
    return h;
  }

  private static boolean yesNo(String file, int n, String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on" -> true;
      case "no", "false", "off" -> false;
      default -> throw error(file, n, key + ": '" + value + "' is not yes or no");
    };
  }

  private static InputException error(String file, int line, String message) {
    return new InputException(file, line, -1, message);
  }
}
