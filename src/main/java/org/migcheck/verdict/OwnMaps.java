package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.UnknownName;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.FeaturePolicy;

/**
 * Host documents read with the host's own libvirt's map and written in the run's map by feature
 * names: a model's definition can differ between maps (11.3.0 removed mpx from the Skylake
 * models), so a Skylake host CPU from libvirt 9.0.0 has mpx although the newest map's model does
 * not. Used by {@code check}, {@code suggest}, {@code fleet} and {@code gate}; only when neither
 * --libvirt nor --cpu-map picked one map for every host.
 */
public final class OwnMaps {
  private final CpuEngine run;
  private final Map<LibvirtVersion, Optional<CpuEngine>> engines = new HashMap<>();

  public OwnMaps(CpuEngine run) {
    this.run = run;
  }

  /** The engine of libvirt {@code v}'s bundled map, null when it is the run's x86 map. */
  public CpuEngine engineOf(LibvirtVersion v) {
    if (v == null) {
      return null;
    }
    return engines.computeIfAbsent(v, k -> {
      CpuEngine e = new CpuEngine(CpuMapLoader.forLibvirt(k.toString(), "libvirt version"));
      CpuMap theirs = e.maps().forArch(Arch.X86).orElse(null);
      return theirs == null || theirs == run.maps().forArch(Arch.X86).orElse(null)
          ? Optional.<CpuEngine>empty() : Optional.of(e);
    }).orElse(null);
  }

  /**
   * An x86 CPU as libvirt {@code v} means it, in the run's map: the features {@code v}'s model
   * has and the run's does not are written out (required for a guest CPU); for a guest CPU
   * (host-model) the features only the run's model has are disabled, while a host CPU keeps them
   * (libvirt's host CPUs cannot disable one). The same object when the maps agree.
   */
  public CpuDef translated(CpuDef def, LibvirtVersion v, boolean guest) {
    CpuEngine own = engineOf(v);
    if (own == null || def == null || def.model() == null) {
      return def;
    }
    // the run's map may be an older libvirt's (suggest's for the oldest host): what it cannot name
    // (a newer model, features only newer libvirts know) is left for the caller to judge
    CpuMap ours = run.featureMap(def.source());
    if (ours.model(def.model()).isEmpty()) {
      return def;
    }
    List<String> ownNames = names(own, def);
    List<String> ourNames = names(run, UnknownName.withoutNewer(def, ours));
    List<CpuFeature> features = new ArrayList<>(def.features());
    for (String n : ownNames) {
      if (!ourNames.contains(n)) {
        features.add(new CpuFeature(n, guest ? FeaturePolicy.REQUIRE : null));
      }
    }
    if (guest) {
      for (String n : ourNames) {
        if (!ownNames.contains(n)) {
          features.add(new CpuFeature(n, FeaturePolicy.DISABLE));
        }
      }
    }
    return features.size() == def.features().size() ? def : def.withFeatures(features);
  }

  /** A host whose CPU and host-model are read with its declared libvirt's map (same when none). */
  public Host read(Host h, HostVersions.Declared d) {
    if (d == null || Arch.forLibvirtArch(h.arch() == null ? "x86_64" : h.arch()).orElse(null)
        != Arch.X86) {
      return h;
    }
    CpuDef written = h.hostCpu();
    CpuDef writtenHm = h.hostModelCpu();
    CpuDef cpu = translated(written, d.version(), false);
    CpuDef hm = translated(writtenHm, d.version(), true);
    return cpu == written && hm == writtenHm ? h : h.readAs(cpu, hm);
  }

  /** Each host read with its own libvirt's map. */
  public List<Host> read(List<Host> hosts, HostVersions versions) {
    return hosts.stream().map(h -> read(h, versions.of(h))).toList();
  }

  private static List<String> names(CpuEngine e, CpuDef def) {
    return e.featureMap(def.source()).presentFeatures(e.features(def)).stream()
        .map(Feature::name).toList();
  }
}
