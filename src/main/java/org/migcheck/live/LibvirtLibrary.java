package org.migcheck.live;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libvirt's client library, loaded only when a URI is read: offline commands never touch it. The
 * Java binding (org.libvirt 0.5.3) loads the same library by the same name; it lacks
 * virConnectGetDomainCapabilities, which is bound here.
 */
final class LibvirtLibrary {
  private LibvirtLibrary() {}

  /** What JNA loads: "virt" finds libvirt.so.0 (Debian libvirt0). A property lets tests hide it. */
  static String libraryName() {
    return System.getProperty("migcheck.libvirt.library", "virt");
  }

  private static final org.libvirt.jna.Libvirt.VirErrorCallback QUIET = (userData, error) -> {};

  private static final java.util.Map<String, java.util.Optional<String>> CHECKED =
      new java.util.HashMap<>();

  /**
   * Null when libvirt can be loaded, else why not (JNA's reason). Checked before the binding's
   * classes are touched, as their static initialisers fail with an Error otherwise.
   */
  static synchronized String whyMissing() {
    return CHECKED.computeIfAbsent(libraryName(), LibvirtLibrary::check).orElse(null);
  }

  private static java.util.Optional<String> check(String name) {
    try {
      NativeLibrary.getInstance(name);
      // libvirt's default error handler prints every error to stderr; migcheck reports them
      org.libvirt.Connect.setErrorCallback(QUIET);
      return java.util.Optional.empty();
    } catch (org.libvirt.LibvirtException e) {
      return java.util.Optional.of("libvirt failed to initialise: " + e.getMessage());
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      return java.util.Optional.of(nl < 0 ? m : m.substring(0, nl));
    }
  }

  /** The one call the binding lacks (libvirt 1.2.7+). */
  interface DomainCapabilitiesApi extends Library {
    Pointer virConnectGetDomainCapabilities(
        Pointer conn, String emulatorbin, String arch, String machine, String virttype, int flags);
  }

  private static DomainCapabilitiesApi api;

  static synchronized DomainCapabilitiesApi domainCapabilitiesApi() {
    if (api == null) {
      api = Native.load(libraryName(), DomainCapabilitiesApi.class);
    }
    return api;
  }
}
