package io.migrationmanager.activities.incus;

/**
 * A value read together with its ETag, for a later conditional {@code PUT} ({@code If-Match}).
 *
 * @param etag the ETag header as Incus sent it (quoted), or empty when the server sent none
 */
public record IncusEtagged<T>(T value, String etag) {}
