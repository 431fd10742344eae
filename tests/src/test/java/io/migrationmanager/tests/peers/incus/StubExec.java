package io.migrationmanager.tests.peers.incus;

import java.util.List;

/** A command {@link IncusStub} was asked to run through {@code POST /1.0/instances/<name>/exec}. */
public record StubExec(String project, String instance, List<String> command) {}
