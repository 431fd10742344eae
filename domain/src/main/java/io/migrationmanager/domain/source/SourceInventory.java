package io.migrationmanager.domain.source;

import io.migrationmanager.domain.instance.InstanceProperties;
import java.util.List;

/**
 * Everything one read of a source returned: the VMs it will import (ignored and failed VMs are left out and
 * explained by warnings), the networks those VMs use, and the warnings raised on the way.
 */
public record SourceInventory(
    List<InstanceProperties> instances, List<DiscoveredNetwork> networks, List<SyncWarning> warnings) {

  public SourceInventory {
    instances = List.copyOf(instances);
    networks = List.copyOf(networks);
    warnings = List.copyOf(warnings);
  }
}
