package org.migcheck.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainCapabilities.CpuModes;
import org.migcheck.model.DomainCapabilities.CustomMode;
import org.migcheck.model.DomainCapabilities.CustomModel;
import org.migcheck.model.DomainCapabilities.EnumCaps;
import org.migcheck.model.DomainCapabilities.FeatureCaps;
import org.migcheck.model.DomainCapabilities.HostModel;
import org.migcheck.model.DomainCapabilities.Loader;
import org.migcheck.model.DomainCapabilities.ModeCaps;
import org.migcheck.model.DomainCapabilities.Os;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.ModelUsability;
import org.migcheck.xml.XmlNode;
import org.xml.sax.Locator;

/** Maps {@link XDomainCapabilities} to {@link DomainCapabilities}. */
final class DomainCapabilitiesMapper {
  private final Values v;

  DomainCapabilitiesMapper(Values v) {
    this.v = v;
  }

  DomainCapabilities map(XDomainCapabilities x) {
    return new DomainCapabilities(
        v.source(),
        Values.line(x.loc),
        Values.text(x.path),
        Values.text(x.domain),
        Values.text(x.machine),
        Values.text(x.arch),
        x.vcpu == null ? null : v.uint(x.vcpu.max, "max", "vcpu", x.vcpu.loc),
        x.iothreads == null ? null : supported(x.iothreads.supported, "iothreads", x.iothreads.loc),
        os(x.os),
        cpu(x.cpu),
        x.memoryBacking == null ? null : enumCaps(x.memoryBacking, "memoryBacking"),
        devices(x.devices),
        features(x.features),
        Values.text(x.uuid));
  }

  private Boolean supported(String value, String elem, Locator at) {
    return v.yesNo(value, "supported", elem, at);
  }

  private EnumCaps enumCaps(XDomainCapabilities.EnumHolder h, String elem) {
    return new EnumCaps(supported(h.supported, elem, h.loc), enums(h.enums));
  }

  private static Map<String, List<String>> enums(List<XDomainCapabilities.Enum> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (XDomainCapabilities.Enum e : in) {
      out.put(e.name == null ? "" : e.name, texts(e.values));
    }
    return out;
  }

  private static List<String> texts(List<String> in) {
    List<String> out = new ArrayList<>(in.size());
    for (String s : in) {
      String t = Values.text(s);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private Os os(XDomainCapabilities.Os os) {
    if (os == null) {
      return null;
    }
    Loader loader = null;
    if (os.loader != null) {
      loader =
          new Loader(
              supported(os.loader.supported, "loader", os.loader.loc),
              texts(os.loader.values),
              enums(os.loader.enums));
    }
    return new Os(supported(os.supported, "os", os.loc), enums(os.enums), loader);
  }

  private CpuModes cpu(XDomainCapabilities.Cpu cpu) {
    ModeCaps passthrough = new ModeCaps(false, List.of());
    ModeCaps maximum = new ModeCaps(false, List.of());
    HostModel hostModel = new HostModel(false, null);
    CustomMode custom = new CustomMode(false, List.of(), Map.of());
    if (cpu != null) {
      for (XDomainCapabilities.Mode m : cpu.modes) {
        String name = Values.text(m.name);
        if (name == null) {
          continue;
        }
        boolean supported = Boolean.TRUE.equals(supported(m.supported, "mode", m.loc));
        switch (name) {
          case "host-passthrough" ->
              passthrough = new ModeCaps(supported, enumValues(m, "hostPassthroughMigratable"));
          case "maximum" -> maximum = new ModeCaps(supported, enumValues(m, "maximumMigratable"));
          case "host-model" -> hostModel = hostModel(m, supported);
          case "custom" -> custom = custom(m, supported);
          default -> {
            // a mode this version does not know: ignore, as for any new element
          }
        }
      }
    }
    return new CpuModes(passthrough, maximum, hostModel, custom);
  }

  private static List<String> enumValues(XDomainCapabilities.Mode m, String enumName) {
    for (XDomainCapabilities.Enum e : m.enums) {
      if (enumName.equals(e.name)) {
        return texts(e.values);
      }
    }
    return List.of();
  }

  private HostModel hostModel(XDomainCapabilities.Mode m, boolean supported) {
    GuestCpu cpu = supported ? CpuMapper.hostModel(m, v) : null;
    return new HostModel(supported, cpu);
  }

  private CustomMode custom(XDomainCapabilities.Mode m, boolean supported) {
    Map<String, List<String>> blockers = new LinkedHashMap<>();
    for (XDomainCapabilities.Blockers b : m.blockers) {
      List<String> names = new ArrayList<>();
      for (XDomainCapabilities.BlockerFeature f : b.features) {
        String n = Values.text(f.name);
        if (n != null) {
          names.add(n);
        }
      }
      blockers.put(Values.text(b.model), names);
    }
    List<CustomModel> models = new ArrayList<>(m.models.size());
    for (XCpu.Model x : m.models) {
      String name = Values.text(x.name);
      models.add(
          new CustomModel(
              name,
              v.enumValue(ModelUsability.class, x.usable, "usable", "model", x.loc),
              v.yesNo(x.deprecated, "deprecated", "model", x.loc),
              Values.text(x.vendor),
              Values.text(x.canonical),
              blockers.getOrDefault(name, List.of())));
    }
    return new CustomMode(supported, models, blockers);
  }

  private Map<String, EnumCaps> devices(AnyChildren devices) {
    Map<String, EnumCaps> out = new LinkedHashMap<>();
    if (devices == null) {
      return out;
    }
    for (XmlNode e : devices.elements) {
      String name = e.name();
      out.put(
          name,
          new EnumCaps(
              v.yesNo(e.attributes().get("supported"), "supported", name, devices.loc), Dom.enums(e)));
    }
    return out;
  }

  private Map<String, FeatureCaps> features(AnyChildren features) {
    Map<String, FeatureCaps> out = new LinkedHashMap<>();
    if (features == null) {
      return out;
    }
    for (XmlNode e : features.elements) {
      String name = e.name();
      out.put(
          name,
          new FeatureCaps(
              name,
              v.yesNo(e.attributes().get("supported"), "supported", name, features.loc),
              Dom.enums(e),
              Dom.values(e)));
    }
    return out;
  }
}
