package org.migcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code <domainCapabilities>} document ({@code virsh domcapabilities}): what one emulator binary
 * offers for one machine type and virt type.
 *
 * @param iothreads {@code <iothreads supported>}, null when not reported
 * @param cpu the CPU modes; never null (modes missing from the document are unsupported)
 * @param memoryBacking {@code <memoryBacking>}, null when absent
 * @param devices {@code <devices>} children by element name (disk, hostdev...), document order
 * @param features {@code <features>} children by element name (gic, sev, sgx...), document order
 * @param hostUuid a {@code <uuid>} child naming the host's capabilities uuid: libvirt does not write
 *     it, collection scripts may add it so that pairing needs no file names; null when absent
 */
public record DomainCapabilities(
    String source,
    int line,
    String path,
    String domain,
    String machine,
    String arch,
    Integer vcpuMax,
    Boolean iothreads,
    Os os,
    CpuModes cpu,
    EnumCaps memoryBacking,
    Map<String, EnumCaps> devices,
    Map<String, FeatureCaps> features,
    String hostUuid)
    implements ParsedDocument {

  public DomainCapabilities {
    devices = Maps.copyOrdered(devices);
    features = Maps.copyOrdered(features);
  }

  /** A document without a host uuid (what libvirt itself writes). */
  public DomainCapabilities(String source, int line, String path, String domain, String machine,
      String arch, Integer vcpuMax, Boolean iothreads, Os os, CpuModes cpu, EnumCaps memoryBacking,
      Map<String, EnumCaps> devices, Map<String, FeatureCaps> features) {
    this(source, line, path, domain, machine, arch, vcpuMax, iothreads, os, cpu, memoryBacking,
        devices, features, null);
  }

  /** An element with {@code supported} and {@code <enum name><value/>...</enum>} children. */
  public record EnumCaps(Boolean supported, Map<String, List<String>> enums) {
    public EnumCaps {
      enums = Maps.copyOrderedLists(enums);
    }

    /** The values of one enum, empty when the enum is absent. */
    public List<String> values(String enumName) {
      return enums.getOrDefault(enumName, List.of());
    }
  }

  /** {@code <os>}: firmware enums and the loader. */
  public record Os(Boolean supported, Map<String, List<String>> enums, Loader loader) {
    public Os {
      enums = Maps.copyOrderedLists(enums);
    }
  }

  /** {@code <os><loader>}: firmware paths and loader enums (type, readonly, secure). */
  public record Loader(Boolean supported, List<String> values, Map<String, List<String>> enums) {
    public Loader {
      values = List.copyOf(values);
      enums = Maps.copyOrderedLists(enums);
    }
  }

  /** The four {@code <cpu><mode>} blocks. */
  public record CpuModes(
      ModeCaps hostPassthrough, ModeCaps maximum, HostModel hostModel, CustomMode custom) {}

  /**
   * host-passthrough or maximum: supported, and the values allowed for the domain's {@code
   * migratable} attribute (hostPassthroughMigratable / maximumMigratable).
   */
  public record ModeCaps(boolean supported, List<String> migratableValues) {
    public ModeCaps {
      migratableValues = List.copyOf(migratableValues);
    }
  }

  /**
   * The host-model block. {@code cpu} is that block renamed to {@code <cpu>} with its attributes
   * dropped (what {@code virsh cpu-compare} extracts); null when not supported.
   */
  public record HostModel(boolean supported, GuestCpu cpu) {
    public String model() {
      return cpu == null ? null : cpu.model();
    }

    public Fallback fallback() {
      return cpu == null ? null : cpu.fallback();
    }

    public String vendor() {
      return cpu == null ? null : cpu.vendor();
    }

    public MaxPhysAddr maxPhysAddr() {
      return cpu == null ? null : cpu.maxPhysAddr();
    }

    /** The features with their policies as written (require / disable). */
    public List<CpuFeature> features() {
      return cpu == null ? List.of() : cpu.cpuFeatures();
    }
  }

  /**
   * The custom mode: the models the hypervisor knows, in its order, and the {@code <blockers
   * model>} lists of newer libvirt (features that make a model unusable), by model name.
   */
  public record CustomMode(
      boolean supported, List<CustomModel> models, Map<String, List<String>> blockers) {
    public CustomMode {
      models = List.copyOf(models);
      blockers = Maps.copyOrderedLists(blockers);
    }

    /** The model of that name, or null. */
    public CustomModel model(String name) {
      for (CustomModel m : models) {
        if (m.name().equals(name)) {
          return m;
        }
      }
      return null;
    }

    /** Names of the models with {@code usable='yes'}, in document order. */
    public List<String> usableModels() {
      List<String> out = new ArrayList<>();
      for (CustomModel m : models) {
        if (m.usable() == ModelUsability.YES) {
          out.add(m.name());
        }
      }
      return out;
    }
  }

  /**
   * A custom {@code <model usable deprecated vendor canonical>}; absent attributes are null, and
   * {@code blockers} lists the features of its {@code <blockers>} element (empty when none).
   */
  public record CustomModel(
      String name,
      ModelUsability usable,
      Boolean deprecated,
      String vendor,
      String canonical,
      List<String> blockers) {
    public CustomModel {
      blockers = List.copyOf(blockers);
    }
  }

  /**
   * A {@code <features>} child: supported, its enums (e.g. hyperv features) and its simple child
   * values (e.g. sev {@code cbitpos}); nested values are keyed by path, e.g. {@code
   * defaults/spinlocks}.
   */
  public record FeatureCaps(
      String name, Boolean supported, Map<String, List<String>> enums, Map<String, String> values) {
    public FeatureCaps {
      enums = Maps.copyOrderedLists(enums);
      values = Maps.copyOrdered(values);
    }
  }

  /** Whether a {@code <features>} entry is present and says supported='yes'. */
  public boolean supportsFeature(String name) {
    FeatureCaps f = features.get(name);
    return f != null && Boolean.TRUE.equals(f.supported());
  }

  /**
   * The host-model CPU as a guest {@link CpuDef} (mode custom, match exact, the block's model,
   * fallback, vendor and features with their policies): what {@code virsh cpu-compare} compares when
   * given this file. Null when host-model is not supported.
   */
  public CpuDef hostModelCpuDef() {
    if (cpu.hostModel() == null || !cpu.hostModel().supported() || cpu.hostModel().cpu() == null) {
      return null;
    }
    return cpu.hostModel().cpu().toCpuDef();
  }
}
