package io.migrationmanager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What POST/PUT of a source or target answers (spec §3.3), with the original's key names.
 *
 * @param certFingerprint the fingerprint of an untrusted server certificate to confirm, when the status is
 *     {@code Confirm TLS fingerprint}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConnectivityResult(
    @JsonProperty("ConnectivityStatus") String connectivityStatus,
    @JsonProperty("certFingerprint") String certFingerprint) {}
