package io.migrationmanager.workflows;

/** Task queue names. The service's own workers poll {@link #DEFAULT}; import agents poll their own queues. */
public final class TaskQueues {
  /** The queue of the service's workflows and control-plane activities (configurable as temporal.taskQueue). */
  public static final String DEFAULT = "migration-manager";

  private TaskQueues() {}
}
