package org.migcheck.fleet.gen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.X86Decoder;
import org.migcheck.engine.X86Driver;
import org.migcheck.model.CpuDef;

/**
 * Names feature sets the way libvirt does: the host decode for capabilities and the guest decode
 * for the domcapabilities host-model. Decodes are cached per distinct input, since a fleet has few
 * distinct CPUs.
 */
public final class CpuNamer {
  private final CpuMap map;
  private final X86Driver driver;
  private final Map<Key, CpuDef> hosts = new ConcurrentHashMap<>();
  private final Map<Bits, CpuDef> guests = new ConcurrentHashMap<>();

  private record Key(Bits bits, int family, int model, int stepping) {}

  public CpuNamer(CpuMap map) {
    this.map = map;
    this.driver = new X86Driver(map);
  }

  /** A namer over the bundled libvirt 9.0.0 cpu_map: generated hosts are as libvirt 9.0.0 writes them. */
  public static CpuNamer bundled() {
    return new CpuNamer(CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow());
  }

  public CpuMap map() {
    return map;
  }

  public X86Driver driver() {
    return driver;
  }

  /** The bits of the named features plus the vendor's CPUID string. */
  public Bits bits(Collection<String> features, String vendor) {
    Bits.Builder b = new Bits.Builder();
    for (String name : features) {
      Feature f =
          map.feature(name)
              .orElseThrow(() -> new IllegalArgumentException("feature unknown to the map: " + name));
      b.or(f.bits());
    }
    b.or(driver.vendorBits(vendor));
    return b.build();
  }

  /** The host CPU of capabilities: libvirt's host decode (signature first, no disabled features). */
  public CpuDef hostCpu(Collection<String> features, String vendor, int family, int model,
      int stepping) {
    Key key = new Key(bits(features, vendor), family, model, stepping);
    return hosts.computeIfAbsent(
        key,
        k ->
            driver
                .decoder()
                .decode(X86Decoder.Request.host(k.bits(), k.family(), k.model(), k.stepping()),
                    "generated host")
                .cpu());
  }

  /** The domcapabilities host-model: a guest decode of what the hypervisor offers. */
  public CpuDef hostModel(Collection<String> offered, String vendor) {
    Bits bits = bits(offered, vendor);
    return guests.computeIfAbsent(
        bits,
        b -> driver.decoder().decode(X86Decoder.Request.guest(b), "generated host-model").cpu());
  }

  /** Whether the offered features cover every feature of a model (domcapabilities usable). */
  public boolean usable(String modelName, Collection<String> offered, String vendor) {
    CpuModel m =
        map.model(modelName)
            .orElseThrow(() -> new IllegalArgumentException("model unknown to the map: " + modelName));
    return bits(offered, vendor).containsAll(m.bits());
  }

  /** The vendor of a model as domcapabilities prints it. */
  public String modelVendor(String modelName) {
    CpuModel m = map.model(modelName).orElseThrow();
    return m.vendor() == null ? "unknown" : m.vendor().name();
  }

  /** Map order for a set of feature names. */
  public List<String> inMapOrder(Collection<String> names) {
    List<String> out = new ArrayList<>();
    for (Feature f : map.features()) {
      if (names.contains(f.name())) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** Number of distinct host decodes done so far. */
  public int distinctHostCpus() {
    return hosts.size();
  }
}
