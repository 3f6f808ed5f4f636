package org.migcheck.verdict;

import java.util.List;
import org.migcheck.engine.CpuEngine;

/** Every axis, in the order their findings and notes are made (the order of {@link Axis}). */
final class Axes {
  final CpuAxis cpu;
  final List<AxisRule> rules;

  Axes(CpuEngine engine, HostVersions versions) {
    this.cpu = new CpuAxis(engine);
    this.rules = List.of(
        cpu,
        new PlatformAxis(),
        new TscAxis(cpu),
        new PhysBitsAxis(),
        new SecurityAxis(),
        new TransportAxis(),
        new MemoryAxis(),
        new DevicesAxis(),
        new LibvirtVersionAxis(versions));
  }

  /** The outcome of moving g from src to dst, over every axis. */
  Outcome pair(GuestProfile g, Host src, Host dst) {
    Outcome out = new Outcome();
    for (AxisRule r : rules) {
      r.pair(g, src, dst, out);
    }
    return out;
  }

  /** The outcome of starting g on h (defined on src), over every axis. */
  Outcome start(GuestProfile g, Host src, Host h) {
    Outcome out = new Outcome();
    for (AxisRule r : rules) {
      r.start(g, src, h, out);
    }
    return out;
  }
}
