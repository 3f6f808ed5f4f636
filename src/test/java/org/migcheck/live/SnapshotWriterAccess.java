package org.migcheck.live;

/** Lets CLI tests name snapshot files the way the writer does. */
public final class SnapshotWriterAccess {
  private SnapshotWriterAccess() {}

  public static String safeName(String hostname) {
    return SnapshotWriter.safeName(hostname);
  }
}
