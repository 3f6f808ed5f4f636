package org.migcheck.model;

import java.util.List;
import java.util.Objects;

/**
 * A CPU definition as libvirt's CPU drivers see it (virCPUDef): the input of expand, compare,
 * baseline and the output of decode. Host CPUs come from capabilities ({@code arch} set, no
 * policies); guest CPUs from domain XML, bare {@code <cpu>} or domcapabilities host-model.
 *
 * @param source the file (and element) it was read from, for messages; may be null
 */
public record CpuDef(
    CpuType type,
    String arch,
    CpuMode mode,
    CpuMatch match,
    CpuCheck check,
    Boolean migratable,
    String model,
    Fallback fallback,
    String vendorId,
    String vendor,
    List<CpuFeature> features,
    String source) {

  public CpuDef {
    features = List.copyOf(features);
  }

  /** A host CPU: model, vendor and plain features. */
  public static CpuDef host(
      String arch, String model, String vendor, List<String> featureNames, String source) {
    return new CpuDef(
        CpuType.HOST,
        arch,
        null,
        null,
        null,
        null,
        model,
        null,
        null,
        vendor,
        featureNames.stream().map(n -> new CpuFeature(n, null)).toList(),
        source);
  }

  /** A guest custom CPU with match exact and fallback allow, the libvirt defaults. */
  public static CpuDef guest(
      String model, String vendor, List<CpuFeature> features, String source) {
    return new CpuDef(
        CpuType.GUEST,
        null,
        CpuMode.CUSTOM,
        CpuMatch.EXACT,
        CpuCheck.DEFAULT,
        null,
        model,
        Fallback.ALLOW,
        null,
        vendor,
        features,
        source);
  }

  public boolean isHost() {
    return type == CpuType.HOST;
  }

  public CpuDef withFeatures(List<CpuFeature> newFeatures) {
    return new CpuDef(
        type, arch, mode, match, check, migratable, model, fallback, vendorId, vendor, newFeatures,
        source);
  }

  public CpuDef withVendor(String newVendor) {
    return new CpuDef(
        type, arch, mode, match, check, migratable, model, fallback, vendorId, newVendor, features,
        source);
  }

  public CpuDef withArch(String newArch) {
    return new CpuDef(
        type, newArch, mode, match, check, migratable, model, fallback, vendorId, vendor, features,
        source);
  }

  /**
   * Whether this CPU and {@code other} differ at most in their source. Field by field, not with
   * the record's equals: on a cold JVM its first call costs some 20 ms of method handle set-up.
   * Hosts read with the same CPU share its fields (RawDocument), which are then compared by
   * identity first.
   */
  public boolean sameButSource(CpuDef other) {
    if (type != other.type || mode != other.mode || match != other.match
        || check != other.check || fallback != other.fallback
        || !Objects.equals(arch, other.arch) || !Objects.equals(migratable, other.migratable)
        || !Objects.equals(model, other.model) || !Objects.equals(vendorId, other.vendorId)
        || !Objects.equals(vendor, other.vendor)) {
      return false;
    }
    List<CpuFeature> theirs = other.features;
    if (features == theirs) {
      return true;
    }
    if (features.size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < features.size(); i++) {
      CpuFeature f = features.get(i);
      CpuFeature g = theirs.get(i);
      if (!f.name().equals(g.name()) || f.policy() != g.policy()) {
        return false;
      }
    }
    return true;
  }

  /** The same CPU read from another source (a host whose CPU has the same bytes). */
  public CpuDef withSource(String newSource) {
    return new CpuDef(
        type, arch, mode, match, check, migratable, model, fallback, vendorId, vendor, features,
        newSource);
  }

  public CpuDef withModel(String newModel, Fallback newFallback) {
    return new CpuDef(
        type, arch, mode, match, check, migratable, newModel, newFallback, vendorId, vendor,
        features, source);
  }
}
