package io.migrationmanager.server.service;

import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningPut;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.warning.WarningRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading warnings and acknowledging them (spec §2.9). */
public class WarningService {
  private final WarningRepository warnings;
  private final Clock clock;

  public WarningService(WarningRepository warnings, Clock clock) {
    this.warnings = warnings;
    this.clock = clock;
  }

  public List<Warning> list() {
    return warnings.list();
  }

  public Warning get(UUID uuid) {
    return warnings.find(uuid).orElseThrow(() -> new NotFoundException("Warning \"" + uuid + "\" not found"));
  }

  /** Changes the status only; {@code last_seen_date} becomes the previous update date. */
  public Warning put(UUID uuid, WarningPut put) {
    if (put == null
        || !(Warning.STATUS_NEW.equals(put.status()) || Warning.STATUS_ACKNOWLEDGED.equals(put.status()))) {
      throw new ValidationException(
          "Invalid value for field \"status\": \"" + (put == null ? "" : put.status())
              + "\" must be \"new\" or \"acknowledged\"");
    }
    Warning w = get(uuid);
    Instant now = clock.instant();
    Warning next =
        new Warning(put.status(), w.uuid(), w.scope(), w.type(), w.firstSeenDate(), w.updatedDate(), now, w.messages(),
            w.count());
    warnings.save(next);
    return next;
  }
}
