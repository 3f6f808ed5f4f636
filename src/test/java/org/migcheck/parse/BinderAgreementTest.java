package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;
import org.migcheck.read.Chunk;
import org.migcheck.read.DocumentReader;
import org.migcheck.read.InputFile;
import org.migcheck.read.Profile;
import org.migcheck.read.Shifted;
import org.migcheck.testing.SharedData;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.SafeXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * The hand-written binder against JAXB, the reference mapping: every document of the four types
 * (and cputest lists of CPUs) in the samples, the test resources and libvirt's reference data,
 * and seeded mutations of real documents, bind to deeply equal shapes ({@link ShapeDump}) with the
 * binder over the fast reader (when it takes the document), the binder over the JDK parser, and
 * JAXB over the JDK parser. Documents are cut by the real framer, so files holding several
 * documents and their line offsets are covered.
 */
class BinderAgreementTest {
  /** How a document went: bound by both readers, or only over the JDK parser (fast reader refused). */
  enum Outcome {
    FAST,
    REFUSED_BY_FAST_READER,
    NOT_A_DOCUMENT
  }

  /** Compares the three bindings of each chunk; fails with both dumps where they differ. */
  private static final Profile<Outcome> AGREEMENT =
      new Profile<>() {
        @Override
        public Outcome read(XMLStreamReader ignored, Chunk chunk) throws Exception {
          return compare(chunk);
        }

        @Override
        public boolean fast() {
          return false; // the chunk is read here three ways
        }
      };

  static Outcome compare(Chunk chunk) throws Exception {
    byte[] bytes = chunk.bytes();
    XMLStreamReader jdk = rootOf(jdkReader(bytes));
    String root = jdk.getLocalName();
    String ns = jdk.getNamespaceURI();
    if ((ns != null && !ns.isEmpty()) || !DocumentParser.isKnownRoot(root)) {
      return Outcome.NOT_A_DOCUMENT;
    }
    String expected;
    try {
      expected = ShapeDump.dump(
          Jaxb.unmarshal(new Shifted(jdk, chunk.line()), DocumentParser.SHAPES.get(root)));
    } catch (Exception malformed) {
      return Outcome.NOT_A_DOCUMENT; // the reader's own parse reports it; the binder never sees it
    }
    String where = chunk.source() + " (line " + chunk.line() + ")";
    assertThat(ShapeDump.dump(bind(rootOf(jdkReader(bytes)), root, chunk.line())))
        .as("binder over the JDK parser vs JAXB: " + where)
        .isEqualTo(expected);
    Object fast;
    try {
      fast = bind(rootOf(new FastXmlReader(bytes)), root, chunk.line());
    } catch (FastXmlReader.Unsupported refused) {
      return Outcome.REFUSED_BY_FAST_READER;
    }
    assertThat(ShapeDump.dump(fast)).as("binder over the fast reader vs JAXB: " + where)
        .isEqualTo(expected);
    return Outcome.FAST;
  }

  private static Object bind(XMLStreamReader r, String root, int firstLine)
      throws XMLStreamException {
    return root.equals(RawDocument.CPU_TEST)
        ? CpuSkimmer.read(r, root, firstLine) // a cputest list: the CPU profile's, <cpu> by <cpu>
        : DocumentParser.bind(r, root, firstLine);
  }

  private static XMLStreamReader jdkReader(byte[] bytes) throws XMLStreamException {
    return SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
  }

  private static XMLStreamReader rootOf(XMLStreamReader r) throws XMLStreamException {
    while (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
      r.next();
    }
    return r;
  }

  /** The outcome of each document of a file (or of bytes given as standard input). */
  static List<Outcome> check(Path file) {
    List<Outcome> out = new ArrayList<>();
    try {
      new DocumentReader(() -> System.in, 1)
          .read(List.of(new InputFile(file.toString(), file)), AGREEMENT, d -> d, out::add);
    } catch (InputException notWellFormed) {
      // bad input (the bad-input corpus): the documents before it were compared
    }
    return out;
  }

  static List<Outcome> check(byte[] bytes) {
    List<Outcome> out = new ArrayList<>();
    new DocumentReader(() -> new ByteArrayInputStream(bytes), 1)
        .readArgs(List.of("-"), AGREEMENT, d -> d, out::add);
    return out;
  }

  // ---- real documents

  private static List<Path> xmlUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  static List<Path> repoFiles() throws IOException {
    List<Path> out = new ArrayList<>(xmlUnder(SharedData.repo().resolve("samples")));
    out.addAll(xmlUnder(SharedData.repo().resolve("src/test/resources")));
    return out;
  }

  @ParameterizedTest
  @MethodSource("repoFiles")
  void samplesAndTestResources(Path file) {
    List<Outcome> outcomes = check(file);
    if (file.startsWith(SharedData.repo().resolve("samples"))) {
      // what the commands read every day must take the binder's path, or it is no faster
      assertThat(outcomes).as(file.toString()).isNotEmpty().containsOnly(Outcome.FAST);
    }
  }

  @Test
  void libvirtReferenceDocuments() throws IOException {
    List<Path> files = xmlUnder(SharedData.root().resolve("reference"));
    int fast = 0;
    for (Path f : files) {
      fast += (int) check(f).stream().filter(o -> o == Outcome.FAST).count();
    }
    assertThat(fast).as("reference documents bound over the fast reader").isGreaterThan(100);
  }

  @Test
  void corners() {
    String[] docs = {
      // repeated single values: the last wins; wrappers start their list afresh, even empty ones
      "<cpu><arch>a</arch><arch>b</arch><numa><cell id='1'/></numa><numa/></cpu>",
      "<cpu><numa><cell id='1'/></numa><feature name='a'/><numa><cell id='2'/></numa></cpu>",
      // text: the part after the last child; comments join it; empty elements read ""
      "<cpu><model>A<x/>B</model><vendor>a<!--c-->b</vendor><arch/></cpu>",
      "<cpu><model>A<x/>  <y/></model><vendor>\n  v \n</vendor></cpu>",
      "<cpu><arch><![CDATA[x<y]]>z&amp;</arch></cpu>",
      // namespaced elements and attributes are not libvirt's; xsi:nil changes nothing
      "<cpu xmlns:x='u'><x:arch>a</x:arch><feature x:name='a' name='b'/><x:numa><cell/></x:numa></cpu>",
      "<cpu xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><arch xsi:nil='true'/>"
          + "<topology xsi:nil='true' sockets='1'/></cpu>",
      // open children: trees of any element, text stripped, comments dropped
      "<domain><features><acpi/>t<x:apic xmlns:x='u' x:a='1' b='2'> a <!--c--> b <q>z</q></x:apic>"
          + "</features><features><pae/></features></domain>",
      "<domain><y:features xmlns:y='v'><hyperv/></y:features><features><b/></features></domain>",
      "<domainCapabilities><os supported='yes'><enum name='a'><value>x</value></enum>"
          + "<loader><value>/p</value><enum name='t'/></loader></os><devices><disk/></devices>"
          + "<features/><memoryBacking supported='no'><enum name='m'/></memoryBacking>"
          + "</domainCapabilities>",
      "<capabilities><host><cpu/><cpu><arch>x</arch></cpu><topology><cells num='1'><cell id='0'>"
          + "<cpus><cpu id='1'/></cpus><cpus/></cell></cells></topology></host>"
          + "<guest><arch name='x'><machine maxCpus='1'>pc<!--c--></machine><domain type='kvm'>"
          + "<machine>q</machine></domain></arch></guest></capabilities>",
      "<domain>\n<name>a</name>\n<os><type arch='x86_64'>hvm</type></os><memory unit='KiB'/>"
          + "<devices><hostdev mode='subsystem'/><interface type='x'/><shmem name='s'/></devices>"
          + "</domain>",
    };
    for (String doc : docs) {
      assertThat(check(doc.getBytes(StandardCharsets.UTF_8))).as(doc).hasSize(1);
    }
  }

  // ---- seeded mutations of real documents

  private static final String NS = "urn:x-migcheck-test";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  private static final List<String> BASES =
      List.of(
          "samples/skylake-a.xml",
          "samples/skylake-a-domcaps.xml",
          "samples/epyc-rome.xml",
          "samples/epyc-rome-domcaps.xml",
          "samples/guest-custom.xml",
          "samples/guest-host-model.xml",
          "src/test/resources/org/migcheck/parse/domain-full.xml",
          "src/test/resources/org/migcheck/read/ProfileFuzzTestInputs/agreement/domcaps-with-uuid.xml");

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 30);
  }

  /**
   * Seeded edits of real documents (drop, duplicate, rename or move elements and attributes;
   * comments, whitespace, text, CDATA, unknown and namespaced elements and attributes, xsi:
   * attributes), each document bound the three ways.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedDocuments(int seed) throws Exception {
    Random random = new Random(seed);
    int fast = 0;
    for (int i = 0; i < 12; i++) {
      Path base = SharedData.repo().resolve(BASES.get(random.nextInt(BASES.size())));
      Document dom = parse(Files.readAllBytes(base));
      StringBuilder edits = new StringBuilder();
      for (int e = 1 + random.nextInt(4); e > 0; e--) {
        edits.append(mutate(dom, random)).append("; ");
      }
      byte[] doc = serialize(dom).getBytes(StandardCharsets.UTF_8);
      List<Outcome> outcomes;
      try {
        outcomes = check(doc);
      } catch (AssertionError e) {
        throw new AssertionError(base + " after " + edits + "\n" + e.getMessage(), e);
      }
      fast += outcomes.contains(Outcome.FAST) ? 1 : 0;
    }
    assertThat(fast).as("mutated documents the fast reader took").isPositive();
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Document dom) {
    List<Element> out = new ArrayList<>();
    collect(dom.getDocumentElement(), out);
    return out;
  }

  private static void collect(Element e, List<Element> out) {
    out.add(e);
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        collect(child, out);
      }
    }
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** One edit of the document; returns what it did. */
  private static String mutate(Document dom, Random random) {
    List<Element> all = elements(dom);
    List<Element> inner = all.subList(1, all.size()); // the root stays: it picks the document type
    Element e = pick(all, random);
    Element child = inner.isEmpty() ? e : pick(inner, random);
    List<String> names = all.stream().map(Element::getLocalName).distinct().toList();
    List<String> attrNames = new ArrayList<>();
    for (Element x : all) {
      NamedNodeMap a = x.getAttributes();
      for (int i = 0; i < a.getLength(); i++) {
        if (!XMLNS.equals(a.item(i).getNamespaceURI())) {
          attrNames.add(a.item(i).getLocalName());
        }
      }
    }
    if (attrNames.isEmpty()) {
      attrNames.add("name");
    }
    switch (random.nextInt(16)) {
      case 0 -> {
        child.getParentNode().removeChild(child);
        return "drop <" + child.getLocalName() + ">";
      }
      case 1 -> {
        child.getParentNode().insertBefore(child.cloneNode(true), child.getNextSibling());
        return "duplicate <" + child.getLocalName() + ">";
      }
      case 2 -> {
        String to = random.nextInt(4) == 0 ? "unknown" : pick(names, random);
        dom.renameNode(child, null, to);
        return "rename <" + child.getLocalName() + "> to <" + to + ">";
      }
      case 3 -> {
        Element to = pick(all, random);
        if (to == child || child.isSameNode(to) || isAncestor(child, to)) {
          return "no move";
        }
        child.getParentNode().removeChild(child);
        insertAt(to, child, random);
        return "move <" + child.getLocalName() + "> into <" + to.getLocalName() + ">";
      }
      case 4 -> {
        NamedNodeMap a = e.getAttributes();
        if (a.getLength() == 0) {
          return "no attribute to drop";
        }
        Attr gone = (Attr) a.item(random.nextInt(a.getLength()));
        if (XMLNS.equals(gone.getNamespaceURI())) {
          return "keep a namespace declaration";
        }
        e.removeAttributeNode(gone);
        return "drop @" + gone.getName();
      }
      case 5 -> {
        String name = pick(attrNames, random);
        e.setAttribute(name, random.nextBoolean() ? "1" : " x\ty ");
        return "set @" + name + " on <" + e.getLocalName() + ">";
      }
      case 6 -> {
        insertAt(e, dom.createComment(" c "), random);
        return "comment in <" + e.getLocalName() + ">";
      }
      case 7 -> {
        String text = List.of(" ", "\n  ", "x", " a&b<c ", "\t").get(random.nextInt(5));
        insertAt(e, dom.createTextNode(text), random);
        return "text '" + text + "' in <" + e.getLocalName() + ">";
      }
      case 8 -> {
        Element unknown = dom.createElement(random.nextBoolean() ? "unknown" : pick(names, random));
        unknown.setAttribute(pick(attrNames, random), "v");
        if (random.nextBoolean()) {
          unknown.appendChild(dom.createTextNode("t"));
        }
        insertAt(e, unknown, random);
        return "insert <" + unknown.getLocalName() + "> in <" + e.getLocalName() + ">";
      }
      case 9 -> {
        Element foreign = dom.createElementNS(NS, "x:" + pick(names, random));
        foreign.setAttributeNS(XMLNS, "xmlns:x", NS);
        if (!inner.isEmpty() && random.nextBoolean()) {
          foreign.appendChild(pick(inner, random).cloneNode(true));
        }
        insertAt(e, foreign, random);
        return "insert <" + foreign.getTagName() + "> in <" + e.getLocalName() + ">";
      }
      case 10 -> {
        String name = pick(attrNames, random);
        e.setAttributeNS(XMLNS, "xmlns:x", NS);
        e.setAttributeNS(NS, "x:" + name, "ns");
        return "x:" + name + " on <" + e.getLocalName() + ">";
      }
      case 11 -> {
        insertAt(e, dom.createCDATASection("cd<a>"), random);
        return "CDATA in <" + e.getLocalName() + ">";
      }
      case 12 -> {
        e.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
        e.setAttributeNS(XSI, random.nextBoolean() ? "xsi:nil" : "xsi:type", "true");
        return "xsi on <" + e.getLocalName() + ">";
      }
      case 14 -> {
        for (Element x : all) { // every value: a binder that trims anywhere shows
          Text t = firstText(x);
          if (t != null && x.getChildNodes().getLength() == 1) {
            t.setData(" \n" + t.getData() + "\t ");
          }
        }
        return "pad every text";
      }
      case 15 -> {
        NamedNodeMap a = e.getAttributes();
        for (int i = 0; i < a.getLength(); i++) {
          Attr at = (Attr) a.item(i);
          if (!XMLNS.equals(at.getNamespaceURI())) {
            at.setValue(" " + at.getValue() + " ");
          }
        }
        return "pad the attributes of <" + e.getLocalName() + ">";
      }
      default -> {
        Text split = firstText(child);
        if (split == null || split.getLength() < 2) {
          return "no text to split";
        }
        Text rest = split.splitText(1 + random.nextInt(split.getLength() - 1));
        split.getParentNode().insertBefore(dom.createComment("split"), rest);
        return "split the text of <" + child.getLocalName() + ">";
      }
    }
  }

  private static boolean isAncestor(Node maybeAncestor, Node n) {
    for (Node p = n; p != null; p = p.getParentNode()) {
      if (p == maybeAncestor) {
        return true;
      }
    }
    return false;
  }

  private static Text firstText(Element e) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Text t && !(c.getNodeType() == Node.CDATA_SECTION_NODE)) {
        return t;
      }
    }
    return null;
  }

  private static void insertAt(Element parent, Node node, Random random) {
    List<Node> kids = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      kids.add(c);
    }
    int at = random.nextInt(kids.size() + 1);
    parent.insertBefore(node, at == kids.size() ? null : kids.get(at));
  }

  private static String serialize(Document dom) {
    StringBuilder out = new StringBuilder();
    for (Node c = dom.getFirstChild(); c != null; c = c.getNextSibling()) {
      write(c, out);
    }
    return out.append('\n').toString();
  }

  private static void write(Node n, StringBuilder out) {
    switch (n.getNodeType()) {
      case Node.ELEMENT_NODE -> {
        out.append('<').append(n.getNodeName());
        NamedNodeMap a = n.getAttributes();
        for (int i = 0; i < a.getLength(); i++) {
          out.append(' ').append(a.item(i).getNodeName()).append("=\"");
          escape(a.item(i).getNodeValue(), true, out);
          out.append('"');
        }
        if (n.getFirstChild() == null) {
          out.append("/>");
          return;
        }
        out.append('>');
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
          write(c, out);
        }
        out.append("</").append(n.getNodeName()).append('>');
      }
      case Node.TEXT_NODE -> escape(n.getNodeValue(), false, out);
      case Node.CDATA_SECTION_NODE -> out.append("<![CDATA[").append(n.getNodeValue()).append("]]>");
      case Node.COMMENT_NODE -> out.append("<!--").append(n.getNodeValue()).append("-->");
      default -> {
        // processing instructions and the like: none in the bases
      }
    }
  }

  private static void escape(String s, boolean attribute, StringBuilder out) {
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
