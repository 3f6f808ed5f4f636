package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.migcheck.engine.X86Level;
import org.migcheck.fleet.FleetAnalysis;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.FleetBaselines.HoldBack;
import org.migcheck.fleet.FleetBaselines;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetFacts;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetSuggestions;
import org.migcheck.fleet.HostNames;
import org.migcheck.fleet.MigrationGraph;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.verdict.PhysBitsAxis;
import org.migcheck.verdict.PlatformAxis;
import org.migcheck.verdict.GuestVisibleCpu;
import org.migcheck.verdict.Suggestion;
import org.migcheck.verdict.TscAxis;

/**
 * {@code migcheck fleet} for a terminal: the answer first (can one CPU model run everywhere, and
 * which), then what holds the fleet back, the classes, where guests can go, and the facts beyond
 * the CPU. Lists of hosts are abbreviated; the JSON form has them all.
 */
public final class FleetText {
  private static final int SHOWN_HOSTS = 4;
  private static final int SHOWN_HOLDBACKS = 5;
  private static final int SHOWN_VERSION_FINDINGS = 10;

  private final FleetAnalysis a;
  private final HostNames names;
  private final String cpuMap;
  private final StringBuilder out = new StringBuilder();

  public FleetText(FleetAnalysis analysis, String cpuMap) {
    this.a = analysis;
    this.names = new HostNames(analysis.fleet().hosts());
    this.cpuMap = cpuMap;
  }

  public String render() {
    headline();
    holdBacks();
    classes();
    hostModelGraph();
    passthrough();
    facts();
    out.append("cpu_map: ").append(cpuMap).append('\n');
    return out.toString();
  }

  // ---- the answer

  private void headline() {
    FleetBaselines b = a.baselines();
    FleetFacts f = a.facts();
    int vendors = f.vendors().size();
    String size =
        count(f.hosts(), "host", "hosts")
            + " in "
            + count(a.classes().size(), "class", "classes")
            + ", "
            + count(vendors, "vendor", "vendors")
            + " ("
            + join(f.vendors().stream().map(s -> s.value() + " " + s.hosts().size()).toList())
            + ")";
    Baseline all = b.overall();
    if (all.ok()) {
      out.append(size).append('\n');
      out.append("baseline: ").append(describe(all)).append(": every host runs it\n");
    } else {
      out.append(size).append(": no CPU model runs everywhere\n");
      out.append(TextLayout.wrap("  libvirt's baseline fails: " + all.error(), 4));
      for (Baseline v : b.perVendor()) {
        out.append("  ")
            .append(v.vendor())
            .append(" (")
            .append(count(v.hosts(), "host", "hosts"))
            .append(", ")
            .append(count(v.classes().size(), "class", "classes"))
            .append("): ")
            .append(v.ok() ? describe(v) : "no baseline (" + v.error() + ")")
            .append('\n');
      }
    }
    libvirtVersions();
    for (FleetSuggestions.Suggested s : a.suggestions().results()) {
      if (s.vendor() == null && !b.perVendor().isEmpty()) {
        continue; // the whole mixed fleet has none; the per-vendor lines say it
      }
      String head = s.vendor() == null ? "suggested custom CPU: " : "suggested for " + s.vendor() + ": ";
      out.append(TextLayout.wrap(head + suggestion(s), 2));
    }
  }

  /** The libvirt versions hosts declared; nothing when none did. */
  private void libvirtVersions() {
    if (a.libvirtVersions().isEmpty()) {
      return;
    }
    String line = "libvirt: " + join(a.libvirtVersions().stream()
        .map(v -> v.version() + " (" + count(v.hosts(), "host", "hosts") + ")").toList());
    if (!a.unknownVersion().isEmpty()) {
      line += "; unknown on " + hosts(a.unknownVersion())
          + ": their migrations are not compared by libvirt version (give --host-libvirt or a"
          + " snapshot.json)";
    }
    if (a.libvirtVersions().size() > 1) {
      line += "; suggestions use only what libvirt " + a.libvirtVersions().get(0).version()
          + " knows";
    }
    out.append(TextLayout.wrap(line, 2));
  }

  static String describe(Baseline b) {
    long required = b.cpu().features().stream().filter(f -> f.effectivePolicy() == FeaturePolicy.REQUIRE).count();
    long disabled = b.cpu().features().stream().filter(f -> f.effectivePolicy() == FeaturePolicy.DISABLE).count();
    StringBuilder sb = new StringBuilder(b.cpu().model());
    sb.append(" (").append(level(b.level()));
    if (required > 0) {
      sb.append(", +").append(count(required, "feature", "features"));
    }
    if (disabled > 0) {
      sb.append(", -").append(disabled).append(" disabled");
    }
    return sb.append(')').toString();
  }

  private static String suggestion(FleetSuggestions.Suggested s) {
    if (s.suggestion() == null) {
      return "none (" + s.error() + ")";
    }
    Suggestion g = s.suggestion();
    if (g.cpu() == null) {
      return "none (" + String.join("; ", g.problems()) + ")";
    }
    String text =
        g.cpu().model()
            + " ("
            + level(g.level())
            + (g.physBits() == null ? "" : ", " + g.physBits() + " address bits")
            + ", "
            + count(g.cpu().features().size(), "feature line", "feature lines")
            + (g.approximateHosts().isEmpty()
                ? ""
                : ", " + GuestVisibleCpu.APPROXIMATE + " for "
                    + String.join(", ", g.approximateHosts()))
            + ")";
    return g.ok() ? text : text + "; but " + String.join("; ", g.problems());
  }

  private void holdBacks() {
    List<HoldBack> gains = a.baselines().holdBacks().stream().filter(HoldBack::gains).toList();
    List<HoldBack> models = a.baselines().modelHoldBacks().stream().filter(HoldBack::gains).toList();
    if (a.classes().size() < 2) {
      return;
    }
    out.append("\nwho holds the baseline back (what ")
        .append(a.baselines().perVendor().isEmpty() ? "it" : "their vendor's")
        .append(" gains if they leave):\n");
    if (gains.isEmpty() && models.isEmpty()) {
      out.append("  no class alone, nor the classes of one CPU model\n");
      return;
    }
    if (gains.isEmpty()) {
      out.append("  no class alone (others lack the same features)\n");
    }
    for (HoldBack h : gains.subList(0, Math.min(SHOWN_HOLDBACKS, gains.size()))) {
      FleetClass c = h.classes().get(0);
      holdBack(a.label(c) + " (" + c.cpu().decodedModel() + ", ", h);
    }
    for (HoldBack h : models.subList(0, Math.min(SHOWN_HOLDBACKS, models.size()))) {
      String classes = join(h.classes().stream().sorted(a.classOrder()).map(a::label).toList());
      holdBack("signature " + h.model().replace(")", "; " + classes + "; "), h);
    }
  }

  private void holdBack(String who, HoldBack h) {
    String line = "  " + who + count(h.hosts(), "host", "hosts") + "): ";
    if (h.enables()) {
      line += "a baseline exists without them: " + describe(h.without());
    } else {
      line += describe(h.without()) + ", gains " + abbreviate(h.gained(), 6);
    }
    out.append(TextLayout.wrap(line, 4));
  }

  // ---- classes

  private void classes() {
    out.append("\nclasses (hosts whose guests see the same CPU; beyond: features beyond the baseline):\n");
    List<String[]> rows = new ArrayList<>();
    boolean versions = !a.libvirtVersions().isEmpty();
    rows.add(withVersion(versions, "libvirt",
        new String[] {"class", "hosts", "vendor", "host CPU", "level", "signature", "host-model", "beyond"}));
    for (FleetClass c : a.classes()) {
      var id = c.cpu().identity();
      rows.add(withVersion(versions, c.libvirt() == null ? "?"
          : join(c.libvirtVersions().stream().map(Object::toString).toList()),
          new String[] {
            a.label(c),
            Integer.toString(a.hosts(c).size()),
            String.valueOf(c.vendor()),
            String.valueOf(c.cpu().decodedModel()),
            level(c.cpu().level()),
            id.family() == null ? "-" : id.family() + "/" + id.model() + "/" + id.stepping(),
            c.hostModel() == null
                ? "(" + GuestVisibleCpu.APPROXIMATE + ")"
                : String.valueOf(c.hostModel().cpu().model()),
            "+" + a.baselines().beyondBaseline(c).size()
          }));
    }
    TextTable.append(out, rows);
    out.append("  hosts:\n");
    for (FleetClass c : a.classes()) {
      out.append("    ").append(a.label(c)).append("  ");
      out.append(abbreviate(a.hosts(c).stream().map(names::of).toList(), SHOWN_HOSTS)).append('\n');
    }
  }

  /** The row with a libvirt column after the vendor's, when hosts declare versions. */
  private static String[] withVersion(boolean versions, String value, String[] row) {
    if (!versions) {
      return row;
    }
    String[] out = new String[row.length + 1];
    System.arraycopy(row, 0, out, 0, 3);
    out[3] = value;
    System.arraycopy(row, 3, out, 4, row.length - 3);
    return out;
  }

  // ---- where guests can go

  private void hostModelGraph() {
    MigrationGraph g = a.graph();
    List<FleetClass> cs = g.classes();
    Function<Integer, String> label = i -> a.label(cs.get(i));
    out.append("\nhost-model guests (a guest keeps the CPU of the class it started on):\n");
    List<List<Integer>> groups = g.groups();
    Function<Integer, String> group = i -> join(groups.get(i).stream().map(label).toList(), " = ");
    List<String> lines = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      List<String> to = new ArrayList<>();
      for (int[] step : g.steps()) {
        if (step[0] == i) {
          to.add(group.apply(step[1]));
        }
      }
      if (to.isEmpty()) {
        stuck.add(group.apply(i));
      } else {
        lines.add("  " + group.apply(i) + " -> " + join(to));
      }
    }
    for (List<Integer> members : groups) {
      if (members.size() > 1) {
        out.append("  ").append(group.apply(groups.indexOf(members))).append(": the same CPU for them\n");
      }
    }
    if (!lines.isEmpty()) {
      out.append("  one-way steps (chain them; there is no way back unless listed):\n");
      lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }
    if (!stuck.isEmpty()) {
      out.append("  guests started on ")
          .append(join(stuck))
          .append(" cannot move to another class\n");
    }
    List<String> version = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      for (int j = 0; j < cs.size(); j++) {
        for (var r : g.versionFindings(i, j)) {
          version.add("    " + label.apply(i) + " -> " + label.apply(j) + ": " + r.severity() + " "
              + r.message());
        }
      }
    }
    if (!version.isEmpty()) {
      out.append("  between libvirt versions (the guest CPU as the source's libvirt writes it):\n");
      version.subList(0, Math.min(SHOWN_VERSION_FINDINGS, version.size()))
          .forEach(l -> out.append(TextLayout.wrap(l, 6)));
      if (version.size() > SHOWN_VERSION_FINDINGS) {
        out.append("    and ").append(version.size() - SHOWN_VERSION_FINDINGS)
            .append(" more (the JSON report lists them all)\n");
      }
    }
  }

  private void passthrough() {
    out.append("\nhost-passthrough guests (they see the host CPU itself):\n");
    out.append("  ")
        .append(count(a.passthroughCpus(), "distinct host CPU", "distinct host CPUs"))
        .append(": guests move only between hosts of the same one");
    List<List<FleetClass>> groups = a.passthroughGroups();
    if (groups.isEmpty()) {
      out.append(", which here is the same class\n");
      return;
    }
    out.append(";\n  the same host CPU, another host-model:\n");
    for (List<FleetClass> g : groups) {
      // a class without domcapabilities has no known host-model: say so rather than "another"
      List<String> unknown = g.stream().filter(c -> c.hostModel() == null).map(a::label).toList();
      out.append("    ").append(join(g.stream().map(a::label).toList(), " = "))
          .append(unknown.isEmpty() ? "" : " (no domcapabilities for " + join(unknown) + ")")
          .append('\n');
    }
  }

  // ---- facts

  private void facts() {
    FleetFacts f = a.facts();
    out.append("\nbeyond the CPU:\n");
    TextLayout t = new TextLayout(18);
    t.field(
        "  machine types",
        f.commonMachines().size()
            + " on every host; newest everywhere: "
            + (f.newestCommonMachines().isEmpty() ? "none" : join(f.newestCommonMachines())));
    // machine types missing on the same hosts go on one line (a QEMU version's new types)
    Map<List<FleetHost>, List<String>> byHosts = new java.util.LinkedHashMap<>();
    for (PlatformAxis.MissingMachine<FleetHost> m : f.missingMachines()) {
      byHosts.computeIfAbsent(m.missingOn(), k -> new ArrayList<>()).add(m.machine());
    }
    byHosts.forEach((hosts, machines) -> t.field("", join(machines) + " missing on " + hosts(hosts)));
    TscAxis.FleetTsc<FleetHost> tsc = f.tsc();
    if (tsc.minHz() == null) {
      t.field("  TSC", "no host reports its TSC rate");
    } else {
      t.field(
          "  TSC",
          Units.megahertz(tsc.minHz())
              + " .. "
              + Units.megahertz(tsc.maxHz())
              + ", spread "
              + Units.megahertz(tsc.spreadHz())
              + String.format(Locale.ROOT, " (%.0f ppm)", tsc.spreadPpm())
              + ", "
              + count(tsc.distinctRates(), "rate", "rates"));
      if (!tsc.beyondTolerance().isEmpty()) {
        t.field("", TscAxis.TOLERANCE_PPM + " ppm above the slowest: " + hosts(tsc.beyondTolerance()));
      }
      t.field("", "cannot scale a guest's TSC: " + (tsc.noScaling().isEmpty() ? "none" : hosts(tsc.noScaling())));
    }
    if (!tsc.unreported().isEmpty()) {
      t.field("", "no TSC rate reported: " + hosts(tsc.unreported()));
    }
    PhysBitsAxis.FleetBits<FleetHost> pb = f.physBits();
    t.field(
        "  phys bits",
        pb.min() == null
            ? "not reported"
            : pb.min() + (pb.max().equals(pb.min()) ? "" : " .. " + pb.max()) + "; fewest (" + pb.min() + "): " + hosts(pb.atMin()));
    if (!pb.unreported().isEmpty()) {
      t.field("", "not reported: " + hosts(pb.unreported()));
    }
    for (FleetFacts.Share s : f.secModels()) {
      t.field(s == f.secModels().get(0) ? "  security" : "", (s.value().isEmpty() ? "none" : s.value()) + ": " + count(s.hosts().size(), "host", "hosts"));
    }
    t.field(
        "  live migration",
        f.noLiveMigration().isEmpty() ? "every host" : "not on " + hosts(f.noLiveMigration()));
    for (Map.Entry<String, List<FleetHost>> e : f.duplicateUuids().entrySet()) {
      t.field("  duplicate uuid", e.getKey() + ": " + hosts(e.getValue()));
    }
    out.append(t);
  }

  // ---- helpers

  private String hosts(List<FleetHost> hosts) {
    return count(hosts.size(), "host", "hosts")
        + " ("
        + abbreviate(hosts.stream().map(names::of).toList(), SHOWN_HOSTS)
        + ")";
  }

  static String level(X86Level l) {
    return l == null ? "<v1" : l.shortName();
  }

  static String count(long n, String singular, String plural) {
    return Units.count(n, singular, plural);
  }

  static String join(List<String> items) {
    return join(items, ", ");
  }

  static String join(List<String> items, String sep) {
    return String.join(sep, items);
  }

  /** "a, b, c and 12 more". */
  static String abbreviate(List<String> items, int shown) {
    if (items.size() <= shown + 1) {
      return join(items);
    }
    return join(items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
  }

}
