package io.migrationmanager.domain.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A top-level snapshot of a VM. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceSnapshot(@JsonProperty("name") String name) {}
