package org.migcheck.read;

import java.nio.file.Path;
import java.util.List;

/**
 * Arguments that are not paths (libvirt URIs, raw CPUID or /proc/cpuinfo dumps), turned into
 * in-memory files. The CLI installs the live-host source into {@link Inputs}; the read side only
 * knows this interface, so reading depends on nothing above it.
 */
public interface ArgumentSource {
  /** No such arguments: every argument is a path. */
  ArgumentSource NONE = new ArgumentSource() {
    @Override
    public void prefetch(List<String> args) {}

    @Override
    public List<Path> resolve(String arg) {
      return null;
    }
  };

  /** Reads every argument of this kind among {@code args} now (in parallel, where it can). */
  void prefetch(List<String> args);

  /** The in-memory files an argument stands for; null when it is an ordinary path. */
  List<Path> resolve(String arg);
}
