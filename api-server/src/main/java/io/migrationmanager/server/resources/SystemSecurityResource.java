package io.migrationmanager.server.resources;

import io.migrationmanager.activities.mysql.MysqlSystemConfig;
import io.migrationmanager.api.SystemSecurity;
import io.migrationmanager.domain.error.ValidationException;
import io.migrationmanager.server.http.Etags;
import io.migrationmanager.tls.Pem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET|PUT /1.0/system/security}: the trusted client certificate fingerprints kept in the database (the
 * configuration file may trust more; those are not listed here).
 */
@Path("/1.0/system/security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemSecurityResource {
  private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");

  private final MysqlSystemConfig systemConfig;
  private final Runnable onChange;

  /** @param onChange told after the list changed (drops cached trust decisions) */
  public SystemSecurityResource(MysqlSystemConfig systemConfig, Runnable onChange) {
    this.systemConfig = systemConfig;
    this.onChange = onChange;
  }

  private SystemSecurity current() {
    return new SystemSecurity(systemConfig.trustedFingerprints());
  }

  @GET
  public Response get() {
    SystemSecurity s = current();
    return Response.ok(s).tag(new EntityTag(Etags.of(s))).build();
  }

  @PUT
  public SystemSecurity put(@HeaderParam("If-Match") String ifMatch, SystemSecurity body) {
    if (body == null) {
      throw new ValidationException("Request body is empty: expected a system security object");
    }
    Etags.checkIfMatch(ifMatch, current());
    LinkedHashSet<String> fingerprints = new LinkedHashSet<>();
    for (String fp : body.trustedTlsClientCertFingerprints()) {
      String canonical = Pem.canonicalFingerprint(fp);
      if (!FINGERPRINT.matcher(canonical).matches()) {
        throw new ValidationException(
            "Invalid value for field \"trusted_tls_client_cert_fingerprints\": \"" + fp
                + "\" is not a SHA-256 fingerprint (64 hexadecimal digits)");
      }
      fingerprints.add(canonical);
    }
    systemConfig.setTrustedFingerprints(List.copyOf(fingerprints));
    onChange.run();
    return current();
  }
}
