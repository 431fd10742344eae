package io.migrationmanager.tests.peers.incus;

import java.util.Map;

/**
 * A snapshot of a custom volume held by {@link IncusStub}; its bytes are available through {@link
 * IncusStub#customVolumeContent}.
 *
 * @param size the length of the stored volume content in bytes
 */
public record StubVolume(
    String pool,
    String project,
    String name,
    String contentType,
    String description,
    Map<String, String> config,
    String location,
    long size) {}
