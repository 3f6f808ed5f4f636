package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/** libvirt's cputest data: bare {@code <cpu>} documents and {@code <cpuTest>} baseline lists. */
class CputestFilesTest {
  /** cputest's decoded guest CPUs that also carry {@code <arch>}: libvirt's auto parse rejects them. */
  private static final Set<String> ARCH_WITH_MATCH =
      Set.of("x86_64-cpuid-Core2-E6850-guest.xml", "x86_64-cpuid-Phenom-B95-guest.xml");

  private final InputReader reader = new InputReader();

  private static List<Path> x86Files() throws IOException {
    Path dir = SharedData.reference("libvirt-cputest");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("x86_64-.*\\.xml")).sorted().toList();
    }
  }

  private static boolean isCpuTest(Path p) throws IOException {
    return Files.readString(p).stripLeading().startsWith("<cpuTest>");
  }

  @Test
  void everyBareCpuFileParses() throws IOException {
    List<Path> files = x86Files();
    assertThat(files).hasSizeGreaterThan(70);
    int bare = 0;
    for (Path f : files) {
      if (isCpuTest(f)) {
        continue;
      }
      List<ParsedDocument> docs = reader.readAll(List.of(f.toString()));
      assertThat(docs).as(f.toString()).singleElement().isInstanceOf(CpuDocument.class);
      CpuDocument doc = (CpuDocument) docs.get(0);
      assertThat(doc.line()).isEqualTo(1);
      assertThat(doc.cpu().model()).as(f.toString()).isNotNull();
      bare++;
    }
    assertThat(bare).isEqualTo(files.size() - 3);
  }

  @Test
  void everyBareCpuFileFollowsLibvirtsAutoParse() throws IOException {
    for (Path f : x86Files()) {
      if (isCpuTest(f)) {
        continue;
      }
      CpuDocument doc = (CpuDocument) reader.readAll(List.of(f.toString())).get(0);
      if (ARCH_WITH_MATCH.contains(f.getFileName().toString())) {
        assertThatThrownBy(doc::toCpuDef)
            .isInstanceOf(InputException.class)
            .hasMessage("'arch' element cannot be used inside 'cpu' element with 'match' attribute");
        continue;
      }
      CpuDef def = doc.toCpuDef();
      assertThat(def.type()).as(f.toString()).isEqualTo(doc.cpu().arch() != null ? CpuType.HOST : CpuType.GUEST);
      assertThat(def.source()).isEqualTo(f.toString());
    }
  }

  @Test
  void hostCpu() {
    CpuDef def = reader.extractCpus(SharedData.cputest("x86_64-host.xml").toString()).get(0);
    assertThat(def.type()).isEqualTo(CpuType.HOST);
    assertThat(def.arch()).isEqualTo("x86_64");
    assertThat(def.model()).isEqualTo("Penryn");
    assertThat(def.vendor()).isEqualTo("Intel");
    assertThat(def.mode()).isNull();
    assertThat(def.match()).isNull();
    assertThat(def.fallback()).isNull();
    assertThat(def.features())
        .extracting(CpuFeature::name)
        .containsExactly(
            "dca", "xtpr", "tm2", "est", "vmx", "ds_cpl", "monitor", "pbe", "tm", "ht", "ss", "acpi",
            "ds", "vme");
    assertThat(def.features()).allMatch(f -> f.policy() == null);
    CpuDocument doc = Docs.one(SharedData.cputest("x86_64-host.xml"), CpuDocument.class);
    assertThat(doc.cpu().topology()).isEqualTo(new CpuTopology(2, null, null, 4, 1));
  }

  @Test
  void guestCpuWithEveryPolicy() {
    CpuDocument doc = Docs.one(SharedData.cputest("x86_64-guest.xml"), CpuDocument.class);
    assertThat(doc.cpu().mode()).isNull();
    assertThat(doc.cpu().match()).isEqualTo(CpuMatch.EXACT);
    // the commented-out feature on line 4 is not a feature
    assertThat(doc.cpu().features().get(0).line()).isEqualTo(5);
    CpuDef def = doc.toCpuDef();
    assertThat(def.type()).isEqualTo(CpuType.GUEST);
    assertThat(def.mode()).isEqualTo(CpuMode.CUSTOM);
    assertThat(def.check()).isEqualTo(CpuCheck.DEFAULT);
    assertThat(def.fallback()).isEqualTo(Fallback.ALLOW);
    assertThat(def.features())
        .extracting(CpuFeature::name, CpuFeature::policy)
        .containsExactly(
            tuple("dca", FeaturePolicy.OPTIONAL),
            tuple("xtpr", FeaturePolicy.OPTIONAL),
            tuple("sse4.2", FeaturePolicy.OPTIONAL),
            tuple("3dnow", FeaturePolicy.OPTIONAL),
            tuple("ssse3", FeaturePolicy.OPTIONAL),
            tuple("vmx", FeaturePolicy.DISABLE),
            tuple("ds_cpl", FeaturePolicy.DISABLE),
            tuple("sse", FeaturePolicy.DISABLE),
            tuple("monitor", FeaturePolicy.FORCE),
            tuple("pbe", FeaturePolicy.FORCE),
            tuple("3dnowext", FeaturePolicy.FORCE),
            tuple("svm", FeaturePolicy.FORCE),
            tuple("popcnt", FeaturePolicy.FORBID));
  }

  @Test
  void minimumAndHostModelGuests() {
    CpuDef min = reader.extractCpus(SharedData.cputest("x86_64-min.xml").toString()).get(0);
    assertThat(min.match()).isEqualTo(CpuMatch.MINIMUM);
    assertThat(min.features()).isEmpty();
    CpuDef hostModel = reader.extractCpus(SharedData.cputest("x86_64-host+host-model.xml").toString()).get(0);
    assertThat(hostModel.mode()).isEqualTo(CpuMode.HOST_MODEL);
    assertThat(hostModel.features()).hasSize(14).allMatch(f -> f.policy() == FeaturePolicy.REQUIRE);
    CpuDef amd = reader.extractCpus(SharedData.cputest("x86_64-pentium3-amd.xml").toString()).get(0);
    assertThat(amd.vendor()).isEqualTo("AMD");
  }

  @Test
  void incompatibleArchStillParses() {
    CpuDef def = reader.extractCpus(SharedData.cputest("x86_64-host-incomp-arch.xml").toString()).get(0);
    assertThat(def.arch()).isEqualTo("ia64");
  }

  @Test
  void cpuTestListsYieldHostCpus() {
    List<CpuDef> cpus = reader.extractCpus(SharedData.cputest("x86_64-baseline-some-vendors.xml").toString());
    assertThat(cpus)
        .extracting(CpuDef::type, CpuDef::model, CpuDef::vendor)
        .containsExactly(
            tuple(CpuType.HOST, "Opteron_G1", null), tuple(CpuType.HOST, "Opteron_G3", "AMD"));
    assertThat(cpus.get(1).source()).endsWith("x86_64-baseline-some-vendors.xml/cpu[2]");

    List<CpuDef> incompatible =
        reader.extractCpus(SharedData.cputest("x86_64-baseline-incompatible-vendors.xml").toString());
    assertThat(incompatible).extracting(CpuDef::model, CpuDef::vendor)
        .containsExactly(tuple("Penryn", "Intel"), tuple("Opteron_G3", "AMD"));
    assertThat(reader.extractCpus(SharedData.cputest("x86_64-baseline-no-vendor.xml").toString()))
        .hasSize(2)
        .allMatch(c -> c.vendor() == null && c.isHost());
  }

  @Test
  void cpuTestIsNotADocumentType() {
    String file = SharedData.cputest("x86_64-baseline-no-vendor.xml").toString();
    assertThatThrownBy(() -> reader.readAll(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "unsupported document <cpuTest>: expected <capabilities>, <domainCapabilities>, <domain> or <cpu>")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(1));
  }

  @Test
  void baselineParsesEveryInputAsHost() {
    // cpu-baseline on a guest definition: libvirt rejects the mode attribute (spec §3.1, verified)
    String guest = SharedData.cputest("x86_64-cpuid-Cooperlake-json.xml").toString();
    assertThatThrownBy(() -> reader.extractCpus(guest, CpuType.HOST))
        .isInstanceOf(InputException.class)
        .hasMessage("Attribute mode is only allowed for guest CPU");
    String exact = SharedData.cputest("x86_64-exact.xml").toString();
    assertThatThrownBy(() -> reader.extractCpus(exact, CpuType.HOST))
        .hasMessage("Missing CPU architecture");
    assertThat(reader.extractCpus(SharedData.cputest("x86_64-host.xml").toString(), CpuType.HOST))
        .singleElement()
        .satisfies(c -> assertThat(c.isHost()).isTrue());
  }
}
