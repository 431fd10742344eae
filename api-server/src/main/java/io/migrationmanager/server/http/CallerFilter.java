package io.migrationmanager.server.http;

import io.migrationmanager.api.Response;
import io.migrationmanager.api.ServerInfo;
import io.migrationmanager.tls.Pem;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.security.cert.X509Certificate;

/**
 * Works out who the caller is (spec §4.1): callers on the unix socket are trusted ({@code unix}); HTTPS
 * callers whose client certificate's fingerprint is trusted are {@code tls}; everyone else is
 * {@code untrusted} and may only reach methods marked {@link Untrusted}.
 */
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {
  static final String NOT_TRUSTED = "Client certificate not trusted";

  private final TrustedClients trustedClients;

  @Context private HttpServletRequest servletRequest;
  @Context private ResourceInfo resourceInfo;

  public CallerFilter(TrustedClients trustedClients) {
    this.trustedClients = trustedClients;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = identify();
    request.setProperty(Caller.PROPERTY, caller);
    if (caller.trusted() || allowsUntrusted()) {
      return;
    }
    request.abortWith(
        jakarta.ws.rs.core.Response.status(403)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Response.error(403, NOT_TRUSTED))
            .build());
  }

  private Caller identify() {
    String remote = servletRequest.getRemoteAddr();
    if (Boolean.TRUE.equals(servletRequest.getAttribute(UnixSocketConnectorFactory.UNIX_ATTRIBUTE))) {
      return new Caller(ServerInfo.AUTH_UNIX, "root", "@");
    }
    Object certs = servletRequest.getAttribute("jakarta.servlet.request.X509Certificate");
    if (certs instanceof X509Certificate[] chain && chain.length > 0) {
      X509Certificate leaf = chain[0];
      String fp = Pem.fingerprint(leaf);
      if (isCurrentlyValid(leaf) && trustedClients.isTrusted(fp)) {
        return new Caller(ServerInfo.AUTH_TLS, fp, remote);
      }
    }
    return new Caller(ServerInfo.AUTH_UNTRUSTED, "", remote);
  }

  private static boolean isCurrentlyValid(X509Certificate cert) {
    try {
      cert.checkValidity();
      return true;
    } catch (java.security.cert.CertificateException e) {
      return false;
    }
  }

  private boolean allowsUntrusted() {
    return resourceInfo.getResourceMethod() != null
        && (resourceInfo.getResourceMethod().isAnnotationPresent(Untrusted.class)
            || resourceInfo.getResourceClass().isAnnotationPresent(Untrusted.class));
  }
}
