package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.FeaturePolicy;
import java.util.function.Function;
import org.migcheck.verdict.CpuAxis;
import org.migcheck.verdict.LibvirtVersionAxis;
import org.migcheck.verdict.LibvirtVersionCheck;
import org.migcheck.verdict.Safety;

/**
 * Where host-model guests can live-migrate, class to class, by the CPU axis's rules
 * ({@link CpuAxis#migratableFeatures}, {@link CpuAxis#hostModelReaches}). A guest started on a host of class A
 * runs A's host-model CPU (the domcapabilities host-model without migration blockers, as libvirt
 * starts it; the capabilities CPU when A has no domcapabilities), and that custom CPU travels with
 * it; class B takes it when libvirt's compare finds it IDENTICAL or SUPERSET against what B offers
 * (B's host-model, else B's capabilities CPU). The relation is directional: newer hosts take older
 * guests, rarely the reverse.
 *
 * <p>Between classes of two declared libvirt versions the libvirt-version axis judges the guest
 * CPU as the source's libvirt writes it ({@link LibvirtVersionAxis#fleet}): an UNSAFE result
 * removes the edge, and every result is kept for reports ({@link #versionFindings}).
 */
public final class MigrationGraph {
  private static final String SRC = "\u0000src";
  private static final String DST = "\u0000dst";

  private final List<FleetClass> classes;
  private final boolean[][] reach;
  private final Map<Integer, List<LibvirtVersionCheck.Result>> versionFindings;

  private MigrationGraph(List<FleetClass> classes, boolean[][] reach,
      Map<Integer, List<LibvirtVersionCheck.Result>> versionFindings) {
    this.classes = classes;
    this.reach = reach;
    this.versionFindings = versionFindings;
  }

  /** The graph over classes (in the given order, which indexes it), classes named by label. */
  public static MigrationGraph of(
      CpuEngine engine, List<FleetClass> classes, Function<FleetClass, String> label) {
    int n = classes.size();
    boolean[][] reach = new boolean[n][n];
    Map<List<Object>, Boolean> verdicts = new HashMap<>();
    Map<List<Object>, List<LibvirtVersionCheck.Result>> byVersions = new HashMap<>();
    Map<Integer, List<LibvirtVersionCheck.Result>> findings = new HashMap<>();
    List<Side> guests = new ArrayList<>(n);
    List<Side> hosts = new ArrayList<>(n);
    for (FleetClass c : classes) {
      guests.add(guestSide(engine, c));
      hosts.add(hostSide(c));
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          reach[i][j] = true;
          continue;
        }
        Side g = guests.get(i);
        Side h = hosts.get(j);
        reach[i][j] =
            verdicts.computeIfAbsent(List.of(g.key(), h.key()), k -> fits(engine, g, h));
        FleetClass from = classes.get(i);
        FleetClass to = classes.get(j);
        if (from.emulation() == null || to.emulation() == null
            || from.emulation().equals(to.emulation())) {
          continue;
        }
        // the results depend on the guest CPU and the two versions only: computed once, named here
        List<LibvirtVersionCheck.Result> generic = byVersions.computeIfAbsent(
            List.of(g.written(), from.libvirt(), to.libvirt()),
            k -> LibvirtVersionAxis.fleet(
                g.written(), from.writtenCpu(), SRC, from.libvirt(), DST, to.libvirt()));
        if (generic.isEmpty()) {
          continue;
        }
        List<LibvirtVersionCheck.Result> named = new ArrayList<>();
        for (LibvirtVersionCheck.Result r : generic) {
          named.add(new LibvirtVersionCheck.Result(r.severity(),
              r.message().replace(SRC, label.apply(from)).replace(DST, label.apply(to)), r.features()));
          if (r.severity() == Safety.UNSAFE) {
            reach[i][j] = false;
          }
        }
        findings.put(i * n + j, List.copyOf(named));
      }
    }
    return new MigrationGraph(List.copyOf(classes), reach, findings);
  }

  /**
   * The libvirt-version axis's results for guests of class {@code from} moving to {@code to}
   * (empty when both run one version, or a version is unknown).
   */
  public List<LibvirtVersionCheck.Result> versionFindings(int from, int to) {
    return versionFindings.getOrDefault(from * classes.size() + to, List.of());
  }

  /**
   * A CPU of a class in one role, keyed by the part it comes from (parts are interned);
   * {@code written} is the guest CPU as the class's libvirt writes it (the host-model as given).
   */
  private record Side(Object key, CpuDef cpu, String arch, CpuDef written) {}

  private static Side guestSide(CpuEngine engine, FleetClass c) {
    if (c.hostModel() != null) {
      return new Side(c.hostModel(), c.hostModel().migratable(), c.arch(), c.writtenHostModel());
    }
    return new Side(c.cpu(), hostAsGuest(engine, c.visibleOrHostCpu()), c.arch(),
        hostAsGuest(engine, c.writtenCpu()));
  }

  private static Side hostSide(FleetClass c) {
    Object part = c.hostModel() != null ? c.hostModel() : c.cpu();
    return new Side(List.of("host", part), c.visibleOrHostCpu(), c.arch(), null);
  }

  /**
   * What a host-model guest gets on a host known only by its capabilities: the approximated
   * guest-visible CPU without what blocks migration.
   */
  private static CpuDef hostAsGuest(CpuEngine engine, CpuDef host) {
    CpuMap map =
        FleetRegistry.isX86(host.arch()) ? engine.maps().forArch(Arch.X86).orElse(null) : null;
    List<CpuFeature> features = new ArrayList<>();
    for (CpuFeature f : CpuAxis.migratableFeatures(map, host.features())) {
      features.add(new CpuFeature(f.name(), f.policy() == FeaturePolicy.DISABLE
          ? FeaturePolicy.DISABLE : FeaturePolicy.REQUIRE));
    }
    return CpuDef.guest(host.model(), host.vendor(), features, host.source());
  }

  private static boolean fits(CpuEngine engine, Side guest, Side host) {
    return CpuAxis.hostModelReaches(engine, guest.cpu(), guest.arch(), host.cpu(), host.arch());
  }

  public List<FleetClass> classes() {
    return classes;
  }

  /** Whether host-model guests of class {@code from} can move to class {@code to}. */
  public boolean canMove(int from, int to) {
    return reach[from][to];
  }

  /** The indexes of the classes guests of {@code from} can move to (itself excluded). */
  public List<Integer> targets(int from) {
    List<Integer> out = new ArrayList<>();
    for (int j = 0; j < classes.size(); j++) {
      if (j != from && reach[from][j]) {
        out.add(j);
      }
    }
    return out;
  }

  /** The indexes of the classes whose guests can move to {@code to} (itself excluded). */
  public List<Integer> sources(int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      if (i != to && reach[i][to]) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Classes whose guests move both ways between them, each group in class order: for host-model
   * guests they are one class.
   */
  public List<List<Integer>> groups() {
    int n = classes.size();
    int[] group = new int[n];
    java.util.Arrays.fill(group, -1);
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      for (int j = i; j < n; j++) {
        if (group[j] < 0 && reach[i][j] && reach[j][i]) {
          group[j] = out.size();
          members.add(j);
        }
      }
      out.add(members);
    }
    return out;
  }

  /**
   * The one-way steps between groups (indexes into {@link #groups()}): a to b when guests move
   * from a to b and no third group lies between them. Everything else follows by chaining steps.
   */
  public List<int[]> steps() {
    List<List<Integer>> groups = groups();
    int n = groups.size();
    boolean[][] r = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        r[a][b] = a != b && reach[groups.get(a).get(0)][groups.get(b).get(0)];
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (!r[a][b]) {
          continue;
        }
        boolean direct = true;
        for (int c = 0; c < n && direct; c++) {
          direct = !(r[a][c] && r[c][b]);
        }
        if (direct) {
          out.add(new int[] {a, b});
        }
      }
    }
    return out;
  }
}
