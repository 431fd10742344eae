package io.migrationmanager.domain.source;

import io.migrationmanager.domain.warning.WarningType;

/** One warning message raised while reading a source's inventory. */
public record SyncWarning(WarningType type, String message) {}
