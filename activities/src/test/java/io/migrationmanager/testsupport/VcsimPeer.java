package io.migrationmanager.testsupport;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.tls.Pem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One vcsim launcher process (tests/peers/vcsim) on a free loopback port. The binary comes from
 * {@code MM_TEST_VCSIM_BIN}, else {@code tests/peers/vcsim/vcsim} in the repository; when it is
 * missing the test fails with {@code MM_TEST_REQUIRE_PEERS=1} and is skipped otherwise.
 */
public final class VcsimPeer implements AutoCloseable {
  public static final String USERNAME = "administrator@vsphere.local";
  public static final String PASSWORD = "vcsim-test-secret";

  private final Process process;
  private final Path certificateFile;
  private final Path log;
  public final String sdkUrl;

  private VcsimPeer(Process process, Path certificateFile, Path log, String sdkUrl) {
    this.process = process;
    this.certificateFile = certificateFile;
    this.log = log;
    this.sdkUrl = sdkUrl;
  }

  public static Path binary() {
    String configured = Peers.env("MM_TEST_VCSIM_BIN");
    return configured != null
        ? Path.of(configured)
        : Peers.repoRoot().resolve("tests/peers/vcsim/vcsim");
  }

  private static String missingBinaryReason(Path binary) {
    return "The vcsim launcher "
        + binary
        + " (build it with tests/peers/vcsim/build.sh, or set MM_TEST_VCSIM_BIN)";
  }

  /**
   * Skips a test class, with the reason, when the launcher binary is missing and peers are not required
   * ({@code @ExtendWith(VcsimPeer.Available.class)}); when they are, {@link #start} fails instead.
   */
  public static final class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Path binary = binary();
      if (Files.isExecutable(binary) || Peers.required()) {
        return ConditionEvaluationResult.enabled("vcsim launcher " + binary);
      }
      return ConditionEvaluationResult.disabled(missingBinaryReason(binary) + " is not available");
    }
  }

  /** Starts the launcher with extra arguments, e.g. {@code -esx} or {@code -fixture scale:100}. */
  public static VcsimPeer start(Duration startupTimeout, String... args) throws IOException {
    Path binary = binary();
    if (!Files.isExecutable(binary)) {
      Peers.missing(
          "The vcsim launcher "
              + binary
              + " (build it with tests/peers/vcsim/build.sh, or set MM_TEST_VCSIM_BIN)");
    }
    Path certificate = Files.createTempFile("vcsim-", ".crt");
    Path log = Files.createTempFile("vcsim-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "-l",
                "127.0.0.1:0",
                "-username",
                USERNAME,
                "-password",
                PASSWORD,
                "-cert-out",
                certificate.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url;
    try {
      url =
          CompletableFuture.supplyAsync(() -> readLine(stdout))
              .get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("Interrupted while starting vcsim", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(
          "vcsim did not start within " + startupTimeout + ": " + Files.readString(log), e);
    }
    if (url == null || !url.startsWith("https://")) {
      process.destroyForcibly();
      throw new IOException("vcsim printed no SDK URL: " + Files.readString(log));
    }
    return new VcsimPeer(process, certificate, log, url);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  public X509Certificate certificate() throws IOException {
    return Pem.readCertificate(Files.readAllBytes(certificateFile));
  }

  /** An endpoint with the peer's credentials that trusts nothing but the JVM's roots. */
  public VmwareEndpoint untrustedEndpoint() {
    return endpoint(sdkUrl, null, "", PASSWORD, List.of());
  }

  /** An endpoint that pins the peer's certificate, as after the user confirmed its fingerprint. */
  public VmwareEndpoint trustedEndpoint(List<String> datacenters) throws IOException {
    X509Certificate certificate = certificate();
    return endpoint(
        sdkUrl, der(certificate), Pem.fingerprint(certificate), PASSWORD, datacenters);
  }

  public static byte[] der(X509Certificate certificate) throws IOException {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IOException(e);
    }
  }

  public VmwareEndpoint trustedEndpoint() throws IOException {
    return trustedEndpoint(List.of());
  }

  public static VmwareEndpoint endpoint(
      String url,
      byte[] certificate,
      String fingerprint,
      String password,
      List<String> datacenters) {
    return new VmwareEndpoint(
        url,
        certificate,
        fingerprint,
        USERNAME,
        password,
        GoDuration.ofMinutes(2),
        GoDuration.of(Duration.ofSeconds(10)),
        2,
        datacenters);
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    Files.deleteIfExists(certificateFile);
    Files.deleteIfExists(log);
  }
}
