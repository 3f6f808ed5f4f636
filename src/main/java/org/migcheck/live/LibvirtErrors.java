package org.migcheck.live;

import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/** libvirt's own words for a failure, as one line. */
final class LibvirtErrors {
  private LibvirtErrors() {}

  static String message(LibvirtException e) {
    String m = e.getError() != null ? e.getError().getMessage() : e.getMessage();
    return m == null ? "unknown libvirt error" : m;
  }

  /** The calling thread's last libvirt error (libvirt keeps it per thread). */
  static String lastError() {
    virError err = Libvirt.INSTANCE.virGetLastError();
    return err == null || err.message == null ? "unknown libvirt error" : err.message;
  }

  /** Rethrows {@code e} unless it says the domain no longer exists (VIR_ERR_NO_DOMAIN). */
  static void rethrowUnlessGone(LibvirtException e) throws LibvirtException {
    if (e.getError() == null || e.getError().getCode() != Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
      throw e;
    }
  }

  /** Whether the driver lacks the call (VIR_ERR_NO_SUPPORT), as the test driver does for domcaps. */
  static boolean unsupported(String message) {
    return message.contains("not supported by the connection driver");
  }
}
