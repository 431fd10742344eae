package io.migrationmanager.server.service;

import io.migrationmanager.api.Instance;
import io.migrationmanager.api.Network;
import io.migrationmanager.api.NetworkPlacement;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.instance.InstanceRepository;
import io.migrationmanager.domain.instance.InstanceViews;
import io.migrationmanager.domain.network.NetworkFilters;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.network.NetworkRepository;
import io.migrationmanager.domain.network.NetworkViews;
import java.util.List;
import java.util.UUID;

/** Reading networks and editing their placement overrides (spec §2.5). */
public class NetworkService {
  private final NetworkRepository networks;
  private final InstanceRepository instances;

  public NetworkService(NetworkRepository networks, InstanceRepository instances) {
    this.networks = networks;
    this.instances = instances;
  }

  public List<Network> list() {
    return networks.list().stream().map(NetworkViews::toApi).toList();
  }

  /** The networks an include expression selects (spec §6.3, with the location alias). */
  public List<Network> list(String expression) {
    return NetworkFilters.select(expression, networks.list()).stream().map(NetworkViews::toApi).toList();
  }

  public NetworkRecord record(UUID uuid) {
    return networks.find(uuid).orElseThrow(() -> new NotFoundException("Network \"" + uuid + "\" not found"));
  }

  public Network get(UUID uuid) {
    return NetworkViews.toApi(record(uuid));
  }

  public Network putOverride(UUID uuid, NetworkPlacement override) {
    if (override == null) {
      throw new ValidationException("Request body is empty: expected a network placement");
    }
    NetworkRecord n = record(uuid);
    NetworkViews.validateOverride(n, override);
    networks.updateOverride(uuid, override);
    return get(uuid);
  }

  public void delete(UUID uuid) {
    record(uuid);
    networks.delete(uuid);
  }

  /** The instances of the network's source that have a NIC on it. */
  public List<Instance> instances(UUID uuid) {
    NetworkRecord n = record(uuid);
    return instances.listBySource(n.source()).stream()
        .filter(i -> i.properties().nics().stream().anyMatch(nic -> nic.sourceSpecificId().equals(n.sourceSpecificId())))
        .map(InstanceViews::toApi)
        .toList();
  }
}
