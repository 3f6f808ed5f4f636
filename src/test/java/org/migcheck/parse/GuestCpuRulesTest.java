package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.GuestCpu;

/** libvirt's {@code <cpu>} rules (spec §3.1): defaults, types and every error, with lines. */
class GuestCpuRulesTest {
  private final InputReader reader = new InputReader();

  private AbstractThrowableAssert<?, ? extends Throwable> extracting(
      String fixture, CpuType type, String message, int line) {
    String file = Fixtures.path(fixture);
    return assertThatThrownBy(() -> reader.extractCpus(file, type))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(message)
        .satisfies(
            e -> {
              InputException ie = (InputException) e;
              assertThat(ie.line()).as("line").isEqualTo(line);
              assertThat(ie.source()).isEqualTo(file);
            });
  }

  private static CpuDef cpu(String xml) {
    return Docs.parse(xml, CpuDocument.class).toCpuDef();
  }

  @Test
  void duplicateFeatureIsReportedAtTheSecondOne() {
    extracting("cpu-duplicate-feature.xml", null, "CPU feature 'vmx' specified more than once", 5);
  }

  @Test
  void invalidPolicyFailsWhileReading() {
    String file = Fixtures.path("cpu-invalid-policy.xml");
    assertThatThrownBy(() -> reader.readAll(List.of(file)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "Invalid value for attribute 'policy' in element 'feature': 'maybe'. Expected one of:"
                + " force, require, optional, disable, forbid")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(4))
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo(file + ":4: " + e.getMessage()));
  }

  @Test
  void hostCpuWithModeAttribute() {
    extracting("cpu-host-with-mode.xml", null, "Attribute mode is only allowed for guest CPU", 2);
    extracting("cpu-host-with-mode.xml", CpuType.HOST, "Attribute mode is only allowed for guest CPU", 2);
  }

  @Test
  void baselineOfADomainStyleCpu() {
    // mode is checked before arch, as in libvirt
    extracting("cpu-guest-without-arch.xml", CpuType.HOST, "Attribute mode is only allowed for guest CPU", 2);
    assertThat(reader.extractCpus(Fixtures.path("cpu-guest-without-arch.xml")))
        .singleElement()
        .satisfies(c -> assertThat(c.type()).isEqualTo(CpuType.GUEST));
  }

  @Test
  void archWithMatch() {
    extracting(
        "cpu-arch-and-match.xml",
        null,
        "'arch' element cannot be used inside 'cpu' element with 'match' attribute",
        1);
    // forced to guest type (the domain parser), arch is simply not read
    GuestCpu cpu = Docs.one(java.nio.file.Path.of(Fixtures.path("cpu-arch-and-match.xml")), CpuDocument.class).cpu();
    assertThat(cpu.toCpuDef(CpuType.GUEST).arch()).isNull();
  }

  @Test
  void vendorWithoutModel() {
    extracting("cpu-vendor-without-model.xml", null, "CPU vendor specified without CPU model", 1);
  }

  @Test
  void featuresWithoutModel() {
    extracting(
        "cpu-features-without-model.xml", null, "Non-empty feature list specified without CPU model", 1);
    // host-passthrough may list features without a model
    CpuDef pt = cpu("<cpu mode='host-passthrough'><feature policy='disable' name='vmx'/></cpu>");
    assertThat(pt.features()).containsExactly(new CpuFeature("vmx", FeaturePolicy.DISABLE));
  }

  @Test
  void vendorIdRules() {
    extracting("cpu-vendor-id.xml", null, "vendor_id must be exactly 12 characters long", 1);
    assertThatThrownBy(() -> cpu("<cpu><model vendor_id='Genuine,ntel'>Penryn</model></cpu>"))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("vendor id is invalid");
    assertThat(cpu("<cpu><model vendor_id='GenuineIntel'>Penryn</model></cpu>").vendorId())
        .isEqualTo("GenuineIntel");
    // ignored for host-passthrough, as libvirt does
    assertThat(cpu("<cpu mode='host-passthrough'><model vendor_id='x'/></cpu>").vendorId()).isNull();
  }

  @Test
  void migratableOnlyWithPassthroughOrMaximum() {
    extracting(
        "cpu-migratable-custom.xml",
        null,
        "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode",
        1);
    assertThat(cpu("<cpu mode='maximum' migratable='off'/>").migratable()).isFalse();
    assertThatThrownBy(() -> cpu("<cpu mode='host-passthrough' migratable='yes'/>"))
        .hasMessage(
            "Invalid value for attribute 'migratable' in element 'cpu': 'yes'. Expected one of: on, off");
  }

  @Test
  void emptyFeatureName() {
    extracting("cpu-empty-feature-name.xml", null, "Invalid CPU feature name", 4);
  }

  @Test
  void unknownModeIsReportedAtTheStartTag() {
    String file = Fixtures.path("cpu-unknown-mode.xml");
    assertThatThrownBy(() -> reader.readAll(List.of(file)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "Invalid value for attribute 'mode' in element 'cpu': 'host-everything'. Expected one"
                + " of: custom, host-model, host-passthrough, maximum")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
  }

  @Test
  void topologyRules() {
    extracting(
        "cpu-zero-sockets.xml",
        null,
        "Invalid value for attribute 'sockets' in element 'topology': Zero is not permitted",
        1);
    assertThatThrownBy(() -> cpu("<cpu><topology sockets='1' threads='1'/></cpu>"))
        .hasMessage("Missing required attribute 'cores' in element 'topology'");
    assertThatThrownBy(() -> cpu("<cpu><topology sockets='-1' cores='1' threads='1'/></cpu>"))
        .hasMessage(
            "Invalid value for attribute 'sockets' in element 'topology': '-1'. Expected a"
                + " non-negative integer");
  }

  @Test
  void hostCpuRules() {
    assertThatThrownBy(() -> cpu("<cpu><arch>x86_64</arch></cpu>")).hasMessage("Missing CPU model name");
    assertThatThrownBy(() -> cpu("<cpu><arch>vax</arch><model>x</model></cpu>"))
        .hasMessage("Unknown architecture vax");
    assertThatThrownBy(
            () -> cpu("<cpu><arch>x86_64</arch><model>x</model><counter name='tsc'/></cpu>"))
        .hasMessage("Missing required attribute 'frequency' in element 'counter'");
    CpuDef host =
        cpu(
            "<cpu><arch>x86_64</arch><model fallback='forbid'>Penryn</model>"
                + "<feature name='vmx' policy='disable'/></cpu>");
    assertThat(host.fallback()).isNull();
    assertThat(host.features()).containsExactly(new CpuFeature("vmx", null));
  }

  @Test
  void cacheRules() {
    assertThatThrownBy(() -> cpu("<cpu mode='host-passthrough'><cache mode='x'/></cpu>"))
        .hasMessage("missing or invalid CPU cache mode");
    assertThatThrownBy(() -> cpu("<cpu mode='host-passthrough'><cache level='4' mode='emulate'/></cpu>"))
        .hasMessage("invalid CPU cache level, must be in range [1,3]");
    assertThatThrownBy(
            () -> cpu("<cpu mode='host-passthrough'><cache mode='emulate'/><cache mode='disable'/></cpu>"))
        .hasMessage("at most one CPU cache element may be specified");
  }

  @Test
  void guestDefaults() {
    CpuDef def = cpu("<cpu>\n  <model>Haswell</model>\n  <feature name='vmx'/>\n</cpu>");
    assertThat(def.type()).isEqualTo(CpuType.GUEST);
    assertThat(def.mode()).isEqualTo(CpuMode.CUSTOM);
    assertThat(def.match()).isEqualTo(CpuMatch.EXACT);
    assertThat(def.fallback()).isEqualTo(Fallback.ALLOW);
    assertThat(def.features()).containsExactly(new CpuFeature("vmx", FeaturePolicy.REQUIRE));
    assertThat(def.source()).isEqualTo("<stdin>");

    CpuDef topologyOnly = cpu("<cpu><topology sockets='1' cores='2' threads='2'/></cpu>");
    assertThat(topologyOnly.model()).isNull();
    assertThat(topologyOnly.mode()).isEqualTo(CpuMode.CUSTOM);
  }

  @Test
  void guestCpuRecordKeepsWhatWasWritten() {
    GuestCpu cpu =
        Docs.parse(
                "<cpu mode='custom' match='strict' check='partial'>\n"
                    + "  <model fallback='forbid' vendor_id='AuthenticAMD'>EPYC</model>\n"
                    + "  <vendor>AMD</vendor>\n"
                    + "  <maxphysaddr mode='emulate' bits='42'/>\n"
                    + "  <feature policy='optional' name='svm'/>\n"
                    + "  <numa><cell id='0' cpus='0-1' memory='1048576' unit='KiB' memAccess='private'/></numa>\n"
                    + "</cpu>",
                CpuDocument.class)
            .cpu();
    assertThat(cpu.vendorId()).isEqualTo("AuthenticAMD");
    assertThat(cpu.maxPhysAddr().bits()).isEqualTo(42);
    assertThat(cpu.features())
        .extracting(GuestCpu.Feature::name, GuestCpu.Feature::policy, GuestCpu.Feature::line)
        .containsExactly(tuple("svm", FeaturePolicy.OPTIONAL, 5));
    assertThat(cpu.numaCells())
        .containsExactly(new GuestCpu.NumaCell(0, "0-1", 1048576L, "KiB", "private"));
    CpuDef def = cpu.toCpuDef();
    assertThat(def.match()).isEqualTo(CpuMatch.STRICT);
    assertThat(def.check()).isEqualTo(org.migcheck.model.CpuCheck.PARTIAL);
    assertThat(def.fallback()).isEqualTo(Fallback.FORBID);
  }
}
