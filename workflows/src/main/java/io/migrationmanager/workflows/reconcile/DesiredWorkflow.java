package io.migrationmanager.workflows.reconcile;

/**
 * A long-lived workflow that MySQL says should be running, with everything needed to start it again.
 *
 * @param workflowId the business key ({@code source-sync-<name>}, {@code batch-<name>},
 *     {@code migration-<uuid>}) so starting it twice cannot create a duplicate
 * @param workflowType the workflow interface's type name
 * @param input the single input record, rebuilt from MySQL state
 */
public record DesiredWorkflow(String workflowId, String workflowType, Object input) {}
