package io.migrationmanager.server.temporal;

import io.temporal.worker.Worker;

/** Registers workflow implementations and activities on the service's worker. */
@FunctionalInterface
public interface WorkerRegistration {
  void register(Worker worker);
}
