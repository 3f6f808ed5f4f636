package org.migcheck.engine;

/** virsh cpu-baseline flags: {@code --features} (expand) and {@code --migratable}. */
public record BaselineOptions(boolean expandFeatures, boolean migratable) {
  public static final BaselineOptions DEFAULT = new BaselineOptions(false, false);
}
