package org.migcheck.engine;

import org.migcheck.InputException;

/**
 * An error libvirt's CPU code would raise for this input (unknown model or feature, vendors that
 * do not match, no usable model...): the user's data is the cause, so it is reported like any bad
 * input, with libvirt's wording.
 */
public class CpuError extends InputException {
  private static final long serialVersionUID = 1L;

  public CpuError(String source, String message) {
    super(source, message);
  }
}
