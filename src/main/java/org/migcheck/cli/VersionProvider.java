package org.migcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** "migcheck 0.1.0", then the libvirt versions of the bundled cpu_maps. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/org/migcheck/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "migcheck " + p.getProperty("version", "unknown"),
      "bundled cpu_maps: libvirt "
          + p.getProperty("bundled.libvirt.all", "unknown").replace(",", ", ")
          + " (default: the newest; --libvirt VERSION picks another)"
    };
  }
}
