package org.migcheck.verdict;

/**
 * The libvirt version axis (issue 11's cpu_map per libvirt version): a placeholder that finds
 * nothing yet. Its findings use {@link Axis#LIBVIRT_VERSION}. When filled, {@link #pair} says what
 * a move between two libvirt versions changes for the guest (its CPU model's definition in each
 * version's cpu_map, features one version does not know), {@link #start} whether the host's libvirt
 * can define the guest at all, and a static {@code fleet(...)} summary groups the hosts by version
 * for the fleet report, as {@link TscAxis#fleet} does for TSC rates.
 */
final class LibvirtVersionAxis implements AxisRule {
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    // no rule yet
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    // no rule yet
  }
}
