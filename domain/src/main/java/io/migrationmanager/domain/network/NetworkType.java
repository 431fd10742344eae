package io.migrationmanager.domain.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationmanager.domain.error.ValidationException;

/** The kinds of source network (spec §2.5); the wire value is the lower-case name. */
public enum NetworkType {
  /** A standard vSwitch port group ({@code network-40007}, {@code HaNetwork-VMWARE}). */
  STANDARD("standard"),
  /** A distributed port group (id = port group key). */
  DISTRIBUTED("distributed"),
  /** A distributed port group backed by NSX. */
  NSX_DISTRIBUTED("nsx-distributed"),
  /** An NSX opaque network. */
  NSX("nsx");

  private final String wire;

  NetworkType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static NetworkType parse(String s) {
    for (NetworkType t : values()) {
      if (t.wire.equals(s) || ("distributed-nsx".equals(s) && t == NSX_DISTRIBUTED)) {
        return t;
      }
    }
    throw new ValidationException("Unknown network type \"" + s + "\"");
  }
}
