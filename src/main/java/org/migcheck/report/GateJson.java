package org.migcheck.report;

import org.migcheck.fleet.FleetBaselines.Baseline;
import java.util.List;
import java.util.Map;
import org.migcheck.fleet.gate.Detail;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.RuleResult;
import org.migcheck.fleet.gate.Violation;
import org.migcheck.json.JsonWriter;

/** {@code migcheck gate --format json}: every rule, every violation, every subject that passed. */
public final class GateJson {
  private final GateResult r;
  private final String cpuMap;

  public GateJson(GateResult result, String cpuMap) {
    this.r = result;
    this.cpuMap = cpuMap;
  }

  public String render() {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.field("passed", r.passed());
    w.field("summary", GateText.verdict(r));
    w.field("hostsBefore", r.hostsBefore());
    w.field("hostsAfter", r.hostsAfter());
    w.stringArray("candidates", r.candidates());
    w.field("updates", r.updates());
    w.field("added", r.candidates().size() - r.updates());
    w.field("guests", r.guests());
    baseline(w, "baselineBefore", r.baselineBefore());
    baseline(w, "baselineAfter", r.baselineAfter());
    w.name("rules").beginArray();
    for (RuleResult rule : r.rules()) {
      w.beginObject();
      w.field("rule", rule.rule());
      w.field("description", rule.description());
      w.field("checked", rule.checked());
      w.field("failed", rule.violations().size());
      w.name("violations").beginArray();
      for (Violation v : rule.violations()) {
        w.beginObject();
        w.field("subject", v.subject());
        w.field("candidate", v.candidate());
        w.field("message", v.message());
        w.name("details").beginArray();
        for (Detail d : v.facts()) {
          w.beginObject();
          w.field("kind", d.kind());
          fields(w, d.fields());
          w.endObject();
        }
        w.endArray();
        w.endObject();
      }
      w.endArray();
      w.stringArray("passed", rule.passed());
      w.endObject();
    }
    w.endArray();
    w.stringArray("notes", r.notes());
    w.field("cpuMap", cpuMap);
    w.endObject();
    return w.toString();
  }

  /** A detail's fields: strings, numbers, lists of strings and lists of such maps. */
  private static void fields(JsonWriter w, Map<String, Object> fields) {
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      w.name(e.getKey());
      value(w, e.getValue());
    }
  }

  @SuppressWarnings("unchecked")
  private static void value(JsonWriter w, Object v) {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Number n) {
      w.value(n);
    } else if (v instanceof Map<?, ?> m) {
      w.beginObject();
      fields(w, (Map<String, Object>) m);
      w.endObject();
    } else if (v instanceof List<?> l) {
      w.beginArray();
      for (Object x : l) {
        value(w, x);
      }
      w.endArray();
    } else {
      w.value(v.toString());
    }
  }

  private static void baseline(JsonWriter w, String key, Baseline b) {
    w.name(key).beginObject();
    w.field("ok", b.ok());
    w.field("model", b.ok() ? b.cpu().model() : null);
    w.field("level", b.level() == null ? null : b.level().shortName());
    w.field("error", b.error());
    w.endObject();
  }
}
