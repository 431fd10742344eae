package io.migrationmanager.activities.incus;

/**
 * One entry of {@code environment.storage_supported_drivers} in {@code GET /1.0}.
 *
 * @param name driver name, e.g. {@code dir}, {@code zfs}, {@code ceph}
 * @param version driver version as reported
 * @param remote true for shared storage (ceph, lvmcluster, ...) that every cluster member sees
 */
public record IncusStorageDriver(String name, String version, boolean remote) {}
