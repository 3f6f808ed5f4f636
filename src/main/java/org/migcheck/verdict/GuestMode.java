package org.migcheck.verdict;

import java.util.Locale;
import org.migcheck.model.CpuMode;

/** The guest CPU modes a migration verdict is given for, in the order reports list them. */
public enum GuestMode {
  HOST_PASSTHROUGH("host-passthrough"),
  HOST_MODEL("host-model"),
  CUSTOM("custom");

  private final String xmlName;

  GuestMode(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The name libvirt uses in {@code <cpu mode>}. */
  public String xmlName() {
    return xmlName;
  }

  /**
   * The mode of a domain's CPU; maximum behaves like host-passthrough for migration (the guest
   * sees everything the source can give), and a domain without {@code <cpu>} runs QEMU's default
   * named model, which is custom.
   */
  public static GuestMode of(CpuMode mode) {
    if (mode == null) {
      return CUSTOM;
    }
    return switch (mode) {
      case HOST_PASSTHROUGH, MAXIMUM -> HOST_PASSTHROUGH;
      case HOST_MODEL -> HOST_MODEL;
      case CUSTOM -> CUSTOM;
    };
  }

  /** Parses "host-passthrough", "passthrough", "host-model", "custom" (any case); null if none. */
  public static GuestMode parse(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (GuestMode m : values()) {
      if (m.xmlName.equals(v) || m.xmlName.equals("host-" + v)) {
        return m;
      }
    }
    return null;
  }
}
