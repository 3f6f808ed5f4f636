package org.migcheck.cli;

import java.nio.file.Path;
import org.migcheck.testing.SharedData;

/** Sample files as a user types them: paths relative to the working directory. */
final class SampleArgs {
  private SampleArgs() {}

  static String sample(String file) {
    Path abs = SharedData.repo().resolve("samples").resolve(file).toAbsolutePath().normalize();
    return Path.of("").toAbsolutePath().relativize(abs).toString();
  }

  /** "samples/X.xml,samples/X-domcaps.xml": one host with its domcapabilities. */
  static String host(String name) {
    return sample(name + ".xml") + "," + sample(name + "-domcaps.xml");
  }
}
