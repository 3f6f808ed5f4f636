package org.migcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.fleet.CpuIdentity;
import org.migcheck.fleet.FleetAnalysis;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.FleetBaselines.HoldBack;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetFacts;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetRegistry;
import org.migcheck.fleet.FleetSuggestions;
import org.migcheck.fleet.HostNames;
import org.migcheck.fleet.MigrationGraph;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuXml;
import org.migcheck.verdict.LibvirtVersionCheck;
import org.migcheck.verdict.PhysBitsAxis;
import org.migcheck.verdict.PlatformAxis;
import org.migcheck.verdict.Suggestion;
import org.migcheck.verdict.TscAxis;
import org.migcheck.json.JsonWriter;

/**
 * {@code migcheck fleet --format json}: everything, complete (every host of every class, every
 * host's numbers), in a stable order: classes by label, hosts in input order. The keys are
 * documented in the README.
 */
public final class FleetJson {
  private final FleetAnalysis a;
  private final HostNames names;
  private final CpuMap map;
  private final String cpuMap;
  private final JsonWriter w = new JsonWriter();
  private final Map<Integer, String> machineSetIds = new LinkedHashMap<>();

  /**
   * @param map the x86 map for feature names (null when the fleet has no x86 hosts)
   */
  public FleetJson(FleetAnalysis analysis, CpuMap map, String cpuMap) {
    this.a = analysis;
    this.names = new HostNames(analysis.fleet().hosts());
    this.map = map;
    this.cpuMap = cpuMap;
    for (FleetHost h : analysis.hostsByName()) {
      machineSetIds.computeIfAbsent(h.machineSet(), k -> "M" + (machineSetIds.size() + 1));
    }
  }

  public String render() {
    w.beginObject();
    w.field("hosts", a.fleet().hosts().size());
    libvirtVersions();
    classes();
    graph();
    baselines();
    holdBacks("holdBacks", a.baselines().holdBacks());
    holdBacks("modelHoldBacks", a.baselines().modelHoldBacks());
    suggestions();
    facts();
    hostList();
    w.field("cpuMap", cpuMap);
    w.endObject();
    return w.toString();
  }

  /** Only when hosts declare their libvirt (the keys are absent otherwise). */
  private void libvirtVersions() {
    if (a.libvirtVersions().isEmpty()) {
      return;
    }
    w.name("libvirtVersions").beginArray();
    for (FleetAnalysis.VersionShare v : a.libvirtVersions()) {
      w.beginObject().field("version", v.version().toString()).field("hosts", v.hosts()).endObject();
    }
    w.endArray();
    w.stringArray("unknownLibvirtVersion", a.unknownVersion().stream().map(names::of).toList());
  }

  private void classes() {
    MigrationGraph g = a.graph();
    boolean versions = !a.libvirtVersions().isEmpty();
    w.name("classes").beginArray();
    for (int i = 0; i < a.classes().size(); i++) {
      FleetClass c = a.classes().get(i);
      CpuIdentity id = c.cpu().identity();
      w.beginObject();
      w.field("id", a.label(c));
      w.field("hosts", a.hosts(c).size());
      w.field("arch", id.arch());
      w.field("vendor", id.vendor());
      w.field("model", c.cpu().cpu().model());
      w.field("decodedModel", c.cpu().decodedModel());
      w.field("level", c.cpu().level() == null ? null : c.cpu().level().shortName());
      if (versions) {
        if (c.libvirt() == null) {
          w.name("libvirt").nullValue();
        } else {
          w.stringArray("libvirt", c.libvirtVersions().stream().map(Object::toString).toList());
        }
      }
      w.name("signature");
      if (id.family() == null) {
        w.nullValue();
      } else {
        w.beginObject()
            .field("family", id.family())
            .field("model", id.model())
            .field("stepping", id.stepping())
            .endObject();
      }
      w.stringArray("features", c.cpu().isX86() ? featureNames(c.cpu().bits()) : id.otherFeatures());
      w.field("hostModel", c.hostModel() == null ? null : CpuXml.format(c.hostModel().cpu()));
      w.field("approximate", c.approximate());
      w.stringArray("beyondBaseline", a.baselines().beyondBaseline(c));
      w.stringArray("canMoveTo", g.targets(i).stream().map(j -> a.label(g.classes().get(j))).toList());
      w.stringArray("canMoveFrom", g.sources(i).stream().map(j -> a.label(g.classes().get(j))).toList());
      w.stringArray(
          "sameHostCpu",
          a.classes().stream()
              .filter(o -> o != c && o.cpu().identity().equals(id))
              .map(a::label)
              .toList());
      w.stringArray("members", a.hosts(c).stream().map(names::of).toList());
      w.endObject();
    }
    w.endArray();
  }

  private void graph() {
    MigrationGraph g = a.graph();
    List<List<String>> groups = new ArrayList<>();
    for (List<Integer> members : g.groups()) {
      groups.add(members.stream().map(i -> a.label(g.classes().get(i))).toList());
    }
    w.name("hostModelGraph").beginObject();
    w.name("groups").beginArray();
    for (List<String> group : groups) {
      w.beginArray();
      group.forEach(w::value);
      w.endArray();
    }
    w.endArray();
    w.name("steps").beginArray();
    for (int[] s : g.steps()) {
      w.beginObject();
      w.stringArray("from", groups.get(s[0]));
      w.stringArray("to", groups.get(s[1]));
      w.endObject();
    }
    w.endArray();
    if (!a.libvirtVersions().isEmpty()) {
      w.name("libvirtVersion").beginArray();
      int n = g.classes().size();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (LibvirtVersionCheck.Result r : g.versionFindings(i, j)) {
            w.beginObject();
            w.field("from", a.label(g.classes().get(i)));
            w.field("to", a.label(g.classes().get(j)));
            w.field("severity", r.severity().name());
            w.field("message", r.message());
            w.stringArray("features", r.features());
            w.endObject();
          }
        }
      }
      w.endArray();
    }
    w.endObject();
    w.name("hostPassthrough").beginObject();
    w.field("distinctCpus", a.passthroughCpus());
    w.name("sameCpu").beginArray();
    for (List<FleetClass> same : a.passthroughGroups()) {
      w.beginArray();
      same.forEach(c -> w.value(a.label(c)));
      w.endArray();
    }
    w.endArray();
    w.endObject();
  }

  private void baselines() {
    w.name("baseline");
    baseline(a.baselines().overall());
    w.name("vendorBaselines").beginArray();
    for (Baseline b : a.baselines().perVendor()) {
      baseline(b);
    }
    w.endArray();
  }

  private void baseline(Baseline b) {
    w.beginObject();
    w.field("vendor", b.vendor());
    w.field("hosts", b.hosts());
    w.stringArray("classes", labels(b.classes()));
    w.field("ok", b.ok());
    w.field("error", b.error());
    CpuDef cpu = b.cpu();
    w.field("model", cpu == null ? null : cpu.model());
    w.field("level", b.level() == null ? null : b.level().shortName());
    w.field("cpu", cpu == null ? null : CpuXml.format(cpu));
    w.stringArray("features", cpu == null ? List.of() : featureNames(b.bits()));
    w.endObject();
  }

  private void holdBacks(String key, List<HoldBack> list) {
    w.name(key).beginArray();
    for (HoldBack h : list) {
      w.beginObject();
      w.field("model", h.model());
      w.stringArray("classes", labels(h.classes()));
      w.field("hosts", h.hosts());
      w.field("enablesBaseline", h.enables());
      w.stringArray("gained", h.gained());
      w.name("without");
      baseline(h.without());
      w.endObject();
    }
    w.endArray();
  }

  private void suggestions() {
    w.name("suggestions").beginArray();
    for (FleetSuggestions.Suggested s : a.suggestions().results()) {
      Suggestion g = s.suggestion();
      w.beginObject();
      w.field("vendor", s.vendor());
      w.field("ok", g != null && g.ok());
      w.field("model", g == null || g.cpu() == null ? null : g.cpu().model());
      w.field("level", g == null || g.level() == null ? null : g.level().shortName());
      w.field("physBits", g == null ? null : g.physBits());
      w.stringArray("approximate", g == null ? List.of() : g.approximateHosts());
      w.field("cpu", g == null || g.cpu() == null ? null : new SuggestReport(g, map).cpuXml());
      List<String> problems = new ArrayList<>();
      if (s.error() != null) {
        problems.add(s.error());
      }
      if (g != null) {
        problems.addAll(g.problems());
      }
      w.stringArray("problems", problems);
      w.endObject();
    }
    w.endArray();
  }

  private void facts() {
    FleetFacts f = a.facts();
    FleetRegistry r = a.fleet().registry();
    w.name("facts").beginObject();
    w.name("vendors").beginArray();
    for (FleetFacts.Share s : f.vendors()) {
      w.beginObject().field("vendor", s.value()).field("hosts", s.hosts().size()).endObject();
    }
    w.endArray();
    w.name("machineTypes").beginObject();
    w.stringArray("common", f.commonMachines());
    w.stringArray("newestCommon", f.newestCommonMachines());
    w.name("missing").beginArray();
    for (PlatformAxis.MissingMachine<FleetHost> m : f.missingMachines()) {
      w.beginObject().field("machine", m.machine()).field("missingOnHosts", m.missingOn().size());
      w.stringArray(
          "missingOnSets",
          machineSetIds.entrySet().stream()
              .filter(e -> !r.machineSet(e.getKey()).contains(m.machine()))
              .map(Map.Entry::getValue)
              .toList());
      w.endObject();
    }
    w.endArray();
    w.name("sets").beginArray();
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    a.fleet().hosts().forEach(h -> counts.merge(h.machineSet(), 1, Integer::sum));
    machineSetIds.forEach(
        (id, label) -> {
          w.beginObject().field("id", label).field("hosts", counts.get(id));
          w.stringArray("machines", r.machineSet(id));
          w.endObject();
        });
    w.endArray();
    w.endObject();
    TscAxis.FleetTsc<FleetHost> t = f.tsc();
    w.name("tsc").beginObject();
    w.field("minHz", t.minHz()).field("maxHz", t.maxHz()).field("spreadHz", t.spreadHz());
    w.field("spreadPpm", t.spreadPpm() == null ? null : Math.round(t.spreadPpm() * 10) / 10.0);
    w.field("distinctRates", t.distinctRates());
    w.field("tolerancePpm", TscAxis.TOLERANCE_PPM);
    hostNames("beyondTolerance", t.beyondTolerance());
    hostNames("noScaling", t.noScaling());
    hostNames("unreported", t.unreported());
    w.endObject();
    PhysBitsAxis.FleetBits<FleetHost> p = f.physBits();
    w.name("physBits").beginObject();
    w.field("min", p.min()).field("max", p.max());
    hostNames("atMin", p.atMin());
    hostNames("unreported", p.unreported());
    w.endObject();
    w.name("securityModels").beginArray();
    for (FleetFacts.Share s : f.secModels()) {
      w.beginObject().field("models", s.value()).field("hosts", s.hosts().size()).endObject();
    }
    w.endArray();
    hostNames("noLiveMigration", f.noLiveMigration());
    w.name("duplicateUuids").beginArray();
    for (Map.Entry<String, List<FleetHost>> e : f.duplicateUuids().entrySet()) {
      w.beginObject().field("uuid", e.getKey());
      hostNames("hosts", e.getValue());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private void hostList() {
    FleetRegistry r = a.fleet().registry();
    w.name("hostList").beginArray();
    for (FleetHost h : a.hostsByName()) {
      w.beginObject();
      w.field("name", names.of(h));
      w.field("source", h.name());
      w.field("domcaps", h.domcaps());
      w.field("uuid", h.uuid());
      w.field("class", a.label(h.fleetClass()));
      w.field("tscHz", h.tscHz());
      w.field("tscScaling", h.tscScaling());
      w.field("physBits", h.physBits());
      w.field("physLimit", h.physLimit());
      w.field("machineSet", machineSetIds.get(h.machineSet()));
      w.field("securityModels", String.join(", ", r.secModelSet(h.secModels())));
      w.field("liveMigration", h.liveMigration());
      w.endObject();
    }
    w.endArray();
  }

  private List<String> labels(List<FleetClass> classes) {
    return classes.stream().sorted(a.classOrder()).map(a::label).toList();
  }

  private void hostNames(String key, List<FleetHost> hosts) {
    w.stringArray(key, hosts.stream().map(names::of).toList());
  }

  private List<String> featureNames(Bits bits) {
    return map == null ? List.of() : map.presentFeatures(bits).stream().map(Feature::name).toList();
  }
}
