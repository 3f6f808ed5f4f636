package org.migcheck.parse;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** libvirt cputest's {@code <cpuTest>} list of baseline inputs: {@code <cpu>} children. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class XCpuTest {
  @XmlElement(name = "cpu")
  List<XCpu> cpus = new ArrayList<>();
}
