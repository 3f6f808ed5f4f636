package org.migcheck.live;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libvirt connection URIs on the command line: telling them from file names, and the form that may
 * be printed or written to a snapshot (a password in the user part, and the value of any query
 * parameter that is not one of libvirt's known harmless transport options, become REDACTED).
 */
public final class LibvirtUri {
  private LibvirtUri() {}


  /**
   * libvirt's remote-driver query parameters that name no secret (docs: uri.html "Extra
   * parameters"); keyfile is the path of a key, not the key.
   */
  private static final Set<String> HARMLESS =
      Set.of(
          "name", "command", "socket", "netcat", "keyfile", "no_verify", "no_tty", "pkipath",
          "known_hosts", "known_hosts_verify", "sshauth", "mode", "proxy", "tls_priority");

  private static final String HIDDEN = "REDACTED";

  /**
   * Whether a command-line argument is a libvirt URI rather than a file name: it starts with
   * driver[+transport]:// as libvirt spells them (qemu:///system, qemu+ssh://h/system,
   * test:///default), i.e. {@code [a-z][a-z0-9]*(\+[a-z0-9]+)?://}. Checked by hand: every
   * command asks this of each file argument first thing, and a regular expression (with the
   * lambdas the JDK's Pattern links) cost a cold JVM a few ms before the first file was read.
   */
  public static boolean isUri(String arg) {
    int n = arg.length();
    if (n == 0 || arg.charAt(0) < 'a' || arg.charAt(0) > 'z') {
      return false;
    }
    int i = driverPart(arg, 1);
    if (i < n && arg.charAt(i) == '+') {
      int transport = i + 1;
      i = driverPart(arg, transport);
      if (i == transport) {
        return false;
      }
    }
    return arg.startsWith("://", i);
  }

  /** Past the lower-case letters and digits at {@code i}. */
  private static int driverPart(String s, int i) {
    while (i < s.length()
        && (s.charAt(i) >= 'a' && s.charAt(i) <= 'z' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
      i++;
    }
    return i;
  }

  /** The URI with its secrets replaced; safe to print and to store. */
  public static String redact(String uri) {
    String s = uri;
    int scheme = s.indexOf("://");
    if (scheme < 0) {
      return s;
    }
    int authStart = scheme + 3;
    int authEnd = firstOf(s, authStart, "/?#");
    String auth = s.substring(authStart, authEnd);
    int at = auth.lastIndexOf('@');
    if (at >= 0) {
      int colon = auth.indexOf(':');
      if (colon >= 0 && colon < at) {
        auth = auth.substring(0, colon) + ":" + HIDDEN + auth.substring(at);
      }
    }
    String rest = s.substring(authEnd);
    int q = rest.indexOf('?');
    if (q >= 0) {
      int hash = rest.indexOf('#', q);
      String query = hash < 0 ? rest.substring(q + 1) : rest.substring(q + 1, hash);
      String tail = hash < 0 ? "" : rest.substring(hash);
      rest = rest.substring(0, q + 1) + redactQuery(query) + tail;
    }
    return s.substring(0, authStart) + auth + rest;
  }

  private static String redactQuery(String query) {
    StringBuilder out = new StringBuilder();
    for (String param : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = param.indexOf('=');
      String key = eq < 0 ? param : param.substring(0, eq);
      if (eq < 0 || HARMLESS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
        out.append(param);
      } else {
        out.append(key).append('=').append(HIDDEN);
      }
    }
    return out.toString();
  }

  private static int firstOf(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** A libvirt message with the raw URI's secrets replaced wherever they appear. */
  public static String redactIn(String message, String rawUri) {
    String safe = redact(rawUri);
    String out = message.replace(rawUri, safe);
    Matcher m = Pattern.compile("[?&]([^=&#]+)=([^&#]*)").matcher(rawUri);
    while (m.find()) {
      if (!HARMLESS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT)) && !m.group(2).isEmpty()) {
        out = out.replace(m.group(2), HIDDEN);
      }
    }
    int scheme = rawUri.indexOf("://");
    int at = scheme < 0 ? -1 : rawUri.indexOf('@', scheme);
    int colon = scheme < 0 ? -1 : rawUri.indexOf(':', scheme + 3);
    if (at > 0 && colon > 0 && colon < at && at - colon > 1) {
      out = out.replace(rawUri.substring(colon + 1, at), HIDDEN);
    }
    return out.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
