package io.migrationmanager.server.temporal;

import com.codahale.metrics.health.HealthCheck;

/** Healthy when the Temporal frontend answers. */
public class TemporalHealthCheck extends HealthCheck {
  private final TemporalRuntime temporal;

  public TemporalHealthCheck(TemporalRuntime temporal) {
    this.temporal = temporal;
  }

  @Override
  protected Result check() {
    return temporal.healthy() ? Result.healthy() : Result.unhealthy("Temporal frontend does not answer");
  }
}
