-- Migration Manager schema, version 1. Runs unchanged on MySQL 8 and MariaDB 10.11.
-- Names compare case-sensitively (utf8mb4_bin), as in the original. Times are UTC, DATETIME(6); NULL = the
-- zero time of the API.

CREATE TABLE sources (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  source_type VARCHAR(32)  NOT NULL,
  properties  JSON         NOT NULL,
  UNIQUE KEY uq_sources_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE targets (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  target_type VARCHAR(32)  NOT NULL,
  properties  JSON         NOT NULL,
  UNIQUE KEY uq_targets_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE instances (
  id                      BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uuid                    CHAR(36)    NOT NULL,
  source_id               BIGINT      NOT NULL,
  last_update_from_source DATETIME(6) NULL,
  overrides               JSON        NOT NULL,
  properties              JSON        NOT NULL,
  UNIQUE KEY uq_instances_uuid (uuid),
  CONSTRAINT fk_instances_source FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE networks (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uuid               CHAR(36)     NOT NULL,
  type               VARCHAR(32)  NOT NULL,
  source_specific_id VARCHAR(255) NOT NULL,
  location           TEXT         NOT NULL,
  properties         JSON         NOT NULL,
  source_id          BIGINT       NOT NULL,
  overrides          JSON         NOT NULL,
  UNIQUE KEY uq_networks_uuid (uuid),
  UNIQUE KEY uq_networks_source_specific_id (source_specific_id, source_id),
  CONSTRAINT fk_networks_source FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE batches (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name               VARCHAR(255) NOT NULL,
  status             VARCHAR(32)  NOT NULL,
  status_message     TEXT         NOT NULL,
  include_expression TEXT         NOT NULL,
  constraints        JSON         NOT NULL,
  start_date         DATETIME(6)  NULL,
  defaults           JSON         NOT NULL,
  config             JSON         NOT NULL,
  UNIQUE KEY uq_batches_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE migration_windows (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(255) NOT NULL,
  start_time   DATETIME(6)  NULL,
  end_time     DATETIME(6)  NULL,
  lockout_time DATETIME(6)  NULL,
  batch_id     BIGINT       NOT NULL,
  config       JSON         NOT NULL,
  -- (start, end, lockout, batch) is unique; NULL (the zero time) must compare equal, hence the key column.
  times_key    VARCHAR(100) GENERATED ALWAYS AS (CONCAT_WS('|', IFNULL(start_time, '-'), IFNULL(end_time, '-'),
                                                           IFNULL(lockout_time, '-'))) STORED,
  UNIQUE KEY uq_migration_windows_name (name, batch_id),
  UNIQUE KEY uq_migration_windows_times (times_key, batch_id),
  CONSTRAINT fk_migration_windows_batch FOREIGN KEY (batch_id) REFERENCES batches (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE instances_batches (
  instance_id BIGINT NOT NULL,
  batch_id    BIGINT NOT NULL,
  PRIMARY KEY (batch_id, instance_id),
  KEY ix_instances_batches_instance (instance_id),
  CONSTRAINT fk_instances_batches_instance FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE,
  CONSTRAINT fk_instances_batches_batch FOREIGN KEY (batch_id) REFERENCES batches (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One queue entry per instance system-wide: this is how the first batch started claims shared instances.
CREATE TABLE queue (
  id                       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  instance_id              BIGINT      NOT NULL,
  batch_id                 BIGINT      NOT NULL,
  migration_status         VARCHAR(64) NOT NULL,
  migration_status_message TEXT        NOT NULL,
  import_stage             VARCHAR(32) NOT NULL,
  secret_token             CHAR(36)    NOT NULL,
  last_worker_status       INT         NOT NULL DEFAULT 0,
  migration_window_id      BIGINT      NULL,
  placement                JSON        NOT NULL,
  last_background_sync     DATETIME(6) NULL,
  last_update              DATETIME(6) NOT NULL,
  UNIQUE KEY uq_queue_instance (instance_id),
  KEY ix_queue_batch (batch_id),
  CONSTRAINT fk_queue_instance FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE,
  CONSTRAINT fk_queue_batch FOREIGN KEY (batch_id) REFERENCES batches (id) ON DELETE CASCADE,
  CONSTRAINT fk_queue_window FOREIGN KEY (migration_window_id) REFERENCES migration_windows (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE warnings (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uuid            CHAR(36)     NOT NULL,
  type            VARCHAR(128) NOT NULL,
  scope           VARCHAR(64)  NOT NULL,
  entity_type     VARCHAR(64)  NOT NULL,
  entity          VARCHAR(255) NOT NULL,
  status          VARCHAR(32)  NOT NULL,
  messages        JSON         NOT NULL,
  count           INT          NOT NULL,
  first_seen_date DATETIME(6)  NOT NULL,
  last_seen_date  DATETIME(6)  NOT NULL,
  updated_date    DATETIME(6)  NOT NULL,
  UNIQUE KEY uq_warnings_uuid (uuid),
  UNIQUE KEY uq_warnings_scope (type, scope, entity_type, entity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE artifacts (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uuid         CHAR(36)    NOT NULL,
  type         VARCHAR(32) NOT NULL,
  properties   JSON        NOT NULL,
  last_updated DATETIME(6) NOT NULL,
  UNIQUE KEY uq_artifacts_uuid (uuid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Server-wide settings changed through the API (e.g. trusted client certificate fingerprints).
CREATE TABLE system_config (
  name  VARCHAR(64) NOT NULL PRIMARY KEY,
  value JSON        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
