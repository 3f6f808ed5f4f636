package org.migcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <cpu>} element as written: a bare {@code <cpu>} document, a domain's {@code <cpu>}, or a
 * domcapabilities host-model block renamed to {@code <cpu>}. Attributes that are absent are null here;
 * libvirt's defaults and its validity rules are applied by {@link #toCpuDef()}, so reading a document
 * never fails on things libvirt only checks when it uses the CPU.
 *
 * <p>A {@code <cpu>} with an {@code <arch>} child is a host CPU in libvirt's eyes (cputest's host
 * files, capabilities); the record keeps it all the same.
 *
 * @param source the document's source name
 * @param line the line of the {@code <cpu>} element
 */
public record GuestCpu(
    String source,
    int line,
    CpuMode mode,
    CpuMatch match,
    CpuCheck check,
    Boolean migratable,
    String arch,
    String model,
    Fallback fallback,
    String vendorId,
    String vendor,
    Long microcodeVersion,
    CpuSignature signature,
    TscCounter counter,
    CpuTopology topology,
    MaxPhysAddr maxPhysAddr,
    List<Feature> features,
    List<NumaCell> numaCells,
    List<Cache> caches) {

  public GuestCpu {
    features = List.copyOf(features);
    numaCells = List.copyOf(numaCells);
    caches = List.copyOf(caches);
  }

  /**
   * A {@code <feature name policy/>}; policy null when the attribute is absent. The name may be null
   * or empty here, which {@link #toCpuDef()} rejects as libvirt does.
   */
  public record Feature(String name, FeaturePolicy policy, int line) {}

  /** A guest NUMA {@code <numa><cell id cpus memory unit memAccess/>}. */
  public record NumaCell(Integer id, String cpus, Long memory, String unit, String memAccess) {}

  /** {@code <cache level mode/>}; level null when absent, mode as written. */
  public record Cache(Integer level, String mode) {}

  /** The type libvirt gives this element when asked for "auto": host iff it has {@code <arch>}. */
  public CpuType detectedType() {
    return arch != null ? CpuType.HOST : CpuType.GUEST;
  }

  /**
   * The type {@link #toCpuDef(CpuType)} parses this CPU as when asked for {@code type} (null:
   * auto), or null where auto refuses it (a host CPU with a match attribute). libvirt's other
   * rules depend on this type alone, not on how it was asked for.
   */
  public CpuType parsedAs(CpuType type) {
    if (type != null) {
      return type;
    }
    return arch != null && match != null ? null : detectedType();
  }

  /** Feature names with their policies as written (null policy when absent). */
  public List<CpuFeature> cpuFeatures() {
    List<CpuFeature> out = new ArrayList<>(features.size());
    for (Feature f : features) {
      out.add(new CpuFeature(f.name(), f.policy()));
    }
    return out;
  }

  /**
   * This element as libvirt parses it in "auto" mode (the way {@code cpu-compare} does): the type
   * comes from {@code <arch>}, defaults are filled in and every rule of virCPUDefParseXML is checked.
   *
   * @throws org.migcheck.InputException naming the source and line when libvirt would reject it
   */
  public CpuDef toCpuDef() {
    return CpuDefRules.toCpuDef(this, null);
  }

  /**
   * This element parsed as a given type: {@link CpuType#HOST} is what {@code cpu-baseline} does with
   * every input, {@link CpuType#GUEST} what the domain parser does; null means auto.
   */
  public CpuDef toCpuDef(CpuType type) {
    return CpuDefRules.toCpuDef(this, type);
  }
}
