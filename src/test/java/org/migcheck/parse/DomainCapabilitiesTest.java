package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainCapabilities.CustomModel;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.ModelUsability;

/** Every {@code <domainCapabilities>} file of the reference set, with values read from the files. */
class DomainCapabilitiesTest {

  private static DomainCapabilities domcaps(String file) {
    return Docs.caps(file, DomainCapabilities.class);
  }

  private static CpuFeature require(String name) {
    return new CpuFeature(name, FeaturePolicy.REQUIRE);
  }

  @Test
  void ppc64() {
    DomainCapabilities d = domcaps("qemu_10.0.0.ppc64.xml");
    assertThat(d.path()).isEqualTo("/usr/bin/qemu-system-ppc64");
    assertThat(d.domain()).isEqualTo("kvm");
    assertThat(d.machine()).isEqualTo("pseries-10.0");
    assertThat(d.arch()).isEqualTo("ppc64");
    assertThat(d.vcpuMax()).isEqualTo(4096);
    assertThat(d.iothreads()).isTrue();
    assertThat(d.cpu().hostPassthrough().supported()).isTrue();
    assertThat(d.cpu().hostPassthrough().migratableValues()).containsExactly("off");
    assertThat(d.cpu().maximum().supported()).isFalse();
    assertThat(d.cpu().hostModel().supported()).isTrue();
    assertThat(d.cpu().hostModel().model()).isEqualTo("POWER8");
    assertThat(d.cpu().hostModel().fallback()).isEqualTo(Fallback.ALLOW);
    assertThat(d.cpu().hostModel().vendor()).isNull();
    assertThat(d.cpu().hostModel().maxPhysAddr()).isEqualTo(new MaxPhysAddr("passthrough", null, 64));
    assertThat(d.cpu().hostModel().features()).isEmpty();
    assertThat(d.cpu().custom().models())
        .extracting(CustomModel::name, CustomModel::usable, CustomModel::vendor)
        .containsExactly(
            tuple("POWER10", ModelUsability.UNKNOWN, "IBM"),
            tuple("POWER11", ModelUsability.UNKNOWN, "IBM"),
            tuple("POWER7", ModelUsability.UNKNOWN, "IBM"),
            tuple("POWER8", ModelUsability.UNKNOWN, "IBM"),
            tuple("POWER9", ModelUsability.UNKNOWN, "IBM"));
    assertThat(d.cpu().custom().usableModels()).isEmpty();

    CpuDef hostModel = d.hostModelCpuDef();
    assertThat(hostModel.type()).isEqualTo(CpuType.GUEST);
    assertThat(hostModel.mode()).isEqualTo(CpuMode.CUSTOM);
    assertThat(hostModel.match()).isEqualTo(CpuMatch.EXACT);
    assertThat(hostModel.check()).isEqualTo(CpuCheck.DEFAULT);
    assertThat(hostModel.model()).isEqualTo("POWER8");
    assertThat(hostModel.fallback()).isEqualTo(Fallback.ALLOW);
    assertThat(hostModel.features()).isEmpty();
    assertThat(d.supportsFeature("sev")).isFalse();
    assertThat(d.supportsFeature("backup")).isTrue();
  }

  @Test
  void x86Qemu10() {
    DomainCapabilities d = domcaps("qemu_10.1.0-q35.x86_64.xml");
    assertThat(d.machine()).isEqualTo("pc-q35-10.1");
    assertThat(d.vcpuMax()).isEqualTo(4096);
    assertThat(d.os().supported()).isTrue();
    assertThat(d.os().enums()).containsEntry("firmware", List.of("bios", "efi"));
    assertThat(d.os().loader().values())
        .containsExactly("/obviously/fake/firmware1.fd", "/obviously/fake/firmware2.fd");
    assertThat(d.os().loader().enums().get("type")).containsExactly("rom", "pflash");
    assertThat(d.cpu().hostPassthrough().migratableValues()).containsExactly("on", "off");
    assertThat(d.cpu().maximum().supported()).isTrue();
    assertThat(d.cpu().maximum().migratableValues()).containsExactly("on", "off");

    DomainCapabilities.HostModel hm = d.cpu().hostModel();
    assertThat(hm.model()).isEqualTo("EPYC-Rome");
    assertThat(hm.fallback()).isEqualTo(Fallback.FORBID);
    assertThat(hm.vendor()).isEqualTo("AMD");
    assertThat(hm.maxPhysAddr()).isEqualTo(new MaxPhysAddr("passthrough", null, 64));
    assertThat(hm.features()).hasSize(32);
    assertThat(hm.features().get(0)).isEqualTo(require("x2apic"));
    assertThat(hm.features().get(31)).isEqualTo(new CpuFeature("xsaves", FeaturePolicy.DISABLE));

    assertThat(d.cpu().custom().models()).hasSize(145);
    assertThat(d.cpu().custom().blockers()).hasSize(107);
    assertThat(d.cpu().custom().model("486"))
        .isEqualTo(new CustomModel("486", ModelUsability.YES, null, "unknown", "486-v1", List.of()));
    assertThat(d.cpu().custom().model("Skylake-Client-IBRS"))
        .isEqualTo(
            new CustomModel(
                "Skylake-Client-IBRS",
                ModelUsability.NO,
                null,
                "Intel",
                "Skylake-Client-v2",
                List.of("erms", "hle", "invpcid", "pcid", "rtm", "spec-ctrl")));
    assertThat(d.cpu().custom().model("EPYC-Genoa").canonical()).isEqualTo("EPYC-Genoa-v1");
    assertThat(d.cpu().custom().model("Icelake-Server-v7").canonical()).isNull();

    assertThat(d.memoryBacking().values("sourceType")).containsExactly("file", "anonymous", "memfd");
    assertThat(d.devices().keySet())
        .containsExactly(
            "disk", "graphics", "video", "hostdev", "rng", "filesystem", "tpm", "redirdev",
            "channel", "crypto", "interface", "panic", "console");
    assertThat(d.devices().get("hostdev").values("subsysType")).containsExactly("usb", "pci", "scsi");
    assertThat(d.devices().get("hostdev").values("capsType")).isEmpty();
    assertThat(d.features().keySet())
        .containsExactly(
            "gic", "vmcoreinfo", "genid", "backingStoreInput", "backup", "async-teardown", "ps2",
            "tdx", "sev", "sgx", "hyperv", "launchSecurity");
    assertThat(d.supportsFeature("tdx")).isTrue();
    assertThat(d.supportsFeature("gic")).isFalse();
    assertThat(d.features().get("hyperv").enums().get("features"))
        .startsWith("relaxed", "vapic")
        .endsWith("xmm_input")
        .hasSize(16);
    assertThat(d.features().get("launchSecurity").enums()).containsEntry("sectype", List.of("tdx"));

    CpuDef hostModel = d.hostModelCpuDef();
    assertThat(hostModel.model()).isEqualTo("EPYC-Rome");
    assertThat(hostModel.fallback()).isEqualTo(Fallback.FORBID);
    assertThat(hostModel.vendor()).isEqualTo("AMD");
    assertThat(hostModel.features()).hasSize(32).contains(new CpuFeature("xsaves", FeaturePolicy.DISABLE));
    assertThat(hostModel.source()).isEqualTo(d.source());
  }

  @Test
  void aarch64WithoutHostModel() {
    DomainCapabilities d = domcaps("qemu_11.0.0-virt.aarch64.xml");
    assertThat(d.arch()).isEqualTo("aarch64");
    assertThat(d.machine()).isEqualTo("virt-11.0");
    assertThat(d.vcpuMax()).isEqualTo(512);
    assertThat(d.cpu().hostPassthrough().migratableValues()).containsExactly("off");
    assertThat(d.cpu().maximum().migratableValues()).containsExactly("on", "off");
    assertThat(d.cpu().hostModel().supported()).isFalse();
    assertThat(d.cpu().hostModel().model()).isNull();
    assertThat(d.cpu().hostModel().features()).isEmpty();
    assertThat(d.hostModelCpuDef()).isNull();
    assertThat(d.cpu().custom().models()).hasSize(36);
    assertThat(d.cpu().custom().models().get(0))
        .isEqualTo(new CustomModel("a64fx", ModelUsability.UNKNOWN, null, "unknown", null, List.of()));
    assertThat(d.cpu().custom().models().get(35).name()).isEqualTo("ti925t");
    assertThat(d.supportsFeature("gic")).isTrue();
    assertThat(d.supportsFeature("genid")).isFalse();
  }

  @Test
  void s390x() {
    DomainCapabilities d = domcaps("qemu_11.0.0.s390x.xml");
    assertThat(d.machine()).isEqualTo("s390-ccw-virtio-11.0");
    assertThat(d.vcpuMax()).isEqualTo(248);
    DomainCapabilities.HostModel hm = d.cpu().hostModel();
    assertThat(hm.model()).isEqualTo("gen17a-base");
    assertThat(hm.fallback()).isEqualTo(Fallback.FORBID);
    assertThat(hm.vendor()).isNull();
    assertThat(hm.maxPhysAddr()).isNull();
    assertThat(hm.features()).hasSize(65).allMatch(f -> f.policy() == FeaturePolicy.REQUIRE);
    assertThat(hm.features().get(0).name()).isEqualTo("aefsi");
    assertThat(hm.features().get(64).name()).isEqualTo("zpci");
    assertThat(d.cpu().custom().models()).hasSize(82);
    assertThat(d.cpu().custom().blockers()).hasSize(34);
    assertThat(d.cpu().custom().models().get(0))
        .isEqualTo(new CustomModel("gen15a", ModelUsability.YES, null, "IBM", null, List.of()));
    assertThat(d.cpu().custom().model("z13").usable()).isEqualTo(ModelUsability.NO);
    assertThat(d.cpu().custom().model("z13").blockers()).containsExactly("csske");
    assertThat(d.devices().get("tpm").supported()).isFalse();
    assertThat(d.supportsFeature("s390-pv")).isTrue();
    assertThat(d.hostModelCpuDef().features()).hasSize(65);
  }

  @Test
  void x86Qemu4() {
    DomainCapabilities d = domcaps("qemu_4.2.0-q35.x86_64.xml");
    assertThat(d.machine()).isEqualTo("pc-q35-4.2");
    assertThat(d.vcpuMax()).isEqualTo(288);
    assertThat(d.cpu().maximum().supported()).isFalse();
    assertThat(d.cpu().maximum().migratableValues()).isEmpty();
    DomainCapabilities.HostModel hm = d.cpu().hostModel();
    assertThat(hm.model()).isEqualTo("Skylake-Client-IBRS");
    assertThat(hm.vendor()).isEqualTo("Intel");
    assertThat(hm.maxPhysAddr()).isNull();
    assertThat(hm.features()).hasSize(15);
    assertThat(hm.features().get(0)).isEqualTo(require("ss"));
    assertThat(hm.features().get(14)).isEqualTo(require("pschange-mc-no"));
    assertThat(d.cpu().custom().models()).hasSize(52);
    assertThat(d.cpu().custom().models().get(0))
        .isEqualTo(new CustomModel("qemu64", ModelUsability.YES, null, null, null, List.of()));
    assertThat(d.cpu().custom().model("phenom").usable()).isEqualTo(ModelUsability.NO);
    assertThat(d.cpu().custom().blockers()).isEmpty();
    assertThat(d.memoryBacking()).isNull();
    assertThat(d.devices().keySet()).containsExactly("disk", "graphics", "video", "hostdev", "rng");
    assertThat(d.features().keySet())
        .containsExactly("gic", "vmcoreinfo", "genid", "backingStoreInput", "backup", "sev");
    assertThat(d.features().containsKey("sgx")).isFalse();
  }

  @Test
  void x86Qemu5() {
    DomainCapabilities d = domcaps("qemu_5.2.0-q35.x86_64.xml");
    assertThat(d.cpu().maximum().supported()).isTrue();
    assertThat(d.cpu().hostModel().model()).isEqualTo("EPYC-Rome");
    assertThat(d.cpu().hostModel().maxPhysAddr()).isEqualTo(new MaxPhysAddr("passthrough", null, 64));
    assertThat(d.cpu().hostModel().features()).hasSize(16);
    assertThat(d.cpu().custom().models()).hasSize(54);
    assertThat(d.cpu().custom().model("Icelake-Client"))
        .isEqualTo(new CustomModel("Icelake-Client", ModelUsability.NO, true, "Intel", null, List.of()));
    assertThat(d.cpu().custom().model("Broadwell").deprecated()).isNull();
  }

  @Test
  void x86Qemu6WithSev() {
    DomainCapabilities d = domcaps("qemu_6.0.0-q35.x86_64.xml");
    assertThat(d.cpu().hostModel().features()).hasSize(16);
    assertThat(d.cpu().custom().models()).hasSize(55);
    DomainCapabilities.FeatureCaps sev = d.features().get("sev");
    assertThat(sev.supported()).isTrue();
    assertThat(sev.values())
        .containsExactly(
            java.util.Map.entry("cbitpos", "47"),
            java.util.Map.entry("reducedPhysBits", "1"),
            java.util.Map.entry("maxGuests", "59"),
            java.util.Map.entry("maxESGuests", "450"));
    assertThat(d.features().get("launchSecurity").enums()).containsEntry("sectype", List.of("sev"));
  }

  @Test
  void x86Qemu62() {
    DomainCapabilities d = domcaps("qemu_6.2.0-q35.x86_64.xml");
    assertThat(d.machine()).isEqualTo("pc-q35-6.2");
    assertThat(d.cpu().hostModel().features()).hasSize(17);
    assertThat(d.cpu().custom().models()).hasSize(55);
    assertThat(d.supportsFeature("backup")).isTrue();
    assertThat(d.supportsFeature("sev")).isFalse();
  }

  @Test
  void x86Qemu7() {
    DomainCapabilities d = domcaps("qemu_7.2.0-q35.x86_64.xml");
    assertThat(d.cpu().hostModel().features()).hasSize(24);
    assertThat(d.cpu().custom().models()).hasSize(53);
    assertThat(d.cpu().custom().model("EPYC-Rome"))
        .isEqualTo(new CustomModel("EPYC-Rome", ModelUsability.YES, null, "AMD", null, List.of()));
    assertThat(d.cpu().custom().model("Dhyana").vendor()).isEqualTo("Hygon");
    assertThat(d.supportsFeature("ps2")).isTrue();
  }

  @Test
  void x86Qemu8WithInterleavedBlockers() {
    DomainCapabilities d = domcaps("qemu_8.2.0-q35.x86_64.xml");
    assertThat(d.vcpuMax()).isEqualTo(1024);
    DomainCapabilities.HostModel hm = d.cpu().hostModel();
    assertThat(hm.features()).hasSize(27);
    assertThat(hm.features().get(0)).isEqualTo(require("amd-ssbd"));
    assertThat(hm.features().get(26)).isEqualTo(new CpuFeature("xsaves", FeaturePolicy.DISABLE));
    assertThat(d.cpu().custom().models()).hasSize(140);
    assertThat(d.cpu().custom().blockers()).hasSize(102);
    assertThat(d.cpu().custom().model("EPYC-Rome"))
        .isEqualTo(
            new CustomModel("EPYC-Rome", ModelUsability.NO, null, "AMD", "EPYC-Rome-v1", List.of("xsaves")));
    assertThat(d.cpu().custom().model("Westmere").blockers()).isEmpty();
    assertThat(d.cpu().custom().model("Westmere").canonical()).isEqualTo("Westmere-v1");
    assertThat(d.features().get("hyperv").values())
        .containsEntry("defaults/spinlocks", "4095")
        .containsEntry("defaults/vendor_id", "Linux KVM Hv");
  }

  @Test
  void x86Qemu9() {
    DomainCapabilities d = domcaps("qemu_9.2.0-q35.x86_64.xml");
    assertThat(d.machine()).isEqualTo("pc-q35-9.2");
    assertThat(d.cpu().hostModel().features()).hasSize(32);
    assertThat(d.cpu().hostModel().features())
        .filteredOn(f -> f.policy() == FeaturePolicy.DISABLE)
        .extracting(CpuFeature::name)
        .containsExactly("xsaves");
    assertThat(d.cpu().custom().models()).hasSize(145);
    assertThat(d.cpu().custom().blockers()).hasSize(107);
    assertThat(d.cpu().custom().blockers().get("Broadwell"))
        .containsExactly("erms", "hle", "invpcid", "pcid", "rtm");
    assertThat(d.cpu().custom().model("Broadwell").blockers())
        .containsExactly("erms", "hle", "invpcid", "pcid", "rtm");
    assertThat(d.memoryBacking().values("sourceType")).containsExactly("file", "anonymous", "memfd");
  }
}
