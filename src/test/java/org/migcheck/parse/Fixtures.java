package org.migcheck.parse;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources of this package, as file paths. */
final class Fixtures {
  private Fixtures() {}

  static String path(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
