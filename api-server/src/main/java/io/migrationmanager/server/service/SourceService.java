package io.migrationmanager.server.service;

import io.migrationmanager.api.ConnectivityResult;
import io.migrationmanager.api.Source;
import io.migrationmanager.api.VmwareSourceProperties;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.OperationFailedException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.source.InventoryReader;
import io.migrationmanager.domain.source.SourceRepository;
import io.migrationmanager.domain.source.SourceRules;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.workflows.sync.SyncOutcome;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registering, changing and removing sources (spec §2.2, §3.3), and on-demand syncs. */
public class SourceService {
  private static final Logger LOG = LoggerFactory.getLogger(SourceService.class);

  private final SourceRepository sources;
  private final InventoryReader reader;
  private final SourceSyncControl syncs;
  private final Jdbi jdbi;

  public SourceService(SourceRepository sources, InventoryReader reader, SourceSyncControl syncs, Jdbi jdbi) {
    this.sources = sources;
    this.reader = reader;
    this.syncs = syncs;
    this.jdbi = jdbi;
  }

  public List<Source> list() {
    return sources.list();
  }

  public Source get(String name) {
    return sources.find(name).orElseThrow(() -> notFound(name));
  }

  /** Validates, checks connectivity, stores, starts the sync workflow and, when reachable, syncs. */
  public ConnectivityResult create(Source input) {
    if (input == null || input.name() == null) {
      throw new ValidationException("Invalid source, name can not be empty");
    }
    Source s = SourceRules.withDefaults(input);
    SourceRules.validate(s);
    if (sources.find(s.name()).isPresent()) {
      throw new ConflictException("Source \"" + s.name() + "\" already exists");
    }
    Source checked = withConnectivity(s);
    sources.create(checked);
    syncs.ensureRunning(checked);
    return afterSave(checked);
  }

  /** Replaces the source (possibly renaming it); an empty password keeps the stored one. */
  public ConnectivityResult update(String name, Source input) {
    Source old = get(name);
    refuseIfActive(name);
    if (input == null) {
      throw new ValidationException("Request body is empty: expected a source");
    }
    VmwareSourceProperties props = input.properties() == null ? old.properties() : input.properties();
    if (props.password().isEmpty()) {
      props = props.withPassword(old.properties().password());
    }
    String newName = input.name() == null || input.name().isEmpty() ? name : input.name();
    Source s = SourceRules.withDefaults(new Source(newName, old.sourceType(), props, false));
    SourceRules.validate(s);
    if (!newName.equals(name) && sources.find(newName).isPresent()) {
      throw new ConflictException("Source \"" + newName + "\" already exists");
    }
    Source checked = withConnectivity(s);
    sources.update(name, checked);
    if (!newName.equals(name)) {
      syncs.stop(name);
      jdbi.useHandle(
          h -> h.createUpdate("UPDATE warnings SET entity = :n WHERE entity_type = 'source' AND entity = :o")
              .bind("n", newName)
              .bind("o", name)
              .execute());
      syncs.ensureRunning(checked);
    } else {
      syncs.reconfigure(checked);
    }
    return afterSave(checked);
  }

  /** Deletes the source, its instances and networks, and its warnings; stops its sync workflow. */
  public void delete(String name) {
    get(name);
    refuseIfActive(name);
    sources.delete(name);
    jdbi.useHandle(
        h -> h.createUpdate("DELETE FROM warnings WHERE scope = 'sync' AND entity_type = 'source' AND entity = :n")
            .bind("n", name)
            .execute());
    syncs.stop(name);
  }

  /** Syncs now (spec {@code POST /1.0/sources/<name>/:sync}). */
  public SyncOutcome sync(String name) {
    Source s = get(name);
    ConnectivityStatus status = s.properties().connectivityStatus();
    if (status != ConnectivityStatus.OK) {
      throw new ValidationException(
          "Cannot sync source \"" + name + "\" with connectivity status \"" + status.text() + "\"");
    }
    SyncOutcome outcome = syncs.syncNow(s);
    if (!outcome.ok()) {
      throw new OperationFailedException("Failed to sync source \"" + name + "\": " + outcome.error());
    }
    return outcome;
  }

  private ConnectivityResult afterSave(Source s) {
    ConnectivityStatus status = s.properties().connectivityStatus();
    if (status == ConnectivityStatus.OK) {
      SyncOutcome outcome = syncs.syncNow(s);
      if (!outcome.ok()) {
        LOG.warn("First sync of source {} failed: {}", s.name(), outcome.error());
      }
    }
    String fp =
        status == ConnectivityStatus.CONFIRM_TLS_FINGERPRINT && s.properties().trustedServerCertificate() != null
            ? Pem.fingerprint(s.properties().trustedServerCertificate())
            : null;
    return new ConnectivityResult(status.text(), fp);
  }

  /** The source with its connectivity status re-evaluated (and an untrusted certificate captured). */
  private Source withConnectivity(Source s) {
    InventoryReader.Check check = reader.check(SourceRules.endpoint(s));
    byte[] cert =
        check.untrustedCertificate() != null ? check.untrustedCertificate() : s.properties().trustedServerCertificate();
    return new Source(s.name(), s.sourceType(), s.properties().withConnectivity(check.status(), cert), false);
  }

  private void refuseIfActive(String name) {
    jdbi.useHandle(
        h -> h.createQuery(
                "SELECT JSON_UNQUOTE(JSON_EXTRACT(i.properties, '$.location')) FROM queue q "
                    + "JOIN instances i ON i.id = q.instance_id JOIN sources s ON s.id = i.source_id "
                    + "JOIN batches b ON b.id = q.batch_id WHERE s.name = :n AND b.status NOT IN ('Defined', 'Finished') "
                    + "LIMIT 1")
            .bind("n", name)
            .mapTo(String.class)
            .findOne()
            .ifPresent(
                location -> {
                  throw new ConflictException(
                      "Instance \"" + location + "\" cannot be modified because it is part of an active batch");
                }));
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException("Source \"" + name + "\" not found");
  }
}
