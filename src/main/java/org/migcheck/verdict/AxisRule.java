package org.migcheck.verdict;

/**
 * One axis of a verdict: the rules of one topic (the CPU, the platform, the TSC...) and nothing
 * else. Every command that judges guests asks the axes through {@link Axes}: {@code check} and
 * {@code gate}'s guest rules call {@link #pair} and {@link #start}; {@code fleet} and {@code gate}'s
 * host rules use each axis's fleet summary, a static {@code fleet(...)} method on the axis class
 * (its shape differs per axis, so it is not part of this interface). Constants of a rule (the TSC
 * tolerance, QEMU's default address width...) live on their axis class, once.
 *
 * <p>To add an axis: a value in {@link Axis} (reports list findings in that order), a class
 * implementing this interface, and its place in {@link Axes#rules}; see {@link LibvirtVersionAxis}
 * for the smallest one.
 */
interface AxisRule {
  /**
   * What moving the guest from {@code src} to {@code dst} means on this axis: findings and notes
   * added to {@code out}. Axes run in {@link Axis} order, so an axis may read what an earlier one
   * left in {@code out} (the TSC axis reads the guest's CPU features).
   */
  void pair(GuestProfile g, Host src, Host dst, Outcome out);

  /**
   * Whether the guest (with a domain) can start on {@code host}; {@code src} is where it was
   * defined (machine type aliases are resolved there), {@code host} itself for a plain start.
   */
  void start(GuestProfile g, Host src, Host host, Outcome out);
}
