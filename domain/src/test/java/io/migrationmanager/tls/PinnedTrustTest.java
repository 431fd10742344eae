package io.migrationmanager.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class PinnedTrustTest {
  private static final SelfSigned.Identity PINNED = PemTest.identity("pinned");
  private static final SelfSigned.Identity OTHER = PemTest.identity("other");
  private static final String AUTH = "ECDHE_ECDSA";

  private static X509Certificate[] chain(SelfSigned.Identity identity) {
    return new X509Certificate[] {identity.certificate()};
  }

  private static String colonsAndCapitals(String fingerprint) {
    return fingerprint.toUpperCase().replaceAll("(..)(?!$)", "$1:");
  }

  @Test
  void theStoredCertificateIsTheAnchorOnlyWithTheConfirmedFingerprint() throws Exception {
    byte[] der = PINNED.certificate().getEncoded();
    byte[] pem = Pem.encodeCertificate(PINNED.certificate()).getBytes(StandardCharsets.US_ASCII);
    String fingerprint = Pem.fingerprint(PINNED.certificate());

    assertThat(PinnedTrust.anchor(der, fingerprint)).isEqualTo(PINNED.certificate());
    assertThat(PinnedTrust.anchor(pem, colonsAndCapitals(fingerprint))).isEqualTo(PINNED.certificate());
    assertThat(PinnedTrust.anchor(der, Pem.fingerprint(OTHER.certificate()))).isNull();
    assertThat(PinnedTrust.anchor(der, "")).isNull();
    assertThat(PinnedTrust.anchor(der, null)).isNull();
    assertThat(PinnedTrust.anchor(null, fingerprint)).isNull();
    assertThat(PinnedTrust.anchor(new byte[0], fingerprint)).isNull();
    assertThatThrownBy(() -> PinnedTrust.anchor(new byte[] {1}, fingerprint))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exactlyTrustsThePinnedCertificateAndNothingElse() {
    PinnedTrust trust = PinnedTrust.exactly(PINNED.certificate());

    assertThatCode(() -> trust.checkServerTrusted(chain(PINNED), AUTH)).doesNotThrowAnyException();
    assertThatThrownBy(() -> trust.checkServerTrusted(chain(OTHER), AUTH))
        .isInstanceOf(CertificateException.class)
        .hasMessage(
            "The server certificate (SHA-256 "
                + Pem.fingerprint(OTHER.certificate())
                + ") is not the trusted certificate (SHA-256 "
                + Pem.fingerprint(PINNED.certificate())
                + ")");
    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], AUTH))
        .isInstanceOf(CertificateException.class)
        .hasMessage("The server presented no certificate");
    assertThatThrownBy(() -> trust.checkClientTrusted(chain(PINNED), AUTH))
        .isInstanceOf(CertificateException.class);
    assertThat(trust.getAcceptedIssuers()).isEmpty();
    assertThat(trust.fingerprint()).isEqualTo(Pem.fingerprint(PINNED.certificate()));
  }

  @Test
  void orSystemRootsAddsThePinToTheJvmsRoots() {
    X509TrustManager pinned = PinnedTrust.orSystemRoots(colonsAndCapitals(Pem.fingerprint(PINNED.certificate())));
    X509TrustManager unpinned = PinnedTrust.orSystemRoots("");

    assertThatCode(() -> pinned.checkServerTrusted(chain(PINNED), AUTH)).doesNotThrowAnyException();
    assertThatThrownBy(() -> pinned.checkServerTrusted(chain(OTHER), AUTH)).isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> unpinned.checkServerTrusted(chain(PINNED), AUTH))
        .isInstanceOf(CertificateException.class);
    assertThat(pinned.getAcceptedIssuers()).isNotEmpty();
  }

  @Test
  void withoutAPinTheJvmsRootsDecide() {
    X509TrustManager trust = PinnedTrust.pinnedOrSystemRoots(null);

    assertThat(trust).isNotInstanceOf(PinnedTrust.class);
    assertThatThrownBy(() -> trust.checkServerTrusted(chain(PINNED), AUTH)).isInstanceOf(CertificateException.class);
    assertThat(PinnedTrust.pinnedOrSystemRoots(PINNED.certificate())).isInstanceOf(PinnedTrust.class);
  }

  @Test
  void acceptAnyAcceptsServersAndClients() {
    X509TrustManager trust = PinnedTrust.acceptAny();

    assertThatCode(
            () -> {
              trust.checkServerTrusted(chain(OTHER), AUTH);
              trust.checkClientTrusted(chain(OTHER), AUTH);
            })
        .doesNotThrowAnyException();
    assertThat(trust.getAcceptedIssuers()).isEmpty();
  }
}
