package org.migcheck.live;

/** A host that could not be collected, with libvirt's reason (already free of secrets). */
public final class LiveError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LiveError(String reason) {
    super(reason);
  }
}
