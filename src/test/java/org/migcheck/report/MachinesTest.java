package org.migcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.HostCapabilities.Machine;

/** inspect lists machine types in the natural order the fleet report uses too. */
class MachinesTest {
  private static Machine m(String name) {
    return new Machine(name, null, null, null);
  }

  @Test
  void oneNaturalOrderForInspectAndFleet() {
    // QEMU 9's aarch64 machines: inspect used to put amd-versal2-virt first, fleet the other way
    List<Machine> given = List.of(m("amd-versal2-virt"), m("virt-9.0"), m("amd-versal-virt"),
        m("virt-10.0"), m("virt-9.2"));
    assertThat(Machines.sorted(given)).extracting(Machine::name)
        .containsExactly("amd-versal-virt", "amd-versal2-virt", "virt-9.0", "virt-9.2", "virt-10.0");
    assertThat(Machines.summary(given))
        .containsExactly("virt 9.0…10.0 (3)", "amd-versal-virt", "amd-versal2-virt");
  }
}
