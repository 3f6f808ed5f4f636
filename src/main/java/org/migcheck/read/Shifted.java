package org.migcheck.read;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A reader over one chunk whose locations are the file's lines, for consumers that take positions
 * from the reader themselves (JAXB's locators); the walker adds the offset on its own.
 */
public final class Shifted extends StreamReaderDelegate {
  private final int lineOffset;

  /** @param firstLine the file line of the reader's line 1 */
  public Shifted(XMLStreamReader r, int firstLine) {
    super(r);
    this.lineOffset = firstLine - 1;
  }

  @Override
  public Location getLocation() {
    Location l = super.getLocation();
    int line = l.getLineNumber() + lineOffset;
    return new Location() {
      @Override
      public int getLineNumber() {
        return line;
      }

      @Override
      public int getColumnNumber() {
        return l.getColumnNumber();
      }

      @Override
      public int getCharacterOffset() {
        return l.getCharacterOffset();
      }

      @Override
      public String getPublicId() {
        return l.getPublicId();
      }

      @Override
      public String getSystemId() {
        return l.getSystemId();
      }
    };
  }
}
