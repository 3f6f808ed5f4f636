package org.migcheck.live;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * A libvirt connection through the Java binding, plus virConnectGetDomainCapabilities
 * called with JNA on the very same virConnectPtr (the binding keeps it in a protected field).
 */
final class LiveConnection extends Connect {
  /**
   * Opens a normal (read-write) connection although migcheck only reads: libvirt refuses both
   * calls it needs on read-only ones ("read only access prevents
   * virConnectGetDomainCapabilities", "virDomainGetXMLDesc with secure flag" for migratable XML).
   */
  LiveConnection(String uri) throws LibvirtException {
    super(uri, false);
  }

  /**
   * virsh domcapabilities --emulatorbin E --arch A --machine M --virttype V; null arguments let
   * libvirt pick, as virsh does when an option is left out.
   *
   * @throws LiveError with libvirt's message when the driver fails or does not support the call
   */
  String domainCapabilities(String emulator, String arch, String machine, String virtType) {
    Pointer xml =
        LibvirtLibrary.domainCapabilitiesApi()
            .virConnectGetDomainCapabilities(vcp.getPointer(), emulator, arch, machine, virtType, 0);
    if (xml == null) {
      throw new LiveError(LibvirtErrors.lastError());
    }
    try {
      return xml.getString(0, "UTF-8");
    } finally {
      // libvirt allocates with g_malloc, which is malloc since GLib 2.46
      Native.free(Pointer.nativeValue(xml));
    }
  }
}
