package io.migrationmanager.tests.peers.incus;

/** One request {@link IncusStub} received (decoded path, raw query or empty). */
public record StubRequest(String method, String path, String query) {}
