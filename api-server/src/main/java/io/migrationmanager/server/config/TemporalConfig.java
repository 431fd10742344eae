package io.migrationmanager.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/**
 * How to reach Temporal. An empty {@code target} starts Temporal's own Java test server inside the service
 * on {@code 127.0.0.1:embeddedPort} (history in memory; the service re-creates its workflows from MySQL
 * after a restart). Production points {@code target} at a Temporal cluster's frontend ({@code host:7233}).
 */
public class TemporalConfig {
  @JsonProperty private String target = "";
  @JsonProperty @NotEmpty private String namespace = "default";

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
  @JsonProperty @NotEmpty private String taskQueue = "migration-manager";
  @JsonProperty private int embeddedPort = 7233;
  /**
   * Whether workers keep workflows cached on a sticky queue. Null means "off for the embedded test server,
   * on otherwise": the test server never falls back from a sticky queue when a worker dies.
   */
  @JsonProperty private Boolean stickyExecution;

  /** Whether the workers of this process run (off for a service that only serves the API). */
  @JsonProperty private boolean runWorker = true;

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target == null ? "" : target;
  }

  public boolean isEmbedded() {
    return target.isBlank();
  }

  public String getNamespace() {
    return namespace;
  }

  public String getTaskQueue() {
    return taskQueue;
  }

  public void setTaskQueue(String taskQueue) {
    this.taskQueue = taskQueue;
  }

  public int getEmbeddedPort() {
    return embeddedPort;
  }

  public void setEmbeddedPort(int embeddedPort) {
    this.embeddedPort = embeddedPort;
  }

  public boolean isStickyExecution() {
    return stickyExecution != null ? stickyExecution : !isEmbedded();
  }

  public boolean isRunWorker() {
    return runWorker;
  }

  public void setRunWorker(boolean runWorker) {
    this.runWorker = runWorker;
  }
}
