-- When the running sync of a source started; NULL when none runs (the API's "syncing" flag).
ALTER TABLE sources ADD COLUMN sync_started DATETIME(6) NULL;
