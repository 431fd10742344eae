package io.migrationmanager.server.service;

import io.migrationmanager.activities.incus.IncusClient;
import io.migrationmanager.activities.incus.IncusConnection;
import io.migrationmanager.activities.incus.IncusConnectivity;
import io.migrationmanager.api.ConnectivityResult;
import io.migrationmanager.api.IncusTargetProperties;
import io.migrationmanager.api.Target;
import io.migrationmanager.domain.error.ConflictException;
import io.migrationmanager.domain.error.NotFoundException;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.domain.source.ConnectivityStatus;
import io.migrationmanager.domain.target.TargetRepository;
import io.migrationmanager.domain.target.TargetRules;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.util.List;

/** Registering, changing and removing Incus targets (spec §2.3). */
public class TargetService {
  private final TargetRepository targets;

  public TargetService(TargetRepository targets) {
    this.targets = targets;
  }

  public List<Target> list() {
    return targets.list();
  }

  public Target get(String name) {
    return targets.find(name).orElseThrow(() -> new NotFoundException("Target \"" + name + "\" not found"));
  }

  public ConnectivityResult create(Target input) {
    if (input == null || input.name() == null) {
      throw new ValidationException("Invalid target, name can not be empty");
    }
    Target t = TargetRules.withDefaults(input);
    TargetRules.validate(t);
    if (targets.find(t.name()).isPresent()) {
      throw new ConflictException("Target \"" + t.name() + "\" already exists");
    }
    Target checked = withConnectivity(t);
    targets.create(checked);
    return result(checked);
  }

  /** Replaces the target (possibly renaming it); an empty client key keeps the stored one. */
  public ConnectivityResult update(String name, Target input) {
    Target old = get(name);
    if (input == null) {
      throw new ValidationException("Request body is empty: expected a target");
    }
    IncusTargetProperties props = input.properties() == null ? old.properties() : input.properties();
    if (props.tlsClientKey().isEmpty()) {
      props = props.withClientKey(old.properties().tlsClientKey());
    }
    String newName = input.name() == null || input.name().isEmpty() ? name : input.name();
    Target t = TargetRules.withDefaults(new Target(newName, old.targetType(), props));
    TargetRules.validate(t);
    if (!newName.equals(name) && targets.find(newName).isPresent()) {
      throw new ConflictException("Target \"" + newName + "\" already exists");
    }
    Target checked = withConnectivity(t);
    targets.update(name, checked);
    return result(checked);
  }

  public void delete(String name) {
    get(name);
    targets.delete(name);
  }

  /** An Incus client for a stored target. */
  public static IncusClient client(Target t) {
    return new IncusClient(connection(t));
  }

  static IncusConnection connection(Target t) {
    IncusTargetProperties p = t.properties();
    return new IncusConnection(
        URI.create(p.endpoint()),
        p.tlsClientCert(),
        p.tlsClientKey(),
        p.trustedServerCertificate(),
        p.trustedServerCertificateFingerprint(),
        p.connectionTimeout().value());
  }

  private Target withConnectivity(Target t) {
    IncusConnectivity c;
    try {
      c = client(t).checkConnectivity();
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Invalid target: " + e.getMessage());
    }
    byte[] cert = t.properties().trustedServerCertificate();
    if (c.serverCertificate() != null) {
      try {
        cert = c.serverCertificate().getEncoded();
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return new Target(t.name(), t.targetType(), t.properties().withConnectivity(c.status(), cert));
  }

  private static ConnectivityResult result(Target t) {
    ConnectivityStatus status = t.properties().connectivityStatus();
    String fp =
        status == ConnectivityStatus.CONFIRM_TLS_FINGERPRINT && t.properties().trustedServerCertificate() != null
            ? io.migrationmanager.tls.Pem.fingerprint(t.properties().trustedServerCertificate())
            : null;
    return new ConnectivityResult(status.text(), fp);
  }
}
