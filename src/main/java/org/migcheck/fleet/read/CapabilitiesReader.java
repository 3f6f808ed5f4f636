package org.migcheck.fleet.read;

import org.migcheck.read.Attrs;
import org.migcheck.read.Walker;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.BaseLabel;
import org.migcheck.model.HostCapabilities.Guest;
import org.migcheck.model.HostCapabilities.GuestArch;
import org.migcheck.model.HostCapabilities.GuestDomain;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.HostCapabilities.MigrationFeatures;
import org.migcheck.model.HostCapabilities.NumaCell;
import org.migcheck.model.HostCapabilities.PageCount;
import org.migcheck.model.HostCapabilities.SecModel;
import org.migcheck.model.HostCpu;

/**
 * Reads a {@code <capabilities>} document into a {@link HostCapabilities} that holds what fleet
 * analysis and guest checks use: uuid, host CPU, power management, IOMMU, migration features,
 * NUMA cells with their memory and free pages, security models and guests with their machine
 * types. The cells' CPU lists and distances, caches, memory bandwidth and guest feature lists are
 * skipped (left empty); they are most of a large host's document.
 */
final class CapabilitiesReader {
  private final Walker c;
  private final Fields v;

  private String uuid;
  private HostCpu cpu;
  private final List<String> powerManagement = new ArrayList<>();
  private Attrs iommu;
  private MigrationFeatures migration;
  private final List<RawCell> cells = new ArrayList<>();
  private final List<SecModel> secModels = new ArrayList<>();
  private final List<RawGuest> guests = new ArrayList<>();

  private record RawCell(Attrs cell, Attrs memory, List<Attrs> pages) {}

  private record RawGuest(String osType, RawArch arch) {}

  private record RawArch(
      int line,
      String name,
      String wordSize,
      String emulator,
      List<Attrs> machines,
      List<RawDomain> domains) {}

  private record RawDomain(String type, String emulator, List<Attrs> machines) {}

  CapabilitiesReader(Walker c, Fields v) {
    this.c = c;
    this.v = v;
  }

  /** Reads the document whose root start tag the cursor stands on. */
  HostCapabilities read() throws XMLStreamException {
    int line = c.line();
    while (c.nextChild()) {
      switch (c.name()) {
        case "host" -> host();
        case "guest" -> guests.add(guest());
        default -> c.skip();
      }
    }
    return new HostCapabilities(
        v.source(),
        line,
        Fields.text(uuid),
        cpu,
        powerManagement,
        iommu == null ? null : v.yesNo(iommu.get(0), "support", "iommu", iommu.line()),
        migration,
        cells(),
        List.of(),
        List.of(),
        secModels,
        guests());
  }

  private void host() throws XMLStreamException {
    while (c.nextChild()) {
      switch (c.name()) {
        case "uuid" -> uuid = c.text();
        case "cpu" -> cpu = new HostCpuReader(c, v).read();
        case "power_management" -> powerManagement();
        case "iommu" -> iommu = c.attrs("support");
        case "migration_features" -> migration = migration();
        case "topology" -> topology();
        case "secmodel" -> secModels.add(secModel());
        default -> c.skip();
      }
    }
  }

  private void topology() throws XMLStreamException {
    while (c.nextChild()) {
      if (!c.name().equals("cells")) {
        c.skip();
        continue;
      }
      cells.clear();
      while (c.nextChild()) {
        if (c.name().equals("cell")) {
          cells.add(cell());
        } else {
          c.skip();
        }
      }
    }
  }

  private RawCell cell() throws XMLStreamException {
    Attrs cell = new Attrs(c.line(), c.attr("id"));
    Attrs memory = null;
    List<Attrs> pages = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "memory" -> {
          int line = c.line();
          String unit = c.attr("unit");
          memory = new Attrs(line, unit, c.text());
        }
        case "pages" -> {
          int line = c.line();
          String unit = c.attr("unit");
          String size = c.attr("size");
          pages.add(new Attrs(line, unit, size, c.text()));
        }
        default -> c.skip();
      }
    }
    return new RawCell(cell, memory, pages);
  }

  private void powerManagement() throws XMLStreamException {
    boolean mem = false;
    boolean disk = false;
    boolean hybrid = false;
    while (c.nextChild()) {
      switch (c.name()) {
        case "suspend_mem" -> mem = true;
        case "suspend_disk" -> disk = true;
        case "suspend_hybrid" -> hybrid = true;
        default -> {
          // other kinds are not part of the record
        }
      }
      c.skip();
    }
    // the record lists them in this order whatever the document's order
    powerManagement.clear();
    if (mem) {
      powerManagement.add("suspend_mem");
    }
    if (disk) {
      powerManagement.add("suspend_disk");
    }
    if (hybrid) {
      powerManagement.add("suspend_hybrid");
    }
  }

  private MigrationFeatures migration() throws XMLStreamException {
    boolean live = false;
    List<String> transports = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "live" -> {
          live = true;
          c.skip();
        }
        case "uri_transports" -> {
          transports.clear();
          while (c.nextChild()) {
            if (c.name().equals("uri_transport")) {
              String t = Fields.text(c.text());
              if (t != null) {
                transports.add(t);
              }
            } else {
              c.skip();
            }
          }
        }
        default -> c.skip();
      }
    }
    return new MigrationFeatures(live, transports);
  }

  private SecModel secModel() throws XMLStreamException {
    String model = null;
    String doi = null;
    List<BaseLabel> labels = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "model" -> model = c.text();
        case "doi" -> doi = c.text();
        case "baselabel" -> {
          String type = c.attr("type");
          labels.add(new BaseLabel(Fields.text(type), Fields.text(c.text())));
        }
        default -> c.skip();
      }
    }
    return new SecModel(Fields.text(model), Fields.text(doi), labels);
  }

  private RawGuest guest() throws XMLStreamException {
    String osType = null;
    RawArch arch = null;
    while (c.nextChild()) {
      switch (c.name()) {
        case "os_type" -> osType = c.text();
        case "arch" -> arch = arch();
        default -> c.skip();
      }
    }
    return new RawGuest(osType, arch);
  }

  private RawArch arch() throws XMLStreamException {
    int line = c.line();
    String name = c.attr("name");
    String wordSize = null;
    String emulator = null;
    List<Attrs> machines = new ArrayList<>();
    List<RawDomain> domains = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "wordsize" -> wordSize = c.text();
        case "emulator" -> emulator = c.text();
        case "machine" -> machines.add(machine());
        case "domain" -> domains.add(domain());
        default -> c.skip();
      }
    }
    return new RawArch(line, name, wordSize, emulator, machines, domains);
  }

  private RawDomain domain() throws XMLStreamException {
    String type = c.attr("type");
    String emulator = null;
    List<Attrs> machines = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "emulator" -> emulator = c.text();
        case "machine" -> machines.add(machine());
        default -> c.skip();
      }
    }
    return new RawDomain(type, emulator, machines);
  }

  /**
   * A machine: its line, canonical, maxCpus, deprecated and (last) its name. The line is only
   * looked up when a value will not convert (hosts list hundreds of machines, all fine).
   */
  private Attrs machine() throws XMLStreamException {
    String canonical = c.attr("canonical");
    String maxCpus = c.attr("maxCpus");
    String deprecated = c.attr("deprecated");
    int line = plainNumber(maxCpus) && yesNo(deprecated) ? 0 : c.line();
    return new Attrs(line, canonical, maxCpus, deprecated, c.text());
  }

  private static boolean plainNumber(String s) {
    if (s == null) {
      return true;
    }
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean yesNo(String s) {
    return s == null || s.equals("yes") || s.equals("no");
  }

  // ---- conversion, in the full parser's order

  private List<NumaCell> cells() {
    List<NumaCell> out = new ArrayList<>(cells.size());
    for (RawCell raw : cells) {
      List<PageCount> pages = new ArrayList<>(raw.pages().size());
      for (Attrs p : raw.pages()) {
        pages.add(
            new PageCount(
                Fields.text(p.get(0)),
                v.ulong(p.get(1), "size", "pages", p.line()),
                v.ulong(p.get(2), null, "pages", p.line())));
      }
      Attrs mem = raw.memory();
      out.add(
          new NumaCell(
              v.uint(raw.cell().get(0), "id", "cell", raw.cell().line()),
              mem == null ? null : v.ulong(mem.get(1), null, "memory", mem.line()),
              mem == null ? null : v.memoryUnit(mem.get(0), "memory", mem.line()),
              pages,
              List.of(),
              List.of()));
    }
    return out;
  }

  private List<Guest> guests() {
    List<Guest> out = new ArrayList<>(guests.size());
    for (RawGuest g : guests) {
      out.add(new Guest(Fields.text(g.osType()), arch(g.arch()), List.of()));
    }
    return out;
  }

  private GuestArch arch(RawArch a) {
    if (a == null) {
      return null;
    }
    List<GuestDomain> domains = new ArrayList<>(a.domains().size());
    for (RawDomain d : a.domains()) {
      domains.add(new GuestDomain(Fields.text(d.type()), Fields.text(d.emulator()), machines(d.machines())));
    }
    return new GuestArch(
        Fields.text(a.name()),
        v.uint(a.wordSize(), null, "wordsize", a.line()),
        Fields.text(a.emulator()),
        machines(a.machines()),
        domains);
  }

  private List<Machine> machines(List<Attrs> in) {
    List<Machine> out = new ArrayList<>(in.size());
    for (Attrs m : in) {
      out.add(
          new Machine(
              Fields.text(m.get(3)),
              Fields.text(m.get(0)),
              v.uint(m.get(1), "maxCpus", "machine", m.line()),
              v.yesNo(m.get(2), "deprecated", "machine", m.line())));
    }
    return out;
  }
}
