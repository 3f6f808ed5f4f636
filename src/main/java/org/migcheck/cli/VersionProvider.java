package org.migcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** "migcheck 0.1.0 (bundled cpu_map: libvirt 9.0.0)". */
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
      "bundled cpu_map: libvirt " + p.getProperty("bundled.libvirt", "unknown")
    };
  }
}
