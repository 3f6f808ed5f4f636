package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.verdict.LibvirtVersionCheck.Result;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/** The libvirt-version axis on the scenarios, both directions each. */
class LibvirtVersionCheckTest {
  static final LibvirtVersion V9 = new LibvirtVersion(9, 0, 0);
  static final LibvirtVersion V11 = new LibvirtVersion(11, 3, 0);

  static CpuDef guest(String model, String... required) {
    List<CpuFeature> f =
        java.util.Arrays.stream(required).map(n -> new CpuFeature(n, FeaturePolicy.REQUIRE)).toList();
    return new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, CpuCheck.PARTIAL, null,
        model, Fallback.FORBID, null, null, f, "guest.xml");
  }

  @Test
  void aGuestNeedingGdsNoCannotMoveToLibvirt9() {
    CpuDef g = guest("EPYC-Rome", "gds-no");
    List<Result> down = LibvirtVersionCheck.check(g, null, "new", V11, "old", V9);
    assertThat(down).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(r.features()).containsExactly("gds-no");
      assertThat(r.message()).contains("feature gds-no (libvirt ≥ 11.3.0)")
          .contains("libvirt 9.0.0 on old").contains("new runs libvirt 11.3.0");
    });
    // the other way the guest cannot even exist on the 9.0.0 source
    List<Result> up = LibvirtVersionCheck.check(g, null, "old", V9, "new", V11);
    assertThat(up).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(r.message()).contains("libvirt 9.0.0 on old does not know");
    });
    // without gds-no the same model moves up with no name problem
    assertThat(LibvirtVersionCheck.check(guest("EPYC-Rome"), null, "old", V9, "new", V11))
        .noneMatch(r -> r.message().contains("does not know"));
  }

  @Test
  void skylakeServerIbrsLosesMpxGoingUpAndKeepsItsCpuGoingDown() {
    CpuDef g = guest("Skylake-Server-IBRS");
    List<Result> up = LibvirtVersionCheck.check(g, null, "nine", V9, "eleven", V11);
    assertThat(up).singleElement().satisfies(r -> {
      assertThat(r.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(r.features()).containsExactly("mpx");
      assertThat(r.message()).contains("Skylake-Server-IBRS means less on libvirt 11.3.0 (eleven)")
          .contains("the guest loses mpx");
    });
    // started on 11.3.0 the guest's XML disables mpx explicitly: 9.0.0 runs the same CPU
    assertThat(LibvirtVersionCheck.check(g, null, "eleven", V11, "nine", V9)).isEmpty();
  }

  @Test
  void anUnknownVersionIsANoteNotAGuess() {
    List<Result> r = LibvirtVersionCheck.check(guest("Skylake-Server-IBRS"), null, "a", null, "b", V9);
    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Safety.SAFE);
      assertThat(x.message()).contains("libvirt version of a unknown");
    });
  }
}
