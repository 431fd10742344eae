package io.migrationmanager.domain.network;

import io.migrationmanager.api.NetworkPlacement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored source networks, ordered by source then location. */
public interface NetworkRepository {
  List<NetworkRecord> list();

  List<NetworkRecord> listBySource(String source);

  Optional<NetworkRecord> find(UUID uuid);

  void updateOverride(UUID uuid, NetworkPlacement override);

  void delete(UUID uuid);
}
