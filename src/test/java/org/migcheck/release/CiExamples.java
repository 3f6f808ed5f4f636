package org.migcheck.release;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell steps of the README's CI examples (```yaml blocks): per block, the commands of its
 * jobs that run migcheck (GitLab {@code script:}/{@code after_script:} items, GitHub
 * {@code run: |} blocks), leaving out the Maven build and the steps that talk to the CI service.
 */
final class CiExamples {
  private CiExamples() {}

  static List<List<String>> gateSteps(String markdown) {
    List<List<String>> out = new ArrayList<>();
    String[] lines = markdown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].equals("```yaml")) {
        continue;
      }
      List<String> block = new ArrayList<>();
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
        block.add(lines[i]);
      }
      List<String> steps = steps(block);
      if (steps.stream().anyMatch(s -> s.contains("migcheck gate"))) {
        out.add(steps);
      }
    }
    return out;
  }

  private static List<String> steps(List<String> yaml) {
    List<String> steps = new ArrayList<>();
    boolean inScript = false;
    int scriptIndent = 0;
    for (int i = 0; i < yaml.size(); i++) {
      String l = yaml.get(i);
      int indent = l.length() - l.stripLeading().length();
      String t = l.strip();
      if (t.endsWith("run: |")) {
        StringBuilder body = new StringBuilder();
        for (i++; i < yaml.size() && indent(yaml.get(i)) > indent; i++) {
          body.append(yaml.get(i).strip()).append('\n');
        }
        i--;
        add(steps, body.toString().replace("\\\n", " "));
        continue;
      }
      if (t.equals("script:") || t.equals("after_script:")) {
        inScript = true;
        scriptIndent = indent;
        continue;
      }
      if (inScript && indent > scriptIndent && t.startsWith("- ")) {
        add(steps, t.substring(2));
      } else if (indent <= scriptIndent) {
        inScript = false;
      }
    }
    return steps;
  }

  private static int indent(String l) {
    return l.isBlank() ? Integer.MAX_VALUE : l.length() - l.stripLeading().length();
  }

  private static void add(List<String> steps, String command) {
    String c = command.strip();
    if (c.startsWith("mvn ") || c.startsWith("gh ")) {
      return; // the build job and the CI service's own tools
    }
    steps.add(c);
  }
}
