package org.migcheck.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.X86Decoder;
import org.migcheck.fleet.gen.CpuNamer;
import org.migcheck.fleet.gen.SampleFleet;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.SharedData;
import org.migcheck.testing.Virsh;

/** Each sample is what libvirt 9.0.0 would print for its CPU, and is what the generator makes. */
class SampleHostsTest {

  static List<String> hosts() {
    return Samples.HOSTS;
  }

  @Test
  void committedSamplesAreWhatTheGeneratorWrites() throws IOException {
    Map<String, String> expected = SampleFleet.files(CpuNamer.bundled());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Files.readString(Samples.file(e.getKey()), StandardCharsets.UTF_8))
          .as("samples/%s (regenerate with SampleFleet)", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void hostDecodeOfTheExpandedCpuGivesItBack(String host) {
    HostCapabilities caps = Samples.caps(host);
    CpuDef cpu = caps.cpu().toCpuDef();
    CpuSignature sig = caps.cpu().signature();
    CpuDef again =
        Samples.X86.decoder()
            .decode(
                X86Decoder.Request.host(
                    Samples.decodeInput(cpu), sig.family(), sig.model(), sig.stepping()),
                host)
            .cpu();
    assertThat(again.model()).isEqualTo(cpu.model());
    assertThat(again.vendor()).isEqualTo(cpu.vendor());
    assertThat(names(again.features())).isEqualTo(names(cpu.features()));
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void virshExpandsTheSampleLikeMigcheck(String host) {
    var virsh = Virsh.require();
    Virsh.Result r =
        Virsh.run(virsh, "cpu-baseline", "--features", Samples.file(host + ".xml").toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    CpuDef cpu = Samples.hostCpu(host);
    List<String> ours =
        Samples.MAP.takeFeatures(Samples.X86.effectiveBits(cpu)).stream()
            .map(Feature::name)
            .sorted(Comparator.naturalOrder())
            .toList();
    // virsh lists the required features (the CPU) and, for guest='off' host models, the disabled
    // ones of the model it falls back to
    assertThat(featureNames(r.stdout())).isEqualTo(ours);
    assertThat(r.stdout()).contains("<model fallback=");
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void hostModelIsAFixedPointOfTheGuestDecode(String host) {
    CpuDef hostModel = Samples.domcaps(host).hostModelCpuDef();
    CpuDef again =
        Samples.X86.decoder()
            .decode(X86Decoder.Request.guest(Samples.decodeInput(hostModel)), host)
            .cpu();
    assertThat(again.model()).isEqualTo(hostModel.model());
    assertThat(again.vendor()).isEqualTo(hostModel.vendor());
    assertThat(again.features()).isEqualTo(hostModel.features());
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void customModelsAreUsableExactlyWhenTheHostModelCoversThem(String host) {
    var bits = Samples.X86.effectiveBits(Samples.domcaps(host).hostModelCpuDef());
    for (var m : Samples.domcaps(host).cpu().custom().models()) {
      boolean covered = bits.containsAll(Samples.MAP.model(m.name()).orElseThrow().bits());
      assertThat(m.usable().xmlName()).as(m.name()).isEqualTo(covered ? "yes" : "no");
    }
  }

  /**
   * libvirt's own QEMU 7.2 domcapabilities test data comes from an EPYC-Rome host: the KVM offer
   * model must reproduce its host-model and usable lists.
   */
  @Test
  void romeDomcapsAgreeWithLibvirtsQemu72Data() throws IOException {
    String ours = Files.readString(Samples.file("epyc-rome-domcaps.xml"));
    String ref = Files.readString(SharedData.caps("qemu_7.2.0-q35.x86_64.xml"));
    assertThat(lines(ours, "<feature policy=")).isEqualTo(lines(ref, "<feature policy="));
    assertThat(lines(ours, "<model usable=")).isEqualTo(lines(ref, "<model usable="));
  }

  private static List<String> lines(String xml, String prefix) {
    return xml.lines().map(String::strip).filter(l -> l.startsWith(prefix)).toList();
  }

  private static List<String> names(List<CpuFeature> features) {
    return features.stream().map(CpuFeature::name).toList();
  }

  private static List<String> featureNames(String xml) {
    Matcher m = Pattern.compile("policy='require' name='([^']+)'").matcher(xml);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
