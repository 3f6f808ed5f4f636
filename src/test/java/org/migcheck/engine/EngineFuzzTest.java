package org.migcheck.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.model.CpuDef;

/**
 * Fuzzes the x86 engine with host CPU sets the fuzzer picks from the bundled map (any model, any
 * vendor or none, any features): expand, compare, baseline, diff and decode must keep {@link
 * EngineInvariants}, and may only refuse with a {@link CpuError}.
 */
class EngineFuzzTest {
  private static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  private static final CpuMap MAP = ENGINE.x86("fuzz").map();
  private static final EngineInvariants INVARIANTS = new EngineInvariants(ENGINE);

  @FuzzTest(maxDuration = "30s")
  void invariants(FuzzedDataProvider data) {
    int count = data.consumeInt(1, 4);
    List<CpuDef> hosts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CpuModel model = MAP.models().get(data.consumeInt(0, MAP.models().size() - 1));
      String vendor =
          switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> MAP.vendors().get(data.consumeInt(0, MAP.vendors().size() - 1)).name();
            default -> model.vendor() == null ? null : model.vendor().name();
          };
      List<String> features = new ArrayList<>();
      int n = data.consumeInt(0, 12);
      for (int k = 0; k < n; k++) {
        String f = MAP.features().get(data.consumeInt(0, MAP.features().size() - 1)).name();
        if (!features.contains(f)) {
          features.add(f);
        }
      }
      hosts.add(CpuDef.host("x86_64", model.name(), vendor, features, "host" + i));
    }
    INVARIANTS.check(hosts);
  }
}
