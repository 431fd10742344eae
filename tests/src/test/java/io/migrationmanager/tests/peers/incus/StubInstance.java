package io.migrationmanager.tests.peers.incus;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of an instance held by {@link IncusStub}, for assertions.
 *
 * @param status {@code Running} or {@code Stopped}
 * @param processes what {@code GET .../state} reports now: {@code -1} while a VM's agent is not up yet
 * @param etag the ETag {@code GET /1.0/instances/<name>} would send (unquoted)
 */
public record StubInstance(
    String project,
    String name,
    String type,
    String architecture,
    String description,
    Map<String, String> config,
    Map<String, Map<String, String>> devices,
    List<String> profiles,
    String status,
    String location,
    long processes,
    String etag) {

  /** True when running. */
  public boolean running() {
    return "Running".equals(status);
  }
}
