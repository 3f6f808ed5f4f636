package org.migcheck.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.CpuIdentity;
import org.migcheck.fleet.FleetAnalysis;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.FleetBaselines.HoldBack;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetSuggestions;
import org.migcheck.fleet.HostNames;
import org.migcheck.verdict.Finding;
import org.migcheck.verdict.GuestMode;
import org.migcheck.verdict.Safety;
import org.migcheck.verdict.GuestVisibleCpu;
import org.migcheck.verdict.Suggestion;
import org.migcheck.model.CpuXml;
import org.migcheck.json.JsonWriter;
import org.migcheck.report.SuggestReport;

/**
 * {@code migcheck fleet --format html}: one self-contained page from the same analysis as the text
 * and JSON reports. Its size grows with the classes (the matrix is class × class); hosts appear once,
 * by name, in their class's folded list. The matrix, class lists and summary are plain HTML; the
 * cells' reasons travel as JSON for the page's script, which shows them on a click.
 */
public final class FleetHtml {
  private final FleetAnalysis a;
  private final CpuMap map;
  private final String cpuMap;
  private final ClassMatrix matrix;
  private final HostNames names;

  /**
   * @param map the x86 map, for feature names and CPUID locations (null when there is none)
   */
  public FleetHtml(CpuEngine engine, FleetAnalysis analysis, CpuMap map, String cpuMap) {
    this.a = analysis;
    this.map = map;
    this.cpuMap = cpuMap;
    this.matrix = new ClassMatrix(engine, analysis);
    this.names = new HostNames(analysis.fleet().hosts());
  }

  public String render() {
    return Templates.render("fleet", new Page(this));
  }

  // ---- the page's parts, read by fleet.mustache ----

  public record Share(String name, int hosts) {
    public String count() {
      return hosts == 1 ? "1 host" : hosts + " hosts";
    }
  }

  /** @param approximate "approximate: no domcapabilities for ..." or null */
  public record Cpu(String who, int hosts, int classes, boolean ok, String model, String level,
      String cpuXml, List<String> problems, String approximate) {}

  public record Bar(String who, String classes, int hosts, int gained, String features,
      boolean enables, int percent) {}

  public record Cell(String to, String css, String symbol, String title) {}

  public record Row(String label, String vendor, String model, String level, String libvirt,
      List<Cell> cells) {}

  public record Mode(String id, String title, String help, List<String> columns, List<Row> rows) {}

  public record Reach(String mode, List<String> safe, List<String> risky) {
    public boolean hasRisky() {
      return !risky.isEmpty();
    }
  }

  public record ClassInfo(String label, String vendor, String model, String decodedModel,
      String level, String libvirt, String signature, int hostCount, String hostModel, List<String> beyond,
      String tsc, String physBits, List<String> machines, List<Reach> reach, List<String> hosts) {
    public int beyondCount() {
      return beyond.size();
    }
  }

  /** Everything the template shows. */
  public static final class Page {
    public final String title = "migcheck fleet report";
    public final int hosts;
    public final int classCount;
    public final int passthroughCpus;
    public final String cpuMap;
    public final List<Share> vendors = new ArrayList<>();
    public final List<String> vendorNames;
    public final List<String> levels;
    /** The declared libvirt versions with their hosts ("unknown" last), empty when none. */
    public final List<Share> libvirtVersions = new ArrayList<>();
    /** The values of the page's libvirt filter: the versions, and "unknown" when some hosts are. */
    public final List<String> libvirtNames = new ArrayList<>();
    public final boolean hasVersions;
    public final String oldestLibvirt;
    public final List<Cpu> baselines = new ArrayList<>();
    public final List<Cpu> suggestions = new ArrayList<>();
    public final List<Bar> holdBacks = new ArrayList<>();
    public final String tsc;
    public final String physBits;
    public final List<String> commonMachines;
    public final List<Mode> modes = new ArrayList<>();
    public final List<ClassInfo> classes = new ArrayList<>();
    public final String data;

    Page(FleetHtml r) {
      FleetAnalysis a = r.a;
      hosts = a.fleet().hosts().size();
      classCount = a.classes().size();
      passthroughCpus = a.passthroughCpus();
      cpuMap = r.cpuMap;
      a.facts().vendors().forEach(s -> vendors.add(new Share(s.value(), s.hosts().size())));
      vendorNames = a.classes().stream().map(FleetClass::vendor).filter(Objects::nonNull)
          .distinct().sorted().toList();
      levels = a.classes().stream().map(FleetHtml::level).filter(Objects::nonNull)
          .distinct().sorted().toList();
      a.libvirtVersions().forEach(v -> {
        libvirtVersions.add(new Share(v.version().toString(), v.hosts()));
        libvirtNames.add(v.version().toString());
      });
      if (!a.unknownVersion().isEmpty()) {
        libvirtVersions.add(new Share(UNKNOWN, a.unknownVersion().size()));
        libvirtNames.add(UNKNOWN);
      }
      hasVersions = !libvirtVersions.isEmpty();
      oldestLibvirt = a.libvirtVersions().size() > 1
          ? a.libvirtVersions().get(0).version().toString() : null;
      List<Baseline> bs = new ArrayList<>();
      bs.add(a.baselines().overall());
      if (a.baselines().perVendor().size() > 1) {
        bs.addAll(a.baselines().perVendor());
      }
      for (Baseline b : bs) {
        baselines.add(new Cpu(who(b.vendor()), b.hosts(), b.classes().size(), b.ok(),
            b.ok() ? b.cpu().model() : null, b.level() == null ? null : b.level().shortName(),
            b.ok() ? CpuXml.format(b.cpu()) : null,
            b.error() == null ? List.of() : List.of(b.error()), null));
      }
      for (FleetSuggestions.Suggested s : a.suggestions().results()) {
        if (s.vendor() == null && a.suggestions().results().size() > 1 && !ok(s)) {
          continue; // mixed vendors: the per-vendor suggestions are the useful ones
        }
        Suggestion g = s.suggestion();
        List<String> problems = new ArrayList<>();
        if (s.error() != null) {
          problems.add(s.error());
        }
        if (g != null) {
          problems.addAll(g.problems());
        }
        suggestions.add(new Cpu(who(s.vendor()), 0, 0, ok(s),
            g == null || g.cpu() == null ? null : g.cpu().model(),
            g == null || g.level() == null ? null : g.level().shortName(),
            g == null || g.cpu() == null ? null : new SuggestReport(g, r.map).cpuXml(), problems,
            g == null || g.approximateHosts().isEmpty() ? null
                : GuestVisibleCpu.APPROXIMATE + " for " + String.join(", ", g.approximateHosts())));
      }
      List<HoldBack> hb = new ArrayList<>(a.baselines().holdBacks());
      hb.addAll(a.baselines().modelHoldBacks());
      int most = hb.stream().mapToInt(h -> h.gained().size()).max().orElse(0);
      for (HoldBack h : hb) {
        if (!h.gains()) {
          continue;
        }
        String classes = String.join(", ", h.classes().stream().sorted(a.classOrder()).map(a::label).toList());
        holdBacks.add(new Bar(h.model() == null ? classes : "generation " + h.model(), classes,
            h.hosts(), h.gained().size(), String.join(", ", h.gained()), h.enables(),
            most == 0 ? 100 : Math.max(2, 100 * h.gained().size() / most)));
      }
      holdBacks.sort((x, y) -> Integer.compare(y.gained(), x.gained()));
      var t = a.facts().tsc();
      tsc = t.minHz() == null ? "not reported"
          : t.distinctRates() + " rate(s), " + ghz(t.minHz()) + (t.spreadHz() == 0 ? "" : " to " + ghz(t.maxHz()))
              + ", " + t.beyondTolerance().size() + " host(s) beyond ±"
              + org.migcheck.verdict.TscAxis.TOLERANCE_PPM + " ppm of the fleet's rate, "
              + t.noScaling().size() + " without TSC scaling";
      var p = a.facts().physBits();
      physBits = p.min() == null ? "not reported"
          : (Objects.equals(p.min(), p.max()) ? p.min() + " bits" : p.min() + " to " + p.max() + " bits")
              + " (" + p.atMin().size() + " host(s) at the minimum)";
      commonMachines = a.facts().newestCommonMachines();
      for (GuestMode m : ClassMatrix.MODES) {
        modes.add(r.mode(m));
      }
      for (int i = 0; i < a.classes().size(); i++) {
        classes.add(r.classInfo(i));
      }
      data = r.data(classes);
    }
  }

  /** The filter value and summary name of hosts without a declared libvirt version. */
  static final String UNKNOWN = "unknown";

  private static String libvirt(FleetAnalysis a, FleetClass c) {
    if (a.libvirtVersions().isEmpty()) {
      return null;
    }
    return c.libvirt() == null ? UNKNOWN
        : String.join(", ", c.libvirtVersions().stream().map(Object::toString).toList());
  }

  private static boolean ok(FleetSuggestions.Suggested s) {
    return s.suggestion() != null && s.suggestion().ok();
  }

  private static String who(String vendor) {
    return vendor == null ? "whole fleet" : vendor;
  }

  private static String level(FleetClass c) {
    return c.cpu().level() == null ? null : c.cpu().level().shortName();
  }

  private static String ghz(long hz) {
    return String.format(java.util.Locale.ROOT, "%.3f GHz", hz / 1e9);
  }

  private static String modeId(GuestMode m) {
    return m == GuestMode.CUSTOM ? "custom" : m.xmlName();
  }

  private Mode mode(GuestMode m) {
    List<FleetClass> cs = a.classes();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      List<Cell> cells = new ArrayList<>();
      for (int j = 0; j < cs.size(); j++) {
        Safety s = matrix.cell(m, i, j).safety();
        cells.add(new Cell(a.label(cs.get(j)), Safeties.css(s), Safeties.symbol(s),
            a.label(cs.get(i)) + " → " + a.label(cs.get(j)) + ": " + s));
      }
      FleetClass c = cs.get(i);
      rows.add(new Row(a.label(c), c.vendor(), c.cpu().cpu().model(), level(c),
          libvirt(a, c) == null ? "" : "libvirt " + libvirt(a, c), cells));
    }
    String title = switch (m) {
      case HOST_MODEL -> "host-model guests";
      case CUSTOM -> "guests with the suggested custom CPU";
      case HOST_PASSTHROUGH -> "host-passthrough guests";
    };
    String help = switch (m) {
      case HOST_MODEL -> "A guest started on the row's class runs that class's host-model CPU;"
          + " it can go to the column's class when libvirt's compare accepts that CPU there.";
      case CUSTOM -> "A guest runs the CPU suggested for its vendor (see the summary); it can go"
          + " where that CPU runs.";
      case HOST_PASSTHROUGH -> "A guest sees the row's host CPU as it is; anything else is"
          + " another CPU under it.";
    };
    return new Mode(modeId(m), title, help, cs.stream().map(a::label).toList(), rows);
  }

  private ClassInfo classInfo(int i) {
    FleetClass c = a.classes().get(i);
    List<FleetHost> hs = a.hosts(c);
    CpuIdentity id = c.cpu().identity();
    List<Reach> reach = new ArrayList<>();
    for (GuestMode m : ClassMatrix.MODES) {
      List<String> safe = new ArrayList<>();
      List<String> risky = new ArrayList<>();
      for (int j = 0; j < a.classes().size(); j++) {
        Safety s = matrix.cell(m, i, j).safety();
        String to = a.label(a.classes().get(j));
        if (j != i && s == Safety.SAFE) {
          safe.add(to);
        } else if (j != i && s == Safety.RISKY) {
          risky.add(to);
        }
      }
      reach.add(new Reach(modeId(m), safe, risky));
    }
    return new ClassInfo(a.label(c), c.vendor(), c.cpu().cpu().model(), c.cpu().decodedModel(),
        level(c),
        libvirt(a, c),
        id.family() == null ? null : id.family() + "/" + id.model() + "/" + id.stepping(),
        hs.size(),
        c.hostModel() == null ? null : c.hostModel().cpu().model(),
        a.baselines().beyondBaseline(c),
        range(hs.stream().map(FleetHost::tscHz).filter(Objects::nonNull).map(h -> (double) h).toList(), true),
        range(hs.stream().map(FleetHost::guestPhysBits).filter(Objects::nonNull).map(b -> (double) b).toList(), false),
        commonMachines(hs),
        reach,
        hs.stream().map(names::of).toList());
  }

  private static String range(List<Double> values, boolean hz) {
    if (values.isEmpty()) {
      return null;
    }
    double min = values.stream().mapToDouble(d -> d).min().orElseThrow();
    double max = values.stream().mapToDouble(d -> d).max().orElseThrow();
    // TSC rates of one CPU model often differ by kHz only: MHz with three decimals tells them apart
    java.util.function.DoubleFunction<String> f =
        v -> hz ? String.format(java.util.Locale.ROOT, "%.3f MHz", v / 1e6) : String.valueOf((long) v);
    return min == max ? f.apply(min) : f.apply(min) + " to " + f.apply(max);
  }

  /** The machine types every host of the class offers. */
  private List<String> commonMachines(List<FleetHost> hs) {
    Set<Integer> sets = new LinkedHashSet<>();
    hs.forEach(h -> sets.add(h.machineSet()));
    Set<String> common = null;
    for (int id : sets) {
      List<String> ms = a.fleet().registry().machineSet(id);
      if (common == null) {
        common = new TreeSet<>(ms);
      } else {
        common.retainAll(ms);
      }
    }
    return common == null ? List.of() : List.copyOf(common);
  }

  /** What the page's script reads: the classes and every cell's reasons (shared by index). */
  private String data(List<ClassInfo> infos) {
    JsonWriter w = new JsonWriter();
    Map<Finding, Integer> findings = new HashMap<>();
    List<Finding> findingList = new ArrayList<>();
    w.beginObject();
    w.name("cells").beginObject();
    for (GuestMode m : ClassMatrix.MODES) {
      w.name(modeId(m)).beginArray();
      for (int i = 0; i < a.classes().size(); i++) {
        w.beginArray();
        for (int j = 0; j < a.classes().size(); j++) {
          ClassMatrix.Cell c = matrix.cell(m, i, j);
          w.beginArray().value(c.safety().name());
          w.beginArray();
          for (Finding f : c.findings()) {
            Finding shared = new Finding(f.axis(), f.severity(),
                templated(f.message(), a.label(a.classes().get(i)), a.label(a.classes().get(j))),
                f.features());
            w.value(findings.computeIfAbsent(shared, k -> {
              findingList.add(k);
              return findingList.size() - 1;
            }));
          }
          w.endArray().endArray();
        }
        w.endArray();
      }
      w.endArray();
    }
    w.endObject();
    Set<String> used = new TreeSet<>();
    w.name("findings").beginArray();
    for (Finding f : findingList) {
      w.beginObject().field("axis", f.axis().title()).field("severity", f.severity().name())
          .field("message", f.message());
      w.stringArray("features", f.features());
      w.endObject();
      used.addAll(f.features());
    }
    w.endArray();
    // each feature's CPUID (or MSR) location once, for every finding that names it
    w.name("locations").beginObject();
    for (String n : used) {
      w.field(n, location(n));
    }
    w.endObject();
    w.name("classes").beginArray();
    for (ClassInfo c : infos) {
      w.beginObject().field("id", c.label()).field("vendor", c.vendor()).field("model", c.model())
          .field("level", c.level()).field("libvirt", c.libvirt() == null ? null : c.libvirt().replace(" ", "")).field("hosts", c.hostCount()).field("tsc", c.tsc())
          .field("physBits", c.physBits());
      w.stringArray("machines", c.machines());
      w.endObject();
    }
    w.endArray();
    w.endObject();
    // inside <script type="application/json">: no "<" may end the element or open a comment, so
    // every <, > and & is a JSON escape (the same string to JSON.parse); no HTML escaping needed,
    // which keeps the page less than half the size of an attribute's &quot;s
    return w.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  /** Placeholders the page's script replaces with the cell's classes (see fleet-js). */
  static final String FROM = "\u0001";
  static final String TO = "\u0002";

  /**
   * A cell's message with its two classes' labels as placeholders: the same reason between other
   * classes is then one finding in the page, whose size would otherwise grow with every pair.
   */
  static String templated(String message, String from, String to) {
    String out = message.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(from) + "(?![\\w])", FROM);
    return from.equals(to) ? out
        : out.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(to) + "(?![\\w])", TO);
  }

  private String location(String feature) {
    return map == null ? null : map.feature(feature).map(f -> f.location()).orElse(null);
  }
}
