package org.migcheck.fleet.gate;

import java.util.List;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.verdict.Host;

/** Sample hosts as check reads them, for comparing gate's verdicts with check's. */
final class TestHostsAccess {
  private TestHostsAccess() {}

  static Host host(String name) {
    List<?> docs = new InputReader().readAll(
        List.of(GateTest.sample(name + ".xml"), GateTest.sample(name + "-domcaps.xml")));
    return new Host(name, (HostCapabilities) docs.get(0), (DomainCapabilities) docs.get(1));
  }
}
