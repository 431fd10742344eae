package io.migrationmanager.activities;

import io.migrationmanager.domain.error.DomainException;
import io.migrationmanager.domain.error.TransientException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * The one mapping of domain failures to Temporal: permanent kinds (not found, validation, conflict) become
 * non-retryable {@link ApplicationFailure}s typed by kind, keeping the user-facing message; transient ones and
 * anything unexpected stay retryable.
 */
public final class Failures {
  private Failures() {}

  public static <T> T translate(Supplier<T> work) {
    try {
      return work.get();
    } catch (TransientException e) {
      throw ApplicationFailure.newFailureWithCause(e.getMessage(), e.failureType(), e);
    } catch (DomainException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), e.failureType(), e);
    }
  }
}
