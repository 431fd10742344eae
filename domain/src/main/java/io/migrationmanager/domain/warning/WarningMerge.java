package io.migrationmanager.domain.warning;

import io.migrationmanager.api.Warning;
import io.migrationmanager.api.WarningScope;
import io.migrationmanager.domain.source.SyncWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How the warnings of one completed sync replace the stored ones of its scope (spec §2.9):
 *
 * <ul>
 *   <li>one warning per type; a type raised again keeps its UUID and first-seen date, its count grows by one,
 *       its last-seen date becomes the previous update date, and its messages become this run's messages;
 *   <li>a stored warning whose type was not raised in this run is deleted (it is stale);
 *   <li>the original resets an acknowledged warning to {@code new} at every re-raise, so an acknowledgement
 *       lasts ten minutes; we keep it acknowledged unless a message appears that it did not have.
 * </ul>
 */
public final class WarningMerge {
  private WarningMerge() {}

  /** What to store and what to delete. */
  public record Result(List<Warning> save, List<UUID> delete) {}

  public static Result merge(
      List<Warning> storedInScope,
      WarningScope scope,
      List<SyncWarning> raised,
      Instant now,
      Supplier<UUID> newUuid) {
    Map<WarningType, LinkedHashSet<String>> byType = new LinkedHashMap<>();
    for (SyncWarning w : raised) {
      byType.computeIfAbsent(w.type(), t -> new LinkedHashSet<>()).add(w.message());
    }
    Map<WarningType, Warning> stored = new LinkedHashMap<>();
    storedInScope.forEach(w -> stored.put(w.type(), w));

    List<Warning> save = new ArrayList<>();
    List<UUID> delete = new ArrayList<>();
    for (var e : byType.entrySet()) {
      List<String> messages = List.copyOf(e.getValue());
      Warning old = stored.get(e.getKey());
      if (old == null) {
        save.add(new Warning(Warning.STATUS_NEW, newUuid.get(), scope, e.getKey(), now, now, now, messages, 1));
      } else {
        boolean somethingNew = !old.messages().containsAll(messages);
        String status =
            Warning.STATUS_ACKNOWLEDGED.equals(old.status()) && !somethingNew
                ? Warning.STATUS_ACKNOWLEDGED
                : Warning.STATUS_NEW;
        save.add(
            new Warning(
                status, old.uuid(), scope, e.getKey(), old.firstSeenDate(), old.updatedDate(), now, messages,
                old.count() + 1));
      }
    }
    for (Warning old : storedInScope) {
      if (!byType.containsKey(old.type())) {
        delete.add(old.uuid());
      }
    }
    return new Result(save, delete);
  }
}
