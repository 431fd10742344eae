package io.migrationmanager.domain.instance;

import io.migrationmanager.domain.error.ValidationException;

/** The power states {@code POST /1.0/instances/<uuid>/:power?state=} accepts (spec §3.3). */
public enum PowerState {
  /** Power the VM on. */
  ON("on"),
  /** Shut the VM down. */
  OFF("off");

  private final String wire;

  PowerState(String wire) {
    this.wire = wire;
  }

  /** The query value, {@code on} or {@code off}. */
  public String wire() {
    return wire;
  }

  /** Whether a VM in this state runs. */
  public boolean running() {
    return this == ON;
  }

  /** Reads the {@code state} query value; anything but {@code on} and {@code off} is a 400. */
  public static PowerState parse(String state) {
    for (PowerState s : values()) {
      if (s.wire.equals(state)) {
        return s;
      }
    }
    throw new ValidationException(
        "Invalid power state \"" + (state == null ? "" : state) + "\": expected \"on\" or \"off\"");
  }
}
