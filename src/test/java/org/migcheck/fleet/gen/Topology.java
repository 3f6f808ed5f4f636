package org.migcheck.fleet.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux's CPU numbering on a multi-socket host: first thread of every core socket by socket, then
 * the second threads in the same order. One NUMA node per socket.
 */
final class Topology {
  private final HostSpec host;
  private final int cores;
  private final int threads;

  Topology(HostSpec host) {
    this.host = host;
    this.cores = host.part().coresPerSocket();
    this.threads = host.part().threadsPerCore();
  }

  /** One logical CPU: id, socket, core_id, and its siblings list. */
  record Cpu(int id, int socket, int coreId, String siblings) {}

  int cpuId(int thread, int socket, int core) {
    return thread * host.sockets() * cores + socket * cores + core;
  }

  /** The CPUs of one node (socket), by id. */
  List<Cpu> cpusOf(int socket) {
    List<Cpu> out = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      for (int c = 0; c < cores; c++) {
        out.add(new Cpu(cpuId(t, socket, c), socket, host.part().coreIds().get(c), siblings(socket, c)));
      }
    }
    return out;
  }

  private String siblings(int socket, int core) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < threads; t++) {
      if (t > 0) {
        sb.append(',');
      }
      sb.append(cpuId(t, socket, core));
    }
    return sb.toString();
  }

  /** The cpus of cores [from, to) of a socket, all threads, as a libvirt range list. */
  String range(int socket, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < threads; t++) {
      if (t > 0) {
        sb.append(',');
      }
      int a = cpuId(t, socket, from);
      int b = cpuId(t, socket, to - 1);
      sb.append(a == b ? Integer.toString(a) : a + "-" + b);
    }
    return sb.toString();
  }
}
