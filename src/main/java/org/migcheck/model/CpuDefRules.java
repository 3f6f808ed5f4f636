package org.migcheck.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.migcheck.InputException;

/**
 * libvirt's {@code <cpu>} parsing rules (virCPUDefParseXML, spec §3.1), applied to a {@link
 * GuestCpu} in the same order libvirt checks them, so the first error reported is libvirt's.
 */
final class CpuDefRules {
  private CpuDefRules() {}

  /** vendor_id is passed to QEMU as the 12-character CPUID vendor string. */
  private static final int VENDOR_ID_LENGTH = 12;

  private static final Set<String> CACHE_MODES = Set.of("emulate", "passthrough", "disable");

  static CpuDef toCpuDef(GuestCpu c, CpuType forced) {
    CpuType type = type(c, forced);
    CpuMode mode = mode(c, type);
    if (c.migratable() != null && mode != CpuMode.HOST_PASSTHROUGH && mode != CpuMode.MAXIMUM) {
      throw error(
          c,
          "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
    }
    CpuMatch match = null;
    CpuCheck check = null;
    if (type == CpuType.GUEST) {
      match = c.match() != null ? c.match() : CpuMatch.EXACT;
      check = c.check() != null ? c.check() : CpuCheck.DEFAULT;
    }
    String arch = null;
    if (type == CpuType.HOST) {
      arch = hostArch(c);
    }
    if (c.model() == null && type == CpuType.HOST) {
      throw error(c, "Missing CPU model name");
    }
    Fallback fallback = null;
    String vendorId = null;
    if (type == CpuType.GUEST) {
      fallback = Fallback.ALLOW;
      // libvirt ignores both for host-passthrough and maximum
      if (mode != CpuMode.HOST_PASSTHROUGH && mode != CpuMode.MAXIMUM) {
        if (c.fallback() != null) {
          fallback = c.fallback();
        }
        vendorId = vendorId(c);
      }
    }
    if (c.vendor() != null && c.model() == null) {
      throw error(c, "CPU vendor specified without CPU model");
    }
    checkTopology(c);
    List<CpuFeature> features = features(c, type, mode);
    checkCache(c);
    return new CpuDef(
        type,
        arch,
        mode,
        match,
        check,
        c.migratable(),
        c.model(),
        fallback,
        vendorId,
        c.vendor(),
        features,
        c.source());
  }

  private static CpuType type(GuestCpu c, CpuType forced) {
    CpuType type = c.parsedAs(forced);
    if (type == null) {
      throw error(c, "'arch' element cannot be used inside 'cpu' element with 'match' attribute");
    }
    return type;
  }

  private static CpuMode mode(GuestCpu c, CpuType type) {
    if (c.mode() != null) {
      if (type == CpuType.HOST) {
        throw error(c, "Attribute mode is only allowed for guest CPU");
      }
      return c.mode();
    }
    return type == CpuType.HOST ? null : CpuMode.CUSTOM;
  }

  private static String hostArch(GuestCpu c) {
    if (c.arch() == null) {
      throw error(c, "Missing CPU architecture");
    }
    if (!Arches.isKnown(c.arch())) {
      throw error(c, "Unknown architecture " + c.arch());
    }
    TscCounter tsc = c.counter();
    if (tsc != null && "tsc".equals(tsc.name()) && tsc.frequency() == null) {
      throw error(c, "Missing required attribute 'frequency' in element 'counter'");
    }
    return c.arch();
  }

  private static String vendorId(GuestCpu c) {
    String id = c.vendorId();
    if (id == null) {
      return null;
    }
    if (id.length() != VENDOR_ID_LENGTH) {
      throw error(c, "vendor_id must be exactly " + VENDOR_ID_LENGTH + " characters long");
    }
    // QEMU takes it as a comma-separated property value
    if (id.indexOf(',') >= 0) {
      throw error(c, "vendor id is invalid");
    }
    return id;
  }

  private static void checkTopology(GuestCpu c) {
    CpuTopology t = c.topology();
    if (t == null) {
      return;
    }
    required(c, "sockets", t.sockets());
    nonZero(c, "dies", t.dies());
    nonZero(c, "clusters", t.clusters());
    required(c, "cores", t.cores());
    required(c, "threads", t.threads());
  }

  private static void required(GuestCpu c, String attr, Integer value) {
    if (value == null) {
      throw error(c, "Missing required attribute '" + attr + "' in element 'topology'");
    }
    nonZero(c, attr, value);
  }

  private static void nonZero(GuestCpu c, String attr, Integer value) {
    if (value != null && value == 0) {
      throw error(
          c,
          "Invalid value for attribute '" + attr + "' in element 'topology': Zero is not permitted");
    }
  }

  private static List<CpuFeature> features(GuestCpu c, CpuType type, CpuMode mode) {
    if (!c.features().isEmpty() && c.model() == null && mode == CpuMode.CUSTOM) {
      throw error(c, "Non-empty feature list specified without CPU model");
    }
    List<CpuFeature> out = new ArrayList<>(c.features().size());
    Set<String> seen = new HashSet<>();
    for (GuestCpu.Feature f : c.features()) {
      FeaturePolicy policy = null;
      if (type == CpuType.GUEST) {
        policy = f.policy() != null ? f.policy() : FeaturePolicy.REQUIRE;
      }
      if (f.name() == null || f.name().isEmpty()) {
        throw new InputException(c.source(), f.line(), -1, "Invalid CPU feature name");
      }
      if (!seen.add(f.name())) {
        throw new InputException(
            c.source(), f.line(), -1, "CPU feature '" + f.name() + "' specified more than once");
      }
      out.add(new CpuFeature(f.name(), policy));
    }
    return out;
  }

  private static void checkCache(GuestCpu c) {
    if (c.caches().isEmpty()) {
      return;
    }
    if (c.caches().size() > 1) {
      throw error(c, "at most one CPU cache element may be specified");
    }
    GuestCpu.Cache cache = c.caches().get(0);
    if (cache.level() != null && (cache.level() < 1 || cache.level() > 3)) {
      throw error(c, "invalid CPU cache level, must be in range [1,3]");
    }
    if (cache.mode() == null || !CACHE_MODES.contains(cache.mode())) {
      throw error(c, "missing or invalid CPU cache mode");
    }
  }

  private static InputException error(GuestCpu c, String message) {
    return new InputException(c.source(), c.line(), -1, message);
  }
}
