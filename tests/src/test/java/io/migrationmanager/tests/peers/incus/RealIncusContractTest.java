package io.migrationmanager.tests.peers.incus;

import io.migrationmanager.activities.incus.IncusConnection;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Tag;

/**
 * The Incus contract against the real Incus test peer ({@code tests/peers/incus/start.sh}). Each test is
 * skipped, with the reason, without {@code MM_TEST_INCUS_URL}; it fails instead when {@code
 * MM_TEST_REQUIRE_PEERS=1}.
 */
@Tag("incus")
class RealIncusContractTest extends IncusContractTest {
  private static IncusPeerEnvironment peer;

  /** The peer, read from the environment on first use (per test, so that a skip names its reason). */
  private static synchronized IncusPeerEnvironment peer() {
    if (peer == null) {
      peer = IncusPeerEnvironment.require();
    }
    return peer;
  }

  @Override
  protected IncusConnection trustedConnection() {
    return peer().connection();
  }

  @Override
  protected X509Certificate serverCertificate() {
    return peer().serverCertificate();
  }

  @Override
  protected String bridge1Ipv4() {
    return peer().bridge1Ipv4();
  }

  @Override
  protected String image() {
    return peer().image();
  }
}
