package org.migcheck.verdict;

import java.util.List;
import org.migcheck.engine.X86Level;

/**
 * How {@link Suggester} picks the CPU.
 *
 * @param model pin this named model (null: libvirt's baseline choice)
 * @param named pick the newest named model every host runs without disabled features
 * @param without features the guest must not depend on (e.g. hle, rtm): left out, or disabled
 *     when the model has them
 * @param requireLevel fail when the suggestion is below this x86-64 level (null: no minimum)
 */
public record SuggestOptions(String model, boolean named, List<String> without,
    X86Level requireLevel) {

  public static final SuggestOptions DEFAULT = new SuggestOptions(null, false, List.of(), null);

  public SuggestOptions {
    without = List.copyOf(without);
    if (model != null && named) {
      throw new IllegalArgumentException("a pinned model and --named exclude each other");
    }
  }
}
