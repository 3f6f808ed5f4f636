package org.migcheck.live;

/** Which guests collect reads: running ones (what migrates now), all defined ones, or none. */
public enum GuestSelection {
  RUNNING,
  ALL,
  NONE
}
