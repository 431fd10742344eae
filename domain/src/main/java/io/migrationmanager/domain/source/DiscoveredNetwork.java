package io.migrationmanager.domain.source;

import io.migrationmanager.domain.network.NetworkProperties;
import io.migrationmanager.domain.network.NetworkType;

/**
 * A network a source reported, used by at least one of its VMs.
 *
 * @param sourceSpecificId the network's id on the source (unique per source)
 * @param location the network's inventory path, e.g. {@code /vc01/network/VMNET}
 */
public record DiscoveredNetwork(
    String sourceSpecificId, NetworkType type, String location, NetworkProperties properties) {}
