package org.migcheck.engine;

/** libvirt's cpu-compare results (ERROR is raised as {@link CpuError} instead). */
public enum Verdict {
  INCOMPATIBLE,
  IDENTICAL,
  SUPERSET;

  public boolean compatible() {
    return this != INCOMPATIBLE;
  }
}
