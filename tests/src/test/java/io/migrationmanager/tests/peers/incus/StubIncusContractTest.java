package io.migrationmanager.tests.peers.incus;

import io.migrationmanager.activities.incus.IncusConnection;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Incus contract against {@link IncusStub} with the real peer's fixtures. Always runs. */
class StubIncusContractTest extends IncusContractTest {
  private static final TestIdentity CLIENT = TestIdentity.generate("mm-tests");
  private static IncusStub stub;

  @BeforeAll
  static void startStub() {
    stub = IncusStub.builder().withTestFixtures().trust(CLIENT.certificate()).start();
    stub.setExecHandler(StubIncusContractTest::shell);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  /** What busybox' {@code sh -c "exit N"} would return; every other command succeeds. */
  static int shell(StubExec exec) {
    List<String> c = exec.command();
    if (c.size() == 3 && c.get(0).endsWith("sh") && c.get(1).equals("-c") && c.get(2).matches("exit \\d+")) {
      return Integer.parseInt(c.get(2).substring(5));
    }
    return 0;
  }

  @Override
  protected IncusConnection trustedConnection() {
    return stub.connection(CLIENT);
  }

  @Override
  protected X509Certificate serverCertificate() {
    return stub.serverCertificate();
  }

  @Override
  protected String bridge1Ipv4() {
    return "198.51.100.1/24";
  }

  @Override
  protected String image() {
    return "mm-busybox";
  }
}
