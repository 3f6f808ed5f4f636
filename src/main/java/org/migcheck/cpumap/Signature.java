package org.migcheck.cpumap;

import java.util.BitSet;

/**
 * A model signature: family, model and optionally the steppings it covers (null = any).
 */
public record Signature(int family, int model, BitSet steppings) {
  public Signature {
    steppings = steppings == null ? null : (BitSet) steppings.clone();
  }

  @Override
  public BitSet steppings() {
    return steppings == null ? null : (BitSet) steppings.clone();
  }

  public boolean matches(int dataFamily, int dataModel, int dataStepping) {
    return family == dataFamily
        && model == dataModel
        && (steppings == null || (dataStepping >= 0 && steppings.get(dataStepping)));
  }
}
