package org.migcheck.model;

/** Formats a CPU definition exactly as libvirt's virCPUDefFormat does (two-space indent). */
public final class CpuXml {
  private CpuXml() {}

  public static String format(CpuDef cpu) {
    StringBuilder attrs = new StringBuilder();
    if (cpu.type() == CpuType.GUEST) {
      CpuMode mode = cpu.mode() == null ? CpuMode.CUSTOM : cpu.mode();
      if (mode != CpuMode.CUSTOM || cpu.model() != null) {
        attrs.append(" mode='").append(mode.xmlName()).append('\'');
      }
      if (cpu.model() != null && mode == CpuMode.CUSTOM && cpu.match() != null) {
        attrs.append(" match='").append(cpu.match().xmlName()).append('\'');
      }
      if (cpu.check() != null && cpu.check() != CpuCheck.DEFAULT) {
        attrs.append(" check='").append(cpu.check().xmlName()).append('\'');
      }
      if (cpu.migratable() != null) {
        attrs.append(" migratable='").append(cpu.migratable() ? "on" : "off").append('\'');
      }
    }
    StringBuilder body = new StringBuilder();
    if (cpu.type() == CpuType.HOST && cpu.arch() != null) {
      body.append("  <arch>").append(cpu.arch()).append("</arch>\n");
    }
    if (cpu.model() != null) {
      body.append("  <model");
      if (cpu.type() == CpuType.GUEST) {
        body.append(" fallback='").append(cpu.fallback().xmlName()).append('\'');
        if (cpu.vendorId() != null) {
          body.append(" vendor_id='").append(escape(cpu.vendorId())).append('\'');
        }
      }
      body.append('>').append(escape(cpu.model())).append("</model>\n");
    }
    if (cpu.vendor() != null) {
      body.append("  <vendor>").append(escape(cpu.vendor())).append("</vendor>\n");
    }
    for (CpuFeature f : cpu.features()) {
      if (cpu.type() == CpuType.GUEST) {
        body.append("  <feature policy='")
            .append(f.effectivePolicy().xmlName())
            .append("' name='")
            .append(f.name())
            .append("'/>\n");
      } else {
        body.append("  <feature name='").append(f.name()).append("'/>\n");
      }
    }
    if (body.length() == 0) {
      return "<cpu" + attrs + "/>\n";
    }
    return "<cpu" + attrs + ">\n" + body + "</cpu>\n";
  }

  /** libvirt's virBufferEscapeString for XML text and attribute values. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\'' -> sb.append("&apos;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
