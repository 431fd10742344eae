package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.tls.Pem;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class VsphereTlsTest {
  private static final String PEM =
      """
      -----BEGIN CERTIFICATE-----
      MIIBjjCCATWgAwIBAgIUYrbZWC5/hbKvl2BpFi8qF0h1LQ8wCgYIKoZIzj0EAwIw
      HDEaMBgGA1UEAwwRZXN4aS50ZXN0LmV4YW1wbGUwIBcNMjYxMTI2MDE1OTIzWhgP
      MjEyNjExMDIwMTU5MjNaMBwxGjAYBgNVBAMMEWVzeGkudGVzdC5leGFtcGxlMFkw
      EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEuIu1y3PwXWL1J80u1n/OS1GFnJHDjj5d
      7tOpFJlq9Nkkj+0/+pDD7hi9oVcZ0uE9NkMmaXb+3aNG3GBZ8crl1aNTMFEwHQYD
      VR0OBBYEFKahf0OYKq1xZVGSNZ5MlXaag+cfMB8GA1UdIwQYMBaAFKahf0OYKq1x
      ZVGSNZ5MlXaag+cfMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIg
      Y5ClxbE8nn8RGQcknYg+7RG+HK+0fSH2PA6YyD2ccpECIChw99L/s6dINhscFQc9
      z+A2maKK7iplWtji2O/oKGxt
      -----END CERTIFICATE-----
      """;
  private static final String FINGERPRINT =
      "ff87f485b6025016e8faf1764158823e5e3f0546a476d86ba4c536baf1b22be7";

  private static X509Certificate certificate() {
    return Pem.readCertificate(PEM.getBytes(StandardCharsets.US_ASCII));
  }

  private static VmwareEndpoint endpoint(byte[] certificate, String fingerprint) {
    return new VmwareEndpoint(
        "https://esxi.test.example",
        certificate,
        fingerprint,
        "root",
        "secret",
        GoDuration.ofMinutes(10),
        GoDuration.ZERO,
        1,
        List.of());
  }

  @Test
  void fingerprintIsTheLowercaseSha256OfTheDer() throws Exception {
    assertThat(Pem.fingerprint(certificate())).isEqualTo(FINGERPRINT);
    assertThat(Pem.readCertificate(certificate().getEncoded())).isEqualTo(certificate());
  }

  @Test
  void confirmedFingerprintsAreComparedWithoutColonsAndCase() {
    String colons = FINGERPRINT.toUpperCase().replaceAll("(..)(?!$)", "$1:");

    assertThat(Pem.canonicalFingerprint(colons)).isEqualTo(FINGERPRINT);
    assertThat(Pem.canonicalFingerprint(null)).isEmpty();
  }

  @Test
  void storedCertificateIsPinnedOnlyWithTheConfirmedFingerprint() throws Exception {
    byte[] der = certificate().getEncoded();

    assertThat(VsphereTls.pinnedFingerprint(endpoint(der, FINGERPRINT.toUpperCase())))
        .isEqualTo(FINGERPRINT);
    assertThat(VsphereTls.pinnedFingerprint(endpoint(der, "00" + FINGERPRINT.substring(2))))
        .isEmpty();
    assertThat(VsphereTls.pinnedFingerprint(endpoint(der, ""))).isEmpty();
    assertThat(VsphereTls.pinnedFingerprint(endpoint(null, FINGERPRINT))).isEmpty();
  }

  @Test
  void pinnedTrustAcceptsExactlyThePinnedCertificate() throws Exception {
    X509Certificate[] chain = {certificate()};

    X509TrustManager pinned = VsphereTls.trustManager(FINGERPRINT);
    pinned.checkServerTrusted(chain, "ECDHE_ECDSA");

    X509TrustManager unpinned = VsphereTls.trustManager("");
    assertThrows(() -> unpinned.checkServerTrusted(chain, "ECDHE_ECDSA"));
    X509TrustManager other = VsphereTls.trustManager("00" + FINGERPRINT.substring(2));
    assertThrows(() -> other.checkServerTrusted(chain, "ECDHE_ECDSA"));
  }

  private static void assertThrows(Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(CertificateException.class, e);
  }
}
