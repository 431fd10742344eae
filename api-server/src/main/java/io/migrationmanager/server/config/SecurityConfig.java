package io.migrationmanager.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call the API over HTTPS: SHA-256 fingerprints of trusted client certificates (lowercase hex, colons
 * allowed). These come from the configuration file and are merged with the list kept in the database, which
 * the API ({@code /1.0/system/security}) edits. Callers on the local unix socket are always trusted.
 */
public class SecurityConfig {
  @JsonProperty private List<String> trustedClientFingerprints = new ArrayList<>();

  public List<String> getTrustedClientFingerprints() {
    return trustedClientFingerprints;
  }

  public void setTrustedClientFingerprints(List<String> fingerprints) {
    this.trustedClientFingerprints = fingerprints == null ? new ArrayList<>() : new ArrayList<>(fingerprints);
  }
}
