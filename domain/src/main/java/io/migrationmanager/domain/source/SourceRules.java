package io.migrationmanager.domain.source;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.Source;
import io.migrationmanager.api.VmwareSourceProperties;
import io.migrationmanager.domain.Names;
import io.migrationmanager.domain.error.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Defaults and validation of sources (spec §2.2). */
public final class SourceRules {
  public static final GoDuration DEFAULT_CONNECTION_TIMEOUT = GoDuration.ofMinutes(10);
  public static final GoDuration DEFAULT_SYNC_TIMEOUT = GoDuration.of(Duration.ofSeconds(10));
  public static final String ALL_DATACENTERS = "/...";

  private SourceRules() {}

  /** The source with every unset property at its default and datacenter paths normalised. */
  public static Source withDefaults(Source s) {
    VmwareSourceProperties p = s.properties() == null ? emptyProperties() : s.properties();
    return new Source(
        s.name(),
        s.sourceType() == null || s.sourceType().isEmpty() ? Source.TYPE_VMWARE : s.sourceType(),
        new VmwareSourceProperties(
            normaliseEndpoint(p.endpoint()),
            p.trustedServerCertificate(),
            p.trustedServerCertificateFingerprint(),
            p.username(),
            p.password(),
            p.connectivityStatus(),
            p.importLimit(),
            p.connectionTimeout().isZero() ? DEFAULT_CONNECTION_TIMEOUT : p.connectionTimeout(),
            p.syncTimeout().isZero() ? DEFAULT_SYNC_TIMEOUT : p.syncTimeout(),
            p.syncLimit() == 0 ? 1 : p.syncLimit(),
            normaliseDatacenters(p.datacenters()),
            p.syncInterval()),
        s.syncing());
  }

  private static VmwareSourceProperties emptyProperties() {
    return new VmwareSourceProperties(null, null, null, null, null, null, 0, null, null, 0, null, null);
  }

  /** A bare host or IP becomes {@code https://host}; a trailing slash goes. */
  public static String normaliseEndpoint(String endpoint) {
    String e = endpoint == null ? "" : endpoint.trim();
    if (!e.isEmpty() && !e.contains("://")) {
      e = "https://" + e;
    }
    while (e.endsWith("/")) {
      e = e.substring(0, e.length() - 1);
    }
    return e;
  }

  /** Each path becomes a clean absolute inventory pattern ending in {@code /...}; none means all. */
  public static List<String> normaliseDatacenters(List<String> datacenters) {
    List<String> out = new ArrayList<>();
    for (String d : datacenters) {
      if (d == null || d.isBlank()) {
        throw new ValidationException("Invalid source, datacenter paths cannot be empty");
      }
      String p = d.trim();
      if (!p.endsWith("/...")) {
        p = p + "/...";
      }
      String clean = Path.of("/" + p).normalize().toString();
      out.add(clean);
    }
    return out.isEmpty() ? List.of(ALL_DATACENTERS) : List.copyOf(out);
  }

  /** Throws {@link ValidationException} naming the first problem. */
  public static void validate(Source s) {
    Names.requireApiName("source", s.name());
    if (!Source.TYPE_VMWARE.equals(s.sourceType())) {
      throw new ValidationException("Invalid source type \"" + s.sourceType() + "\": only \"vmware\" is supported");
    }
    VmwareSourceProperties p = s.properties();
    if (p.endpoint().isEmpty()) {
      throw new ValidationException("Invalid source, endpoint can not be empty");
    }
    try {
      URI uri = new URI(p.endpoint());
      if (uri.getHost() == null || !"https".equals(uri.getScheme())) {
        throw new ValidationException("Invalid source endpoint \"" + p.endpoint() + "\": expected https://host[:port]");
      }
    } catch (URISyntaxException e) {
      throw new ValidationException("Invalid source endpoint \"" + p.endpoint() + "\": " + e.getMessage());
    }
    if (p.username().isEmpty()) {
      throw new ValidationException("Invalid source, username can not be empty for source type VMware");
    }
    if (p.password().isEmpty()) {
      throw new ValidationException("Invalid source, password can not be empty for source type VMware");
    }
    if (p.importLimit() < 0) {
      throw new ValidationException("Invalid source, import limit " + p.importLimit() + " cannot be negative");
    }
    if (p.connectionTimeout().isZero()) {
      throw new ValidationException("Invalid source, connection timeout must be greater than 0");
    }
    if (p.syncTimeout().isZero()) {
      throw new ValidationException("Invalid source, sync timeout must be greater than 0");
    }
    if (p.syncLimit() < 1) {
      throw new ValidationException("Invalid source, sync limit " + p.syncLimit() + " must be at least 1");
    }
    String fp = p.trustedServerCertificateFingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT);
    if (!fp.isEmpty() && !fp.matches("^[0-9a-f]{64}$")) {
      throw new ValidationException(
          "Invalid source, trusted server certificate fingerprint \"" + p.trustedServerCertificateFingerprint()
              + "\" is not a SHA-256 fingerprint (64 hexadecimal digits)");
    }
  }

  /** How to reach the source. */
  public static VmwareEndpoint endpoint(Source s) {
    VmwareSourceProperties p = s.properties();
    return new VmwareEndpoint(
        p.endpoint(),
        p.trustedServerCertificate(),
        p.trustedServerCertificateFingerprint(),
        p.username(),
        p.password(),
        p.connectionTimeout(),
        p.syncTimeout(),
        p.syncLimit(),
        p.datacenters());
  }
}
