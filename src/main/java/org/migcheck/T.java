package org.migcheck;
public final class T {
  private static final boolean ON = System.getenv("MT") != null;
  private static final long T0 = System.nanoTime();
  private static final long[] AT = new long[200];
  private static final String[] WHAT = new String[200];
  private static int n;
  public static synchronized void m(String what) {
    if (!ON || n == AT.length) return;
    AT[n] = System.nanoTime(); WHAT[n++] = Thread.currentThread().getName() + " " + what;
  }
  public static synchronized void done() {
    if (!ON) return;
    long up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    long now = System.nanoTime();
    for (int i = 0; i < n; i++) System.err.printf("%6.1f %s%n", (AT[i] - T0) / 1e6, WHAT[i]);
    System.err.println("T0 at uptime " + (up - (now - T0) / 1e6));
  }
}
