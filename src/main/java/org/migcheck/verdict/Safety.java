package org.migcheck.verdict;

/** How safe a live migration is, from best to worst. */
public enum Safety {
  /** libvirt and QEMU support it and nothing the guest depends on changes. */
  SAFE,
  /** It usually works, but something unsupported or unverifiable is involved. */
  RISKY,
  /** libvirt refuses it, or the guest breaks after it. */
  UNSAFE;

  /** The worse of the two. */
  public Safety worst(Safety other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The worst severity of the findings, SAFE when there are none. */
  public static Safety of(Iterable<Finding> findings) {
    Safety s = SAFE;
    for (Finding f : findings) {
      s = s.worst(f.severity());
    }
    return s;
  }
}
