package org.migcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaturalOrder compares numbers without building strings: it must order every pair of names as
 * the plain definition does (leading zeros dropped but one digit, longer number larger, then digit
 * by digit), with zeros, non-ASCII digits and names of different shapes.
 */
class NaturalOrderTest {
  private static final String ALPHABET = "00019ab-.#\u0663";

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void ordersAsTheDefinition(int seed) {
    Random r = new Random(seed);
    for (int n = 0; n < 200; n++) {
      String a = name(r);
      String b = r.nextInt(4) == 0 ? a : name(r);
      assertThat(Integer.signum(NaturalOrder.INSTANCE.compare(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(definition(a, b)));
    }
  }

  private static String name(Random r) {
    StringBuilder sb = new StringBuilder(r.nextBoolean() ? "host-" : "");
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** The definition, spelled with substrings and a regex. */
  private static int definition(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length()
            ? Integer.compare(na.length(), nb.length())
            : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }
}
