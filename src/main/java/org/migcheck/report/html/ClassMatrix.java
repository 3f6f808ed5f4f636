package org.migcheck.report.html;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.FleetAnalysis;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetSuggestions;
import org.migcheck.verdict.Axis;
import org.migcheck.verdict.CheckOptions;
import org.migcheck.verdict.Finding;
import org.migcheck.verdict.GuestMode;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.HostVersions;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.Safety;
import org.migcheck.model.CpuDef;

/**
 * The CPU verdict of every class pair, per guest mode: what {@code migcheck check} says about the
 * CPU between one host of each class (named by the class label). Only the CPU and architecture
 * axes are kept: a class is one CPU, while TSC, address width and machine types vary from host to
 * host within it (the report shows those per class).
 */
final class ClassMatrix {
  /** The modes of the matrix, in report order. */
  static final List<GuestMode> MODES =
      List.of(GuestMode.HOST_MODEL, GuestMode.CUSTOM, GuestMode.HOST_PASSTHROUGH);

  /** One cell: guests started on a host of {@code from} moving to a host of {@code to}. */
  record Cell(Safety safety, List<Finding> findings) {}

  private final Map<GuestMode, Cell[][]> cells = new EnumMap<>(GuestMode.class);

  ClassMatrix(CpuEngine engine, FleetAnalysis a) {
    List<FleetClass> classes = a.classes();
    int n = classes.size();
    List<Host> hosts = new ArrayList<>(n);
    for (FleetClass c : classes) {
      // one host of the class; its CPU documents are the class's
      hosts.add(a.fleet().registry().representatives(a.hosts(c), k -> a.label(c)).get(0));
    }
    // each class on its libvirt: the libvirt-version axis judges cells between versions
    HostVersions versions = HostVersions.none();
    for (int i = 0; i < n; i++) {
      if (classes.get(i).libvirt() != null) {
        versions.put(hosts.get(i), new HostVersions.Declared(classes.get(i).libvirt(), "fleet"));
      }
    }
    MigrationChecker checker = new MigrationChecker(engine, versions);
    for (GuestMode mode : MODES) {
      Cell[][] m = new Cell[n][n];
      for (int i = 0; i < n; i++) {
        Host src = hosts.get(i);
        FleetSuggestions.Suggested custom = mode == GuestMode.CUSTOM ? suggestion(a, classes.get(i)) : null;
        for (int j = 0; j < n; j++) {
          if (hosts.get(j).caps() == null || src.caps() == null) {
            m[i][j] = new Cell(Safety.UNSAFE, List.of(new Finding(Axis.CPU, Safety.UNSAFE,
                "no capabilities for " + (src.caps() == null ? src : hosts.get(j)).name())));
          } else if (custom != null && (custom.suggestion() == null || custom.suggestion().cpu() == null)) {
            m[i][j] = new Cell(Safety.UNSAFE, List.of(new Finding(Axis.CPU, Safety.UNSAFE,
                "no custom CPU suggested for " + Objects.toString(custom.vendor(), "the fleet")
                    + ": " + problems(custom))));
          } else {
            CpuDef cpu = custom == null ? null : custom.suggestion().cpu();
            CheckOptions o = new CheckOptions(List.of(mode), null, cpu, false);
            m[i][j] = cpuOnly(checker.check(src, hosts.get(j), o).get(0));
          }
        }
      }
      cells.put(mode, m);
    }
  }

  /** The suggestion for the class's vendor, else the whole fleet's. */
  private static FleetSuggestions.Suggested suggestion(FleetAnalysis a, FleetClass c) {
    List<FleetSuggestions.Suggested> all = a.suggestions().results();
    return all.stream()
        .filter(s -> s.vendor() != null && s.vendor().equals(c.vendor()))
        .findFirst()
        .orElse(all.get(0));
  }

  private static String problems(FleetSuggestions.Suggested s) {
    if (s.error() != null) {
      return s.error();
    }
    return s.suggestion() == null ? "the suggester did not run" : String.join("; ", s.suggestion().problems());
  }

  /**
   * The CPU, architecture and libvirt-version findings. The verdict's notes are left out: some are about the one
   * host standing for each class (its security driver, the way back on any axis), not the class;
   * the page shows the way back from the matrix itself.
   */
  private static Cell cpuOnly(ModeVerdict v) {
    List<Finding> kept =
        v.findings().stream().filter(f -> f.axis() == Axis.CPU || f.axis() == Axis.ARCH
            || f.axis() == Axis.LIBVIRT_VERSION).toList();
    return new Cell(Safety.of(kept), kept);
  }

  Cell cell(GuestMode mode, int from, int to) {
    return cells.get(mode)[from][to];
  }
}
