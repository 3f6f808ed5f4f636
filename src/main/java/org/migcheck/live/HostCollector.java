package org.migcheck.live;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.migcheck.InputException;
import org.migcheck.xml.XmlNode;
import org.migcheck.xml.XmlTreeReader;

/** Reads one host over one libvirt connection; it only ever reads. */
public final class HostCollector {
  /** VIR_DOMAIN_XML_MIGRATABLE: the domain XML as migration sends it to the destination. */
  static final int XML_MIGRATABLE = 1 << 3;

  private final GuestSelection guests;

  public HostCollector(GuestSelection guests) {
    this.guests = guests;
  }

  /**
   * @throws LiveError naming libvirt's reason (secrets redacted) when the host cannot be read
   */
  public HostData collect(String rawUri) {
    requireLibvirt();
    LiveConnection conn = null;
    try {
      conn = new LiveConnection(rawUri);
      return read(conn, rawUri);
    } catch (LibvirtException e) {
      throw new LiveError(LibvirtUri.redactIn(LibvirtErrors.message(e), rawUri));
    } catch (LiveError e) {
      throw new LiveError(LibvirtUri.redactIn(e.getMessage(), rawUri));
    } finally {
      if (conn != null) {
        try {
          conn.close();
        } catch (LibvirtException ignored) {
          // the data is read; a failed close loses nothing
        }
      }
    }
  }

  /** The one-line reason collect cannot run at all (exit 2), or nothing when libvirt loads. */
  public static void requireLibvirt() {
    String why = LibvirtLibrary.whyMissing();
    if (why != null) {
      throw new InputException(
          "reading libvirt URIs needs libvirt's client library libvirt.so.0 (Debian package"
              + " libvirt0), which cannot be loaded: "
              + why);
    }
  }

  private HostData read(LiveConnection conn, String rawUri) throws LibvirtException {
    String collectedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String caps = conn.getCapabilities();
    XmlNode capsTree = tree(caps, "capabilities");
    XmlNode host = capsTree.child("host").orElse(null);
    String uuid = host == null ? null : host.child("uuid").map(XmlNode::text).orElse(null);
    String arch =
        host == null
            ? null
            : host.child("cpu").flatMap(c -> c.child("arch")).map(XmlNode::text).orElse(null);
    String hostname = conn.getHostName();
    String libvirt = version(conn.getLibVersion());
    String hypervisor = conn.getType() + " " + version(conn.getVersion());

    Map<String, String> guestXml = guests(conn);
    List<String> notes = new ArrayList<>();
    Map<String, String> domcaps = new LinkedHashMap<>();
    String defaultMachine = null;
    try {
      String xml = conn.domainCapabilities(null, arch, null, "kvm");
      domcaps.put("", xml);
      defaultMachine = tree(xml, "domcapabilities").child("machine").map(XmlNode::text).orElse(null);
    } catch (LiveError e) {
      notes.add("no domain capabilities for virt type kvm: " + e.getMessage());
    }
    if (!domcaps.isEmpty()) {
      for (String machine : machines(guestXml)) {
        if (machine.equals(defaultMachine)) {
          continue;
        }
        try {
          domcaps.put(machine, conn.domainCapabilities(null, arch, machine, "kvm"));
        } catch (LiveError e) {
          notes.add("no domain capabilities for machine " + machine + ": " + e.getMessage());
        }
      }
    }
    return new HostData(
        LibvirtUri.redact(rawUri),
        hostname,
        uuid,
        libvirt,
        hypervisor,
        collectedAt,
        caps,
        domcaps,
        guestXml,
        notes.stream().map(n -> LibvirtUri.redactIn(n, rawUri)).toList());
  }

  private Map<String, String> guests(LiveConnection conn) throws LibvirtException {
    Map<String, String> out = new LinkedHashMap<>();
    if (guests == GuestSelection.NONE) {
      return out;
    }
    // A guest can stop (or be undefined) between the listing and its lookup: it is then simply
    // not there any more, which must not fail the whole collection.
    for (int id : conn.listDomains()) {
      try {
        Domain d = conn.domainLookupByID(id);
        out.put(d.getName(), d.getXMLDesc(XML_MIGRATABLE));
      } catch (LibvirtException e) {
        LibvirtErrors.rethrowUnlessGone(e);
      }
    }
    if (guests == GuestSelection.ALL) {
      for (String name : conn.listDefinedDomains()) {
        try {
          out.put(name, conn.domainLookupByName(name).getXMLDesc(XML_MIGRATABLE));
        } catch (LibvirtException e) {
          LibvirtErrors.rethrowUnlessGone(e);
        }
      }
    }
    return out;
  }

  /** The machine types the guests use, e.g. pc-q35-7.2, in first-seen order. */
  private static Set<String> machines(Map<String, String> guestXml) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, String> g : guestXml.entrySet()) {
      tree(g.getValue(), g.getKey())
          .child("os")
          .flatMap(os -> os.child("type"))
          .flatMap(t -> t.attr("machine"))
          .ifPresent(out::add);
    }
    return out;
  }

  private static XmlNode tree(String xml, String what) {
    try {
      return XmlTreeReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), what);
    } catch (InputException e) {
      throw new LiveError("libvirt returned unreadable " + what + " XML: " + e.oneLine());
    }
  }

  /** libvirt's encoding: major * 1,000,000 + minor * 1,000 + release. */
  static String version(long v) {
    return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
  }
}
