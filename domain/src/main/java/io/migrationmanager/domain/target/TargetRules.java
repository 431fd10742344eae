package io.migrationmanager.domain.target;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.IncusTargetProperties;
import io.migrationmanager.api.Target;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.source.SourceRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Defaults and validation of targets (spec §2.3). */
public final class TargetRules {
  public static final GoDuration DEFAULT_CONNECTION_TIMEOUT = GoDuration.ofMinutes(5);

  private TargetRules() {}

  public static Target withDefaults(Target t) {
    IncusTargetProperties p =
        t.properties() == null
            ? new IncusTargetProperties(null, null, null, null, null, null, 0, 0, null)
            : t.properties();
    return new Target(
        t.name(),
        t.targetType() == null || t.targetType().isEmpty() ? Target.TYPE_INCUS : t.targetType(),
        new IncusTargetProperties(
            SourceRules.normaliseEndpoint(p.endpoint()),
            p.trustedServerCertificate(),
            p.trustedServerCertificateFingerprint(),
            p.tlsClientKey(),
            p.tlsClientCert(),
            p.connectivityStatus(),
            p.importLimit(),
            p.createLimit(),
            p.connectionTimeout().isZero() ? DEFAULT_CONNECTION_TIMEOUT : p.connectionTimeout()));
  }

  public static void validate(Target t) {
    Names.requireApiName("target", t.name());
    if (!Target.TYPE_INCUS.equals(t.targetType())) {
      throw new ValidationException("Invalid target type \"" + t.targetType() + "\": only \"incus\" is supported");
    }
    IncusTargetProperties p = t.properties();
    if (p.endpoint().isEmpty()) {
      throw new ValidationException("Invalid target, endpoint can not be empty");
    }
    try {
      URI uri = new URI(p.endpoint());
      if (uri.getHost() == null || !"https".equals(uri.getScheme())) {
        throw new ValidationException("Invalid target endpoint \"" + p.endpoint() + "\": expected https://host[:port]");
      }
    } catch (URISyntaxException e) {
      throw new ValidationException("Invalid target endpoint \"" + p.endpoint() + "\": " + e.getMessage());
    }
    if (p.tlsClientCert().isEmpty() || p.tlsClientKey().isEmpty()) {
      throw new ValidationException(
          "Invalid target, a TLS client certificate and key are required (OIDC authentication is not supported)");
    }
    if (p.importLimit() < 0) {
      throw new ValidationException("Invalid target, import limit " + p.importLimit() + " cannot be negative");
    }
    if (p.createLimit() < 0) {
      throw new ValidationException("Invalid target, create limit " + p.createLimit() + " cannot be negative");
    }
    String fp = p.trustedServerCertificateFingerprint().replace(":", "").toLowerCase(Locale.ROOT);
    if (!fp.isEmpty() && !fp.matches("^[0-9a-f]{64}$")) {
      throw new ValidationException(
          "Invalid target, trusted server certificate fingerprint \"" + p.trustedServerCertificateFingerprint()
              + "\" is not a SHA-256 fingerprint (64 hexadecimal digits)");
    }
  }
}
