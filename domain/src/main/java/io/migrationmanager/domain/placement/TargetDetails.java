package io.migrationmanager.domain.placement;

import java.util.List;
import java.util.Map;

/**
 * What a target has right now, read before placing instances on it (spec §6.6.3).
 *
 * @param name the target's name
 * @param projects the Incus projects
 * @param storagePools the storage pools
 * @param networksByProject the networks visible in each project
 * @param instancesByProject the instance names of each project
 */
public record TargetDetails(
    String name,
    List<String> projects,
    List<String> storagePools,
    Map<String, List<TargetNetwork>> networksByProject,
    Map<String, List<String>> instancesByProject) {

  public TargetDetails {
    projects = projects == null ? List.of() : List.copyOf(projects);
    storagePools = storagePools == null ? List.of() : List.copyOf(storagePools);
    networksByProject = networksByProject == null ? Map.of() : Map.copyOf(networksByProject);
    instancesByProject = instancesByProject == null ? Map.of() : Map.copyOf(instancesByProject);
  }

  /** The networks of {@code project}, or none. */
  public List<TargetNetwork> networks(String project) {
    return networksByProject.getOrDefault(project, List.of());
  }

  /** The instance names of {@code project}, or none. */
  public List<String> instances(String project) {
    return instancesByProject.getOrDefault(project, List.of());
  }
}
