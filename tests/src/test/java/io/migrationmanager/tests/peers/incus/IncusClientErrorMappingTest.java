package io.migrationmanager.tests.peers.incus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationmanager.activities.incus.IncusBackupTarball;
import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusException;
import io.migrationmanager.domain.source.ConnectivityStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@link IncusClient} turns Incus error envelopes and transport failures into exceptions, statuses. */
class IncusClientErrorMappingTest {
  private static final TestIdentity CLIENT = TestIdentity.generate("mm-tests");
  private static IncusStub stub;
  private static IncusClient client;

  @BeforeAll
  static void start() {
    stub = IncusStub.builder().withTestFixtures().trust(CLIENT.certificate()).start();
    client = new IncusClient(stub.connection(CLIENT));
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, Invalid value for a limit, false, false, false, Unknown",
    "403, not authorized, false, false, false, Authentication error",
    "404, Storage pool not found, true, false, false, Unknown",
    "409, The storage pool already exists, false, true, false, Unknown",
    "412, ETag doesn't match: a vs b, false, false, true, Unknown",
    "500, Failed loading storage pool: database is locked, false, false, false, Unknown",
    "503, Service unavailable, false, false, false, Unknown"
  })
  void errorEnvelopeBecomesIncusException(
      int status,
      String message,
      boolean notFound,
      boolean conflict,
      boolean preconditionFailed,
      String connectivity) {
    stub.failNextRequest("GET", "/1.0/storage-pools$", status, message);

    IncusException e = catchThrowableOfType(IncusException.class, client::listStoragePools);

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.incusMessage()).isEqualTo(message);
    assertThat(e.getMessage())
        .isEqualTo("Failed to list storage pools on target \"" + stub.url() + "\": " + message);
    assertThat(e.isNotFound()).isEqualTo(notFound);
    assertThat(e.isConflict()).isEqualTo(conflict);
    assertThat(e.isPreconditionFailed()).isEqualTo(preconditionFailed);
    assertThat(e.isTransportFailure()).isFalse();
    assertThat(IncusClient.connectivityStatusOf(e)).isEqualTo(ConnectivityStatus.parse(connectivity));
  }

  @Test
  void failedOperationCarriesTheStatusIncusGivesItsError() {
    stub.failNextOperation("Restoring custom volume backup", 404, "Storage pool not found");

    IncusException e =
        catchThrowableOfType(
            IncusException.class,
            () ->
                client.importCustomVolume(
                    "pool02",
                    "v1",
                    IncusBackupTarball.ofBlockVolume("v1", "", new byte[512])));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.getMessage())
        .isEqualTo(
            "Failed to import custom volume \"v1\" into pool \"pool02\" on target \""
                + stub.url()
                + "\": Storage pool not found");
  }

  static Stream<Arguments> failures() {
    URI endpoint = URI.create("https://192.0.2.10:8443");
    return Stream.of(
        Arguments.of(null, ConnectivityStatus.OK),
        Arguments.of(
            new IncusException(
                "Failed to get server information on target \"" + endpoint + "\": refused",
                "refused",
                new ConnectException("Connection refused")),
            ConnectivityStatus.CANNOT_CONNECT),
        Arguments.of(
            new IOException(new UnknownHostException("incus.invalid")), ConnectivityStatus.CANNOT_CONNECT),
        Arguments.of(new HttpConnectTimeoutException("connect timed out"), ConnectivityStatus.CANNOT_CONNECT),
        Arguments.of(new HttpTimeoutException("request timed out"), ConnectivityStatus.CANNOT_CONNECT),
        Arguments.of(
            new IOException(
                (SSLHandshakeException)
                    new SSLHandshakeException("PKIX path building failed")
                        .initCause(new CertificateException("unable to find valid certification path"))),
            ConnectivityStatus.TLS_ERROR),
        Arguments.of(
            new IncusException(
                "Failed to get server information on target \"" + endpoint + "\": bad_certificate",
                "Received fatal alert: bad_certificate",
                new SSLHandshakeException("Received fatal alert: bad_certificate")),
            ConnectivityStatus.CANNOT_CONNECT),
        Arguments.of(
            new IllegalStateException(
                "Failed to connect to endpoint \"" + endpoint + "\": not authorized"),
            ConnectivityStatus.AUTHENTICATION_ERROR),
        Arguments.of(new IllegalStateException("something else"), ConnectivityStatus.UNKNOWN));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void failureMapsToConnectivityStatus(Throwable failure, ConnectivityStatus expected) {
    assertThat(IncusClient.connectivityStatusOf(failure)).isEqualTo(expected);
  }
}
