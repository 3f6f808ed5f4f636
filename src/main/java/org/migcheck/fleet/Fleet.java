package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.InputException;

/** A set of hosts, in input order, with the registry that knows their classes. */
public final class Fleet {
  private final FleetRegistry registry;
  private final List<FleetHost> hosts;

  public Fleet(FleetRegistry registry, List<FleetHost> hosts) {
    this.registry = registry;
    this.hosts = List.copyOf(hosts);
  }

  public FleetRegistry registry() {
    return registry;
  }

  public List<FleetHost> hosts() {
    return hosts;
  }

  /**
   * The hosts of each class, classes in the order their first host appears: the order libvirt's
   * baseline over the hosts would meet them in.
   */
  public Map<FleetClass, List<FleetHost>> members() {
    Map<FleetClass, List<FleetHost>> out = new LinkedHashMap<>();
    for (FleetHost h : hosts) {
      out.computeIfAbsent(h.fleetClass(), k -> new ArrayList<>()).add(h);
    }
    return out;
  }

  /**
   * This fleet after a rollout: a candidate with the uuid of a host replaces it in place (a new
   * snapshot of the same machine after a microcode, kernel or libvirt update), any other candidate
   * is added at the end.
   *
   * @throws InputException when a uuid does not tell which host a candidate updates
   */
  public Fleet with(List<FleetHost> candidates) {
    Map<String, Integer> fleetUuids = new HashMap<>();
    for (FleetHost h : hosts) {
      if (h.uuid() != null) {
        fleetUuids.merge(h.uuid(), 1, Integer::sum);
      }
    }
    Map<String, FleetHost> updates = new HashMap<>();
    List<FleetHost> added = new ArrayList<>();
    for (FleetHost c : candidates) {
      Integer n = c.uuid() == null ? null : fleetUuids.get(c.uuid());
      if (n == null) {
        added.add(c);
      } else if (n > 1) {
        throw new InputException(
            c.name(),
            "the candidate has uuid " + c.uuid() + ", which " + n
                + " fleet hosts share: cannot tell which one it updates");
      } else {
        FleetHost twice = updates.put(c.uuid(), c);
        if (twice != null) {
          throw new InputException(
              c.name(), "a second candidate for uuid " + c.uuid() + " (the first is " + twice.name() + ")");
        }
      }
    }
    List<FleetHost> out = new ArrayList<>(hosts.size() + added.size());
    for (FleetHost h : hosts) {
      FleetHost update = h.uuid() == null ? null : updates.get(h.uuid());
      out.add(update != null ? update : h);
    }
    out.addAll(added);
    return new Fleet(registry, out);
  }
}
