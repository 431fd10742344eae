/**
 * The Incus REST client: {@link io.migrationmanager.activities.incus.IncusClient} talks to one Incus server
 * over HTTPS with a TLS client certificate ({@link io.migrationmanager.activities.incus.IncusConnection}),
 * waits on background operations, and maps Incus error envelopes to
 * {@link io.migrationmanager.activities.incus.IncusException}. The records in this package mirror the JSON
 * objects of the Incus API that Migration Manager reads and writes (spec §9.1).
 */
package io.migrationmanager.activities.incus;
