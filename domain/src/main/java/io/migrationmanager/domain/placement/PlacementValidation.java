package io.migrationmanager.domain.placement;

import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.queue.MigrationStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a placement fits what its target has (spec §6.6.3, the original's {@code CanPlaceInstance}), checked in
 * this order, the first problem being the answer:
 *
 * <ol>
 *   <li>the target exists ({@code Target %q does not exist}) and is the placement's; the project exists ({@code
 *       Project %q does not exist on target %q});
 *   <li>before {@code Worker tasks complete} no instance of the same name is in the project ({@code Instance
 *       already exists with name %q on target %q in project %q}); once there, the instance must be ({@code Could
 *       not find instance with name %q on target %q in project %q});
 *   <li>the batch's migration network for the target and project, if any, exists in the project; {@code managed}
 *       needs a managed network; a managed network other than a bridge takes only {@code managed};
 *   <li>each NIC's network exists in the project ({@code No network found with name %q on target %q in project
 *       %q}); with {@code managed} on a {@code bridge} or {@code ovn} network with an IPv4 subnet, the NIC's known
 *       IPv4 address must be in it ({@code Target network %q does not contain IP %q in subnet %q}); an unmanaged
 *       network cannot take {@code managed}; on a managed network {@code bridged} needs a bridge and {@code
 *       physical} a bridge or a physical network;
 *   <li>each storage pool exists.
 * </ol>
 *
 * <p>Differences from the original: a network whose {@code ipv4.address} is {@code none} or {@code auto} has no
 * subnet to check (the original fails to parse it as a CIDR and blocks every managed NIC on it); NICs are checked
 * in MAC order and pools in disk-name order (the original iterates Go maps, in random order).
 */
public final class PlacementValidation {
  private PlacementValidation() {}

  /**
   * Why {@code placement} does not fit, or empty when it does. Callers block the queue entry with {@code Cannot
   * place instance: <problem>} or raise a conflict with it.
   *
   * @param target the details of the placement's target, or {@code null} when no such target is registered
   * @param status the queue entry's status
   * @param migrationNetworks the batch's migration networks
   */
  public static Optional<String> problem(
      TargetDetails target,
      Placement placement,
      InstanceRecord instance,
      MigrationStatus status,
      List<MigrationNetwork> migrationNetworks) {
    if (target == null) {
      return Optional.of("Target " + q(placement.targetName()) + " does not exist");
    }
    if (!target.name().equals(placement.targetName())) {
      return Optional.of("Expected target " + q(placement.targetName()) + " but got " + q(target.name()));
    }
    String project = placement.targetProject();
    String where = " on target " + q(target.name()) + " in project " + q(project);
    if (!target.projects().contains(project)) {
      return Optional.of("Project " + q(project) + " does not exist on target " + q(target.name()));
    }
    String name = Placements.name(instance);
    boolean exists = target.instances(project).contains(name);
    boolean importDone = status == MigrationStatus.WORKER_DONE;
    if (!importDone && exists) {
      return Optional.of("Instance already exists with name " + q(name) + where);
    }
    if (importDone && !exists) {
      return Optional.of("Could not find instance with name " + q(name) + where);
    }
    Optional<String> problem =
        Placements.migrationNetwork(migrationNetworks, placement)
            .flatMap(n -> migrationNetworkProblem(target, project, n));
    if (problem.isPresent()) {
      return problem;
    }
    for (Map.Entry<String, NetworkPlacement> nic : placement.networks().entrySet()) {
      problem = nicProblem(target, project, instance, nic.getKey(), nic.getValue());
      if (problem.isPresent()) {
        return problem;
      }
    }
    for (String pool : placement.storagePools().values()) {
      if (!target.storagePools().contains(pool)) {
        return Optional.of("No Storage pool found with name " + q(pool) + where);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> migrationNetworkProblem(TargetDetails target, String project, MigrationNetwork n) {
    Optional<TargetNetwork> found = find(target, project, n.network());
    if (found.isEmpty()) {
      return Optional.of(
          "Migration network " + q(n.network()) + " not found in project " + q(n.targetProject()) + " of target "
              + q(n.target()));
    }
    TargetNetwork network = found.get();
    if (!network.managed() && n.nictype().equals("managed")) {
      return Optional.of("Target migration network " + q(network.name()) + " is not a managed network");
    }
    if (network.managed() && !network.type().equals("bridge") && !n.nictype().equals("managed")) {
      return Optional.of(
          "Target migration network " + q(network.name()) + " expects nictype \"managed\", not " + q(n.nictype()));
    }
    return Optional.empty();
  }

  private static Optional<String> nicProblem(
      TargetDetails target, String project, InstanceRecord instance, String mac, NetworkPlacement placement) {
    Optional<TargetNetwork> found = find(target, project, placement.network());
    if (found.isEmpty()) {
      return Optional.of(
          "No network found with name " + q(placement.network()) + " on target " + q(target.name()) + " in project "
              + q(project));
    }
    TargetNetwork network = found.get();
    String nictype = placement.nictype();
    InstanceNic nic =
        instance.properties().nics().stream().filter(n -> n.hardwareAddress().equals(mac)).findFirst().orElse(null);
    if (nictype.equals("managed")
        && (network.type().equals("bridge") || network.type().equals("ovn"))
        && nic != null
        && !nic.ipv4Address().isEmpty()
        && hasSubnet(network)) {
      long ip = Ipv4.parse(nic.ipv4Address());
      if (ip < 0) {
        return Optional.of("Failed to parse instance NIC " + q(nic.location()) + " IP " + q(nic.ipv4Address()));
      }
      boolean inside;
      try {
        inside = Ipv4.contains(network.ipv4Address(), ip);
      } catch (IllegalArgumentException e) {
        return Optional.of(
            "Failed to parse target network " + q(network.name()) + " subnet " + q(network.ipv4Address()) + ": "
                + e.getMessage());
      }
      if (!inside) {
        return Optional.of(
            "Target network " + q(network.name()) + " does not contain IP " + q(nic.ipv4Address()) + " in subnet "
                + q(network.ipv4Address()));
      }
    }
    if (!network.managed() && nictype.equals("managed")) {
      return Optional.of("Target network " + q(network.name()) + " is not a managed network");
    }
    if (network.managed()) {
      boolean invalid =
          switch (nictype) {
            case "bridged" -> !network.type().equals("bridge");
            case "physical" -> !network.type().equals("bridge") && !network.type().equals("physical");
            default -> false;
          };
      if (invalid) {
        return Optional.of(
            "Target network " + q(network.name()) + " expects nictype \"managed\", not " + q(nictype));
      }
    }
    return Optional.empty();
  }

  private static boolean hasSubnet(TargetNetwork network) {
    String subnet = network.ipv4Address();
    return !subnet.isEmpty() && !subnet.equals("none") && !subnet.equals("auto");
  }

  private static Optional<TargetNetwork> find(TargetDetails target, String project, String name) {
    return target.networks(project).stream().filter(n -> n.name().equals(name)).findFirst();
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }
}
