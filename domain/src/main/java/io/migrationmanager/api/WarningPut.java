package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PUT /1.0/warnings/<uuid>}: only the status changes ({@code new} or {@code acknowledged}). */
public record WarningPut(@JsonProperty("status") String status) {}
