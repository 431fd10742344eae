package io.migrationmanager.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the test peers (MariaDB, vcsim, Incus, a Temporal dev server) that {@code tests/run-all} starts and
 * describes through environment variables. A missing peer fails the test when {@code MM_TEST_REQUIRE_PEERS=1}
 * (as in CI), and skips it with the reason otherwise.
 */
public final class Peers {
  private Peers() {}

  /** The repository's root directory (the one holding the parent pom). */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("scripts/local-mariadb.sh"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  public static boolean required() {
    return "1".equals(System.getenv("MM_TEST_REQUIRE_PEERS"));
  }

  /** Fails (CI) or skips (local) because {@code what} is not available. */
  public static void missing(String what) {
    String message = what + " is not available; run tests/run-all, which starts the test peers";
    if (required()) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }
}
