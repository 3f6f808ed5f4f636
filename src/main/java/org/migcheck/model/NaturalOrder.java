package org.migcheck.model;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Orders names with their numbers compared as numbers: machine types (pc-q35-2.10 after
 * pc-q35-2.9, so pc-i440fx-7.2 is the newest of its family) and host names (host-9 before
 * host-10).
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private static final Pattern VERSION = Pattern.compile("[a-z]*[0-9]+(\\.[0-9]+)*");

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = digitsEnd(a, i);
        int ej = digitsEnd(b, j);
        // the numbers without leading zeros (one digit stays), longer is larger, else digit by
        // digit; no substrings or regexes: sorting 100,000 host names compares a few million
        int si = zerosEnd(a, i, ei);
        int sj = zerosEnd(b, j, ej);
        int c = Integer.compare(ei - si, ej - sj);
        for (int k = 0; c == 0 && k < ei - si; k++) {
          c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
        }
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

  /** Past the leading ASCII zeros of s[from..end), keeping the last digit. */
  private static int zerosEnd(String s, int from, int end) {
    int k = from;
    while (k < end - 1 && s.charAt(k) == '0') {
      k++;
    }
    return k;
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && Character.isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /**
   * The family of a versioned machine type: pc-q35-7.2 and pc-q35-4.0.1 are pc-q35,
   * pc-q35-rhel9.2.0 is pc-q35-rhel; a name without a version is its own family.
   */
  public static String family(String machine) {
    int dash = machine.lastIndexOf('-');
    if (dash <= 0) {
      return machine;
    }
    String last = machine.substring(dash + 1);
    if (!VERSION.matcher(last).matches()) {
      return machine;
    }
    int letters = 0;
    while (letters < last.length() && Character.isLetter(last.charAt(letters))) {
      letters++;
    }
    return machine.substring(0, dash) + (letters > 0 ? "-" + last.substring(0, letters) : "");
  }
}
