package io.migrationmanager.domain.placement;

import io.migrationmanager.api.BatchDefaults;
import io.migrationmanager.api.BatchPlacement;
import io.migrationmanager.api.MigrationNetwork;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.batch.BatchRules;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.instance.Overrides;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkViews;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computing placements (spec §6.6): the batch's default placement of an instance, a placement scriptlet's result
 * laid over it, and the migration network that applies.
 */
public final class Placements {
  private Placements() {}

  /**
   * The default placement of {@code instance} in a batch (spec §6.6.1, the original's {@code
   * GetIncusPlacement}): the batch's target and project; the batch's storage pool for every supported disk, by
   * disk name; for every NIC, by MAC address, the effective placement (default plus override) of the network
   * record of the instance's source with the NIC's network id; running as the source VM is, unless the instance's
   * override says to start or to stop it after migration.
   *
   * @param networks the network records to look NICs up in (those of the instance's source suffice)
   * @throws NotFoundException {@code No network %q associated with instance %q on source %q} when a NIC's network
   *     has no record
   */
  public static Placement defaults(
      BatchDefaults defaults, InstanceRecord instance, Collection<NetworkRecord> networks) {
    BatchPlacement batch = defaults.placement();
    InstanceProperties p = instance.properties();
    Map<String, String> pools = new LinkedHashMap<>();
    for (InstanceDisk disk : p.disks()) {
      if (disk.supported()) {
        pools.put(disk.name(), batch.storagePool());
      }
    }
    Map<String, NetworkPlacement> nics = new LinkedHashMap<>();
    for (InstanceNic nic : p.nics()) {
      NetworkRecord network =
          networks.stream()
              .filter(n -> n.source().equals(instance.source()) && n.sourceSpecificId().equals(nic.sourceSpecificId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "No network \"" + nic.sourceSpecificId() + "\" associated with instance \"" + name(instance)
                              + "\" on source \"" + instance.source() + "\""));
      nics.put(nic.hardwareAddress(), NetworkViews.defaultPlacement(network).apply(network.overrides()));
    }
    boolean running = p.running();
    if (instance.overrides().startedAfterMigration()) {
      running = true;
    } else if (instance.overrides().stoppedAfterMigration()) {
      running = false;
    }
    return Placement.of(batch.target(), batch.targetProject(), pools, nics, running);
  }

  /**
   * Lays a placement scriptlet's result over a placement (spec §6.6.2): a set target or project replaces the
   * placement's, each placed disk's pool and each placed NIC's network replace those of the placement. A NIC
   * type left empty means {@code managed}, as {@code set_network} has it.
   *
   * @throws ValidationException when the result names a disk that is not a supported disk of the instance, a MAC
   *     address of no NIC of the instance, an invalid target, project, pool or network name, or breaks the NIC
   *     type and VLAN rules
   */
  public static Placement merge(Placement base, PlacementOverrides result) {
    String target = base.targetName();
    if (!result.target().isEmpty()) {
      Names.requireApiName("target", result.target());
      target = result.target();
    }
    String project = base.targetProject();
    if (!result.project().isEmpty()) {
      Names.requireApiName("project", result.project());
      project = result.project();
    }
    Map<String, String> pools = new LinkedHashMap<>(base.storagePools());
    result.storagePools().forEach(
        (disk, pool) -> {
          if (!base.storagePools().containsKey(disk)) {
            throw new ValidationException("No supported disk found with name \"" + disk + "\"");
          }
          Names.requireApiName("storage pool", pool);
          pools.put(disk, pool);
        });
    Map<String, NetworkPlacement> nics = new LinkedHashMap<>(base.networks());
    result.networks().forEach(
        (mac, placement) -> {
          if (!base.networks().containsKey(mac)) {
            throw new ValidationException("No NIC found with hardware address \"" + mac + "\"");
          }
          NetworkPlacement effective =
              placement.nictype().isEmpty()
                  ? new NetworkPlacement(placement.network(), "managed", placement.vlanId())
                  : placement;
          Names.requireApiName("network", effective.network());
          BatchRules.validateNicType(effective.nictype(), effective.vlanId());
          nics.put(mac, effective);
        });
    return Placement.of(target, project, pools, nics, base.running());
  }

  /** The batch's migration network for the placement's target and project, if it defines one. */
  public static Optional<MigrationNetwork> migrationNetwork(List<MigrationNetwork> networks, Placement placement) {
    return networks.stream()
        .filter(n -> n.target().equals(placement.targetName()) && n.targetProject().equals(placement.targetProject()))
        .findFirst();
  }

  /** The name the instance gets on the target: its overridden name, else its source name. */
  public static String name(InstanceRecord instance) {
    return Overrides.apply(instance.properties(), instance.overrides()).name();
  }
}
