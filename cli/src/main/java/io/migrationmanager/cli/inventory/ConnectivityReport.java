package io.migrationmanager.cli.inventory;

import io.migrationmanager.api.ConnectivityResult;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.transport.ApiResponse;
import io.migrationmanager.domain.source.ConnectivityStatus;

/**
 * What {@code source add|update} and {@code target add|update} report once the server has checked
 * the endpoint (spec §5.2): success when the status is {@code OK}; otherwise the object is saved
 * but the command fails (exit code 1) naming the certificate fingerprint to confirm or the status.
 */
final class ConnectivityReport {

  private ConnectivityReport() {}

  /**
   * Prints the outcome of a {@code POST} or {@code PUT} answered with a {@link ConnectivityResult}.
   *
   * @param change {@code added new} or {@code updated}
   * @param kind {@code source} or {@code target}
   * @throws CliException when the status is not {@code OK}
   */
  static void report(
      Terminal terminal, String change, String kind, String name, ApiResponse response) {
    ConnectivityResult result = response.metadataAs(ConnectivityResult.class);
    String status =
        result == null || result.connectivityStatus() == null
            ? ConnectivityStatus.UNKNOWN.text()
            : result.connectivityStatus();
    String done = "Successfully " + change + " " + kind + " " + Inputs.quote(name);
    String fix = ". Please update the " + kind + " to correct the issue.";
    if (ConnectivityStatus.CONFIRM_TLS_FINGERPRINT.text().equals(status)) {
      throw new CliException(
          done
              + ", but received an untrusted TLS server certificate with fingerprint "
              + (result.certFingerprint() == null ? "" : result.certFingerprint())
              + fix);
    }
    if (!ConnectivityStatus.OK.text().equals(status)) {
      throw new CliException(done + ", but connectivity check reported an issue: " + status + fix);
    }
    terminal.out().println(done + ".");
  }
}
