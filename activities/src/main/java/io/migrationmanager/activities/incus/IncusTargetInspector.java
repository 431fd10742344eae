package io.migrationmanager.activities.incus;

import io.migrationmanager.domain.placement.TargetDetails;
import io.migrationmanager.domain.placement.TargetNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what placement validation needs to know about a live Incus target (spec §6.6.3): its projects,
 * storage pools, and per project the networks and instance names.
 */
public final class IncusTargetInspector {
  private IncusTargetInspector() {}

  /**
   * @param name the target's name in Migration Manager
   * @throws IncusException when the target cannot be read
   */
  public static TargetDetails inspect(String name, IncusClient client) {
    List<String> projects = client.listProjects().stream().map(IncusProject::name).toList();
    List<String> pools = client.listStoragePools().stream().map(IncusStoragePool::name).toList();
    Map<String, List<TargetNetwork>> networks = new LinkedHashMap<>();
    Map<String, List<String>> instances = new LinkedHashMap<>();
    for (String project : projects) {
      IncusClient inProject = client.useProject(project);
      networks.put(
          project,
          inProject.listNetworks().stream()
              .map(n -> new TargetNetwork(n.name(), n.type(), n.managed(), n.ipv4Address()))
              .toList());
      instances.put(project, inProject.listInstanceNames());
    }
    return new TargetDetails(name, projects, pools, networks, instances);
  }
}
