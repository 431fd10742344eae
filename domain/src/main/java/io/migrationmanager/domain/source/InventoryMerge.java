package io.migrationmanager.domain.source;

import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.network.NetworkRecord;
import io.migrationmanager.domain.warning.WarningType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Merges what a source reported into what is stored (spec §6.2 step 4): which instances and networks to create,
 * update and delete, and which extra warnings the merge raises. Pure: the caller loads the stored state and
 * applies the plan in one transaction.
 *
 * <p>Rules: instances queued in a running batch are frozen (neither updated nor deleted); instances missing on
 * the source are deleted; present ones are updated field by field so guest data survives a power-off (see
 * {@link #applyUpdates}); new ones get architecture {@code x86_64} when the guest did not say. An instance whose
 * UUID another source already has is skipped with a warning. Networks get stable UUIDs by (source, id), NICs
 * carry their network's UUID, and only networks used by this source's instances are kept.
 */
public final class InventoryMerge {
  /** Architecture assumed when VMware Tools does not report one. */
  public static final String DEFAULT_ARCHITECTURE = "x86_64";

  private InventoryMerge() {}

  /**
   * The stored state the merge starts from.
   *
   * @param instances this source's stored instances
   * @param networks this source's stored networks
   * @param frozenInstances instances of this source queued in a running batch
   * @param otherSourcesInstances UUID → source name of instances stored for other sources
   */
  public record Stored(
      List<InstanceRecord> instances,
      List<NetworkRecord> networks,
      Set<UUID> frozenInstances,
      Map<UUID, String> otherSourcesInstances) {}

  /** The changes to apply, and the warnings the merge itself raised. */
  public record Plan(
      List<InstanceRecord> createInstances,
      List<InstanceRecord> updateInstances,
      List<UUID> deleteInstances,
      List<NetworkRecord> createNetworks,
      List<NetworkRecord> updateNetworks,
      List<UUID> deleteNetworks,
      List<SyncWarning> warnings) {

    public boolean changesNothing() {
      return createInstances.isEmpty() && updateInstances.isEmpty() && deleteInstances.isEmpty()
          && createNetworks.isEmpty() && updateNetworks.isEmpty() && deleteNetworks.isEmpty();
    }
  }

  public static Plan plan(
      String sourceName,
      String sourceType,
      SourceInventory inventory,
      Stored stored,
      Instant now,
      Supplier<UUID> newUuid) {
    List<SyncWarning> warnings = new ArrayList<>();

    // Networks first: NICs carry their network's UUID.
    Map<String, NetworkRecord> storedNetworks = new LinkedHashMap<>();
    stored.networks().forEach(n -> storedNetworks.put(n.sourceSpecificId(), n));
    Map<String, UUID> networkUuids = new HashMap<>();
    for (DiscoveredNetwork n : inventory.networks()) {
      NetworkRecord old = storedNetworks.get(n.sourceSpecificId());
      networkUuids.put(n.sourceSpecificId(), old != null ? old.uuid() : newUuid.get());
    }

    Map<UUID, InstanceRecord> storedInstances = new LinkedHashMap<>();
    stored.instances().forEach(i -> storedInstances.put(i.uuid(), i));

    List<InstanceRecord> create = new ArrayList<>();
    List<InstanceRecord> update = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    Set<String> usedNetworks = new HashSet<>();
    // New instances are stored in the source's creation order (managed object ids: vm-9 before vm-12).
    List<InstanceProperties> reportedInOrder = new ArrayList<>(inventory.instances());
    reportedInOrder.sort(java.util.Comparator.comparing(InstanceProperties::sourceSpecificId, InventoryMerge::byMorefNumber));
    for (InstanceProperties reported : reportedInOrder) {
      String otherSource = stored.otherSourcesInstances().get(reported.uuid());
      if (otherSource != null) {
        warnings.add(
            new SyncWarning(
                WarningType.INSTANCES_NOT_IMPORTED,
                String.format(
                    "Duplicate UUIDs: \"%s\". Skipped instance \"%s\" on source \"%s\", keeping instance on source "
                        + "\"%s\"",
                    reported.uuid(), reported.location(), sourceName, otherSource)));
        continue;
      }
      seen.add(reported.uuid());
      InstanceProperties withNetworks = attachNetworkUuids(reported, networkUuids);
      reported.nics().forEach(nic -> usedNetworks.add(nic.sourceSpecificId()));
      InstanceRecord old = storedInstances.get(reported.uuid());
      if (old == null) {
        InstanceProperties fresh =
            withNetworks.architecture().isEmpty() ? withArchitecture(withNetworks, DEFAULT_ARCHITECTURE) : withNetworks;
        create.add(new InstanceRecord(reported.uuid(), sourceName, sourceType, now, InstanceOverride.EMPTY, fresh));
      } else if (!stored.frozenInstances().contains(old.uuid())) {
        InstanceProperties merged = applyUpdates(old.properties(), withNetworks);
        if (!merged.equals(old.properties())) {
          update.add(old.withProperties(merged, now));
        }
      }
    }
    // Frozen instances keep their networks alive even when the source no longer reports them.
    for (InstanceRecord old : stored.instances()) {
      if (stored.frozenInstances().contains(old.uuid())) {
        old.properties().nics().forEach(nic -> usedNetworks.add(nic.sourceSpecificId()));
      }
    }
    List<UUID> delete = new ArrayList<>();
    for (InstanceRecord old : stored.instances()) {
      if (!seen.contains(old.uuid()) && !stored.frozenInstances().contains(old.uuid())) {
        delete.add(old.uuid());
      }
    }

    List<NetworkRecord> createNetworks = new ArrayList<>();
    List<NetworkRecord> updateNetworks = new ArrayList<>();
    Set<String> keptNetworks = new HashSet<>();
    for (DiscoveredNetwork n : inventory.networks()) {
      if (!usedNetworks.contains(n.sourceSpecificId())) {
        continue;
      }
      keptNetworks.add(n.sourceSpecificId());
      NetworkRecord old = storedNetworks.get(n.sourceSpecificId());
      if (old == null) {
        createNetworks.add(
            new NetworkRecord(
                networkUuids.get(n.sourceSpecificId()), sourceName, n.type(), n.sourceSpecificId(), n.location(),
                n.properties(), null));
      } else {
        NetworkRecord next =
            new NetworkRecord(
                old.uuid(), sourceName, n.type(), n.sourceSpecificId(), n.location(), n.properties(), old.overrides());
        if (!next.equals(old)) {
          updateNetworks.add(next);
        }
      }
    }
    List<UUID> deleteNetworks = new ArrayList<>();
    for (NetworkRecord old : stored.networks()) {
      if (!keptNetworks.contains(old.sourceSpecificId()) && !usedNetworks.contains(old.sourceSpecificId())) {
        deleteNetworks.add(old.uuid());
      }
    }
    return new Plan(create, update, delete, createNetworks, updateNetworks, deleteNetworks, warnings);
  }

  private static InstanceProperties attachNetworkUuids(InstanceProperties p, Map<String, UUID> networkUuids) {
    List<InstanceNic> nics =
        p.nics().stream().map(n -> n.withUuid(networkUuids.getOrDefault(n.sourceSpecificId(), n.uuid()))).toList();
    return copy(p, b -> b.nics = nics);
  }

  private static InstanceProperties withArchitecture(InstanceProperties p, String arch) {
    return copy(p, b -> b.architecture = arch);
  }

  /**
   * The stored properties updated from a new report (the original's {@code ApplyUpdates}): guest-reported
   * values (architecture, OS names, NIC addresses) are only replaced by non-empty new values, so they survive
   * while the VM is off; disks keep their background-import verification unless change tracking was toggled.
   */
  public static InstanceProperties applyUpdates(InstanceProperties old, InstanceProperties now) {
    Map<String, InstanceNic> oldNics = new HashMap<>();
    old.nics().forEach(n -> oldNics.put(n.sourceSpecificId() + "|" + n.hardwareAddress(), n));
    List<InstanceNic> nics = new ArrayList<>();
    for (InstanceNic n : now.nics()) {
      InstanceNic prev = oldNics.get(n.sourceSpecificId() + "|" + n.hardwareAddress());
      nics.add(
          new InstanceNic(
              n.uuid() != null ? n.uuid() : prev == null ? null : prev.uuid(),
              n.sourceSpecificId(),
              n.hardwareAddress(),
              n.location(),
              n.ipv4Address().isEmpty() && prev != null ? prev.ipv4Address() : n.ipv4Address(),
              n.ipv6Address().isEmpty() && prev != null ? prev.ipv6Address() : n.ipv6Address()));
    }
    Map<String, InstanceDisk> oldDisks = new HashMap<>();
    old.disks().forEach(d -> oldDisks.put(d.name(), d));
    boolean trackingUnchanged = old.backgroundImport() == now.backgroundImport();
    List<InstanceDisk> disks =
        now.disks().stream()
            .map(
                d -> {
                  InstanceDisk prev = oldDisks.get(d.name());
                  boolean verified =
                      d.backgroundImportVerified() || (trackingUnchanged && prev != null && prev.backgroundImportVerified());
                  return d.withBackgroundImportVerified(verified);
                })
            .toList();
    return new InstanceProperties(
        now.name(),
        now.cpus(),
        now.memory(),
        now.config(),
        keep(now.architecture(), old.architecture()),
        old.uuid(),
        old.sourceSpecificId().isEmpty() ? now.sourceSpecificId() : old.sourceSpecificId(),
        now.location(),
        now.description(),
        keep(now.os(), old.os()),
        keep(now.osVersion(), old.osVersion()),
        keep(now.osTemplate(), old.osTemplate()),
        now.secureBoot(),
        now.legacyBoot(),
        now.tpm(),
        now.running(),
        now.backgroundImport(),
        nics,
        disks,
        now.snapshots());
  }

  private static String keep(String fresh, String previous) {
    return fresh.isEmpty() ? previous : fresh;
  }

  /** A mutable view of the fields the merge rewrites. */
  private static final class Fields {
    String architecture;
    List<InstanceNic> nics;
  }

  private static InstanceProperties copy(InstanceProperties p, java.util.function.Consumer<Fields> change) {
    Fields f = new Fields();
    f.architecture = p.architecture();
    f.nics = p.nics();
    change.accept(f);
    return new InstanceProperties(
        p.name(), p.cpus(), p.memory(), p.config(), f.architecture, p.uuid(), p.sourceSpecificId(), p.location(),
        p.description(), p.os(), p.osVersion(), p.osTemplate(), p.secureBoot(), p.legacyBoot(), p.tpm(),
        p.running(), p.backgroundImport(), f.nics, p.disks(), p.snapshots());
  }

  /** Compares managed object ids by their numeric suffix ({@code vm-9} before {@code vm-12}), then as text. */
  static int byMorefNumber(String a, String b) {
    long na = trailingNumber(a);
    long nb = trailingNumber(b);
    return na != nb ? Long.compare(na, nb) : a.compareTo(b);
  }

  private static long trailingNumber(String s) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
      i--;
    }
    if (i == s.length() || s.length() - i > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(s.substring(i));
  }

  /** Whether guest data needed for migration is missing (spec §6.2: "Instances partially imported"). */
  public static boolean incomplete(InstanceProperties p) {
    return p.architecture().isEmpty()
        || p.os().isEmpty()
        || p.osVersion().isEmpty()
        || p.nics().stream().anyMatch(n -> n.ipv4Address().isEmpty());
  }
}
