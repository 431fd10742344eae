package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.NotAuthenticated;
import io.migrationmanager.domain.source.ConnectivityStatus;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Maps failures of vSphere calls to connectivity statuses and readable messages (spec §2.1). */
final class VsphereErrors {
  private VsphereErrors() {}

  /**
   * {@code Authentication error} for a rejected login, {@code Cannot connect} for DNS, refused and
   * timed-out connections, {@code TLS error} for a failed handshake, else {@code Unknown}.
   */
  static ConnectivityStatus status(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidLogin
          || t instanceof NotAuthenticated
          || String.valueOf(t.getMessage()).contains("Cannot complete login")) {
        return ConnectivityStatus.AUTHENTICATION_ERROR;
      }
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        return ConnectivityStatus.CANNOT_CONNECT;
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return ConnectivityStatus.TLS_ERROR;
      }
    }
    return ConnectivityStatus.UNKNOWN;
  }

  /** A one-line description: the innermost useful message with its type. */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof InvalidLogin) {
      return "Cannot complete login due to an incorrect user name or password";
    }
    String message = root.getMessage();
    String type = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  /** The message of a fault the server reported inside a result: its text, else its type. */
  static String faultMessage(LocalizedMethodFault fault) {
    if (fault == null) {
      return "unavailable";
    }
    if (fault.getLocalizedMessage() != null && !fault.getLocalizedMessage().isEmpty()) {
      return fault.getLocalizedMessage();
    }
    return fault.getFault() == null ? "unavailable" : fault.getFault().getClass().getSimpleName();
  }
}
