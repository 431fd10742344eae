package io.migrationmanager.domain.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of checking a source or target endpoint (spec §2.1); the wire value is the display text. */
public enum ConnectivityStatus {
  UNKNOWN("Unknown"),
  OK("OK"),
  CANNOT_CONNECT("Cannot connect"),
  TLS_ERROR("TLS error"),
  CONFIRM_TLS_FINGERPRINT("Confirm TLS fingerprint"),
  AUTHENTICATION_ERROR("Authentication error"),
  WAITING_FOR_OIDC("Waiting for OIDC authentications");

  private final String text;

  ConnectivityStatus(String text) {
    this.text = text;
  }

  @JsonValue
  public String text() {
    return text;
  }

  @JsonCreator
  public static ConnectivityStatus parse(String s) {
    for (ConnectivityStatus c : values()) {
      if (c.text.equals(s)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
