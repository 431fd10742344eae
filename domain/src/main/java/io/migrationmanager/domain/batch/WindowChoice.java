package io.migrationmanager.domain.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.migrationmanager.api.MigrationWindow;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link WindowSelector} decided for a queue entry: a window of the batch, the {@linkplain
 * MigrationWindow#EMPTY empty window} of a batch without windows, or no window for now and why (the original
 * answers 404 with that reason).
 *
 * @param window the window, or {@code null} when waiting
 * @param waitReason why there is no window, or {@code null}
 */
public record WindowChoice(MigrationWindow window, String waitReason) {

  public WindowChoice {
    if ((window == null) == (waitReason == null)) {
      throw new IllegalArgumentException("exactly one of window and waitReason must be given");
    }
  }

  /** A window of the batch. */
  public static WindowChoice of(MigrationWindow window) {
    return new WindowChoice(Objects.requireNonNull(window, "window"), null);
  }

  /** The empty window: the batch has no windows, so the final import may begin at once. */
  public static WindowChoice immediately() {
    return new WindowChoice(MigrationWindow.EMPTY, null);
  }

  /** No window for now. */
  public static WindowChoice waiting(String reason) {
    return new WindowChoice(null, Objects.requireNonNull(reason, "reason"));
  }

  /** Whether no window could be chosen. */
  @JsonIgnore
  public boolean isWaiting() {
    return window == null;
  }

  /** Whether the final import may begin at {@code now}: a window was chosen and it has begun. */
  public boolean canBegin(Instant now) {
    return window != null && Windows.begun(window, now);
  }
}
