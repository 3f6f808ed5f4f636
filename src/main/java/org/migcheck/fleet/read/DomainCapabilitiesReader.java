package org.migcheck.fleet.read;

import org.migcheck.read.Attrs;
import org.migcheck.read.Walker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainCapabilities.CpuModes;
import org.migcheck.model.DomainCapabilities.CustomMode;
import org.migcheck.model.DomainCapabilities.CustomModel;
import org.migcheck.model.DomainCapabilities.HostModel;
import org.migcheck.model.DomainCapabilities.ModeCaps;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.ModelUsability;

/**
 * Reads a {@code <domainCapabilities>} document into a {@link DomainCapabilities} that holds what
 * fleet analysis uses: emulator, virt type, machine, arch, vCPU limit, iothreads and all four CPU
 * modes. The os, memory backing, devices and features sections are skipped (null or empty).
 *
 * <p>It also reads a {@code <uuid>} child of the root, which libvirt does not write but collection
 * scripts may add to tie the document to its host's capabilities.
 */
final class DomainCapabilitiesReader {
  private final Walker c;
  private final Fields v;

  private String uuid;
  private String path;
  private String domain;
  private String machine;
  private String arch;
  private Attrs vcpu;
  private Attrs iothreads;
  private final List<RawMode> modes = new ArrayList<>();

  private record RawMode(
      int line,
      String name,
      String supported,
      Map<String, List<String>> enums,
      List<Attrs> models,
      String vendor,
      Attrs maxPhysAddr,
      List<Attrs> features,
      Map<String, List<String>> blockers) {}

  DomainCapabilitiesReader(Walker c, Fields v) {
    this.c = c;
    this.v = v;
  }

  /** The host uuid the document carries (not a libvirt element), or null. */
  String hostUuid() {
    return Fields.text(uuid);
  }

  /** Reads the document whose root start tag the cursor stands on. */
  DomainCapabilities read() throws XMLStreamException {
    int line = c.line();
    while (c.nextChild()) {
      switch (c.name()) {
        case "uuid" -> uuid = c.text();
        case "path" -> path = c.text();
        case "domain" -> domain = c.text();
        case "machine" -> machine = c.text();
        case "arch" -> arch = c.text();
        case "vcpu" -> vcpu = c.attrs("max");
        case "iothreads" -> iothreads = c.attrs("supported");
        case "cpu" -> cpu();
        default -> c.skip();
      }
    }
    return new DomainCapabilities(
        v.source(),
        line,
        Fields.text(path),
        Fields.text(domain),
        Fields.text(machine),
        Fields.text(arch),
        vcpu == null ? null : v.uint(vcpu.get(0), "max", "vcpu", vcpu.line()),
        iothreads == null ? null : v.yesNo(iothreads.get(0), "supported", "iothreads", iothreads.line()),
        null,
        modes(),
        null,
        Map.of(),
        Map.of(),
        hostUuid());
  }

  private void cpu() throws XMLStreamException {
    modes.clear();
    while (c.nextChild()) {
      if (c.name().equals("mode")) {
        modes.add(mode());
      } else {
        c.skip();
      }
    }
  }

  private RawMode mode() throws XMLStreamException {
    int line = c.line();
    String name = c.attr("name");
    String supported = c.attr("supported");
    Map<String, List<String>> enums = new LinkedHashMap<>();
    List<Attrs> models = new ArrayList<>();
    String vendor = null;
    Attrs maxPhysAddr = null;
    List<Attrs> features = new ArrayList<>();
    Map<String, List<String>> blockers = new LinkedHashMap<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "enum" -> {
          String enumName = c.attr("name");
          enums.putIfAbsent(enumName == null ? "" : enumName, values());
        }
        case "model" -> models.add(model());
        case "vendor" -> vendor = c.text();
        case "maxphysaddr" -> maxPhysAddr = c.attrs("mode", "bits", "limit");
        case "feature" -> features.add(c.attrs("name", "policy"));
        case "blockers" -> {
          String model = Fields.text(c.attr("model"));
          blockers.put(model, blockerNames());
        }
        default -> c.skip();
      }
    }
    return new RawMode(line, name, supported, enums, models, vendor, maxPhysAddr, features, blockers);
  }

  private List<String> values() throws XMLStreamException {
    List<String> out = new ArrayList<>();
    while (c.nextChild()) {
      if (c.name().equals("value")) {
        String t = Fields.text(c.text());
        if (t != null) {
          out.add(t);
        }
      } else {
        c.skip();
      }
    }
    return out;
  }

  /** A model: line, fallback, vendor_id, usable, deprecated, vendor, canonical, then its name. */
  private Attrs model() throws XMLStreamException {
    int line = c.line();
    String[] a = {
      c.attr("fallback"), c.attr("vendor_id"), c.attr("usable"), c.attr("deprecated"),
      c.attr("vendor"), c.attr("canonical"), null
    };
    a[6] = c.text();
    return new Attrs(line, a);
  }

  private List<String> blockerNames() throws XMLStreamException {
    List<String> out = new ArrayList<>();
    while (c.nextChild()) {
      if (c.name().equals("feature")) {
        String n = Fields.text(c.attrs("name").get(0));
        if (n != null) {
          out.add(n);
        }
      } else {
        c.skip();
      }
    }
    return out;
  }

  // ---- conversion, in the full parser's order

  private CpuModes modes() {
    ModeCaps passthrough = new ModeCaps(false, List.of());
    ModeCaps maximum = new ModeCaps(false, List.of());
    HostModel hostModel = new HostModel(false, null);
    CustomMode custom = new CustomMode(false, List.of(), Map.of());
    for (RawMode m : modes) {
      String name = Fields.text(m.name());
      if (name == null) {
        continue;
      }
      boolean supported = Boolean.TRUE.equals(v.yesNo(m.supported(), "supported", "mode", m.line()));
      switch (name) {
        case "host-passthrough" ->
            passthrough =
                new ModeCaps(supported, m.enums().getOrDefault("hostPassthroughMigratable", List.of()));
        case "maximum" ->
            maximum = new ModeCaps(supported, m.enums().getOrDefault("maximumMigratable", List.of()));
        case "host-model" -> hostModel = new HostModel(supported, supported ? hostModel(m) : null);
        case "custom" -> custom = custom(m, supported);
        default -> {
          // a mode this version does not know: ignored, as by the full parser
        }
      }
    }
    return new CpuModes(passthrough, maximum, hostModel, custom);
  }

  /** The host-model block as virsh sees it: renamed to {@code <cpu>}, attributes dropped. */
  private GuestCpu hostModel(RawMode m) {
    Attrs model = m.models().isEmpty() ? null : m.models().get(0);
    String modelName = model == null ? null : Fields.text(model.get(6));
    Fallback fallback =
        model == null ? null : v.enumValue(Fallback.class, model.get(0), "fallback", "model", model.line());
    String vendor = Fields.text(m.vendor());
    List<GuestCpu.Feature> features = new ArrayList<>(m.features().size());
    var maxPhysAddr = HostCpuReader.maxPhysAddr(m.maxPhysAddr(), v);
    for (Attrs f : m.features()) {
      features.add(
          new GuestCpu.Feature(
              f.get(0),
              v.enumValue(FeaturePolicy.class, f.get(1), "policy", "feature", f.line()),
              f.line()));
    }
    return new GuestCpu(
        v.source(),
        m.line(),
        null,
        null,
        null,
        null,
        null,
        modelName,
        fallback,
        model == null ? null : model.get(1),
        vendor,
        null,
        null,
        null,
        null,
        maxPhysAddr,
        features,
        List.of(),
        List.of());
  }

  private CustomMode custom(RawMode m, boolean supported) {
    List<CustomModel> models = new ArrayList<>(m.models().size());
    for (Attrs x : m.models()) {
      String name = Fields.text(x.get(6));
      models.add(
          new CustomModel(
              name,
              v.enumValue(ModelUsability.class, x.get(2), "usable", "model", x.line()),
              v.yesNo(x.get(3), "deprecated", "model", x.line()),
              Fields.text(x.get(4)),
              Fields.text(x.get(5)),
              m.blockers().getOrDefault(name, List.of())));
    }
    return new CustomMode(supported, models, m.blockers());
  }
}
