package io.migrationmanager.activities.vsphere;

import java.time.Instant;

/**
 * A file found on a datastore.
 *
 * @param path the datastore path, e.g. {@code [datastore-01] CentOS9/CentOS9-ctk.vmdk}
 * @param size bytes
 * @param modified last modification, or null when the server did not report it
 */
public record DatastoreFile(String path, long size, Instant modified) {}
