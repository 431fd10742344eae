package io.migrationmanager.server.http;

import java.nio.file.Path;

/** A connector whose files (certificate, socket) live in the service's data directory unless set explicitly. */
public interface DataDirAware {
  void useDataDir(Path dataDir);
}
