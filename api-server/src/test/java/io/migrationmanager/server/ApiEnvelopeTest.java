package io.migrationmanager.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.migrationmanager.server.config.MigrationManagerConfiguration;
import io.migrationmanager.server.testing.ApiTestClient;
import io.migrationmanager.server.testing.ApiTestClient.Reply;
import io.migrationmanager.server.testing.TestConfigs;
import io.migrationmanager.testsupport.TestDatabase;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.tls.SelfSigned;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The response envelope, authentication, ETag/If-Match and error mapping, on real MariaDB. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiEnvelopeTest {
  static final TestDatabase DB = TestDatabase.createEmpty();
  static final Path DATA_DIR = tempDir();
  static final DropwizardAppExtension<MigrationManagerConfiguration> APP =
      new DropwizardAppExtension<>(MigrationManagerApplication.class, TestConfigs.forTest(DB, DATA_DIR));

  static final SelfSigned.Identity TRUSTED = ApiTestClient.newIdentity();
  static final SelfSigned.Identity STRANGER = ApiTestClient.newIdentity();

  ApiTestClient trusted;
  ApiTestClient stranger;
  ApiTestClient anonymous;

  static Path tempDir() {
    try {
      return Files.createTempDirectory("mm-api-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @BeforeEach
  void clients() {
    services().systemConfig().setTrustedFingerprints(List.of(Pem.fingerprint(TRUSTED.certificate())));
    services().forgetTrustDecisions();
    String base = "https://127.0.0.1:" + APP.getLocalPort();
    trusted = new ApiTestClient(base, TRUSTED);
    stranger = new ApiTestClient(base, STRANGER);
    anonymous = new ApiTestClient(base, null);
  }

  static Services services() {
    return ((MigrationManagerApplication) APP.getApplication()).services();
  }

  @Test
  void rootListsApiVersions() {
    Reply r = anonymous.get("/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().toString())
        .isEqualTo(
            "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"operation\":\"\",\"error_code\":0,"
                + "\"error\":\"\",\"metadata\":[\"/1.0\"]}");
  }

  @Test
  void serverInfoReportsHowTheCallerAuthenticated() {
    assertThat(anonymous.get("/1.0").metadata().get("auth").asText()).isEqualTo("untrusted");
    assertThat(stranger.get("/1.0").metadata().get("auth").asText()).isEqualTo("untrusted");
    Reply r = trusted.get("/1.0");
    assertThat(r.metadata().get("auth").asText()).isEqualTo("tls");
    assertThat(r.metadata().get("api_version").asText()).isEqualTo("1.0");
    assertThat(r.metadata().get("auth_methods").toString()).isEqualTo("[\"tls\"]");
    assertThat(r.metadata().has("server_version")).isTrue();
    assertThat(r.metadata().get("config").isNull()).isTrue();
  }

  @Test
  void unixSocketCallersAreTrusted() throws IOException {
    String reply = unixRequest("GET /1.0 HTTP/1.1\r\nHost: unix\r\nConnection: close\r\n\r\n");
    assertThat(reply).startsWith("HTTP/1.1 200").contains("\"auth\":\"unix\"");
  }

  @Test
  void untrustedCallersCannotReachProtectedEndpoints() {
    Reply r = stranger.get("/1.0/system/security");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("type").asText()).isEqualTo("error");
    assertThat(r.body().get("error_code").asInt()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("Client certificate not trusted");
    assertThat(r.body().get("metadata").isNull()).isTrue();
  }

  @Test
  void unknownPathsAreNotFoundEnvelopes() {
    Reply r = trusted.get("/1.0/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().get("error_code").asInt()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("Not found");
    assertThat(anonymous.get("/2.0").status()).isEqualTo(404);
  }

  @Test
  void wrongMethodIsAnErrorEnvelope() {
    Reply r = trusted.send("DELETE", "/1.0", null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.body().get("type").asText()).isEqualTo("error");
  }

  @Test
  void singleObjectsCarryAnEtagAndPutHonoursIfMatch() {
    Reply get = trusted.get("/1.0/system/security");
    assertThat(get.status()).isEqualTo(200);
    String etag = get.etag();
    assertThat(etag).matches("\"[0-9a-f]{64}\"");

    String other = Pem.fingerprint(STRANGER.certificate());
    String body =
        "{\"trusted_tls_client_cert_fingerprints\":[\"" + Pem.fingerprint(TRUSTED.certificate()) + "\",\"" + other + "\"]}";
    Reply stale = trusted.send("PUT", "/1.0/system/security", body, "If-Match", "\"" + "0".repeat(64) + "\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.error()).startsWith("ETag doesn't match: " + "0".repeat(64) + " vs ");
    assertThat(stranger.get("/1.0").metadata().get("auth").asText()).isEqualTo("untrusted");

    Reply ok = trusted.send("PUT", "/1.0/system/security", body, "If-Match", etag);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.metadata().get("trusted_tls_client_cert_fingerprints")).hasSize(2);
    assertThat(stranger.get("/1.0").metadata().get("auth").asText()).isEqualTo("tls");
    assertThat(trusted.get("/1.0/system/security").etag()).isNotEqualTo(etag);
  }

  @Test
  void badInputIsRejectedWithTheFieldNamedAndChangesNothing() {
    String before = trusted.get("/1.0/system/security").metadata().toString();

    Reply unknownField = trusted.send("PUT", "/1.0/system/security", "{\"trusted\":[]}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.error()).isEqualTo("Unknown field \"trusted\"");

    Reply wrongType = trusted.send("PUT", "/1.0/system/security", "{\"trusted_tls_client_cert_fingerprints\":7}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.error()).contains("\"trusted_tls_client_cert_fingerprints\"");

    Reply malformed = trusted.send("PUT", "/1.0/system/security", "{\"trusted_tls_client_cert_fingerprints\": [");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error()).startsWith("Malformed JSON");

    Reply badValue =
        trusted.send("PUT", "/1.0/system/security", "{\"trusted_tls_client_cert_fingerprints\":[\"abc\"]}");
    assertThat(badValue.status()).isEqualTo(400);
    assertThat(badValue.error())
        .isEqualTo(
            "Invalid value for field \"trusted_tls_client_cert_fingerprints\": \"abc\" is not a SHA-256 "
                + "fingerprint (64 hexadecimal digits)");

    String huge = "{\"trusted_tls_client_cert_fingerprints\":[\"" + "a".repeat(5 * 1024 * 1024) + "\"]}";
    Reply oversized = trusted.send("PUT", "/1.0/system/security", huge);
    assertThat(oversized.status()).isEqualTo(400);
    assertThat(oversized.error()).startsWith("Request body too large");

    assertThat(trusted.get("/1.0/system/security").metadata().toString()).isEqualTo(before);
  }

  @Test
  void listsAreUrlsUnlessRecursionAndSecretsAreNeverReturned() {
    services()
        .jdbi()
        .useHandle(
            h -> h.execute(
                "INSERT INTO targets (name, target_type, properties) VALUES ('incus 01', 'incus', "
                    + "'{\"endpoint\":\"https://incus.example:8443\",\"tls_client_cert\":\"CERT\","
                    + "\"tls_client_key\":\"SECRET-KEY\",\"connectivity_status\":\"OK\"}')"));
    try {
      Reply urls = trusted.get("/1.0/targets");
      assertThat(urls.metadata().toString()).isEqualTo("[\"/1.0/targets/incus%2001\"]");
      Reply objects = trusted.get("/1.0/targets?recursion=1");
      assertThat(objects.metadata().get(0).path("properties").path("tls_client_cert").asText()).isEqualTo("CERT");
      assertThat(objects.body().toString()).doesNotContain("SECRET-KEY").doesNotContain("tls_client_key");
      Reply one = trusted.get("/1.0/targets/incus%2001");
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.etag()).isNotNull();
      assertThat(one.body().toString()).doesNotContain("SECRET-KEY");
      Reply missing = trusted.get("/1.0/targets/nope");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error()).isEqualTo("Target \"nope\" not found");
    } finally {
      services().jdbi().useHandle(h -> h.execute("DELETE FROM targets"));
    }
  }

  @Test
  void healthChecksCoverDatabaseAndTemporal() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var r =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"mysql\":{\"healthy\":true").contains("\"temporal\":{\"healthy\":true");
  }

  private static String unixRequest(String request) throws IOException {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(DATA_DIR.resolve("unix.socket")))) {
      ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      StringBuilder out = new StringBuilder();
      while (ch.read(buf) > 0) {
        buf.flip();
        out.append(StandardCharsets.UTF_8.decode(buf));
        buf.clear();
      }
      return out.toString();
    }
  }
}
