package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.AboutInfo;
import com.vmware.vim25.mo.ServerConnection;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.ws.ClientCreator;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.rmi.RemoteException;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A logged-in yavijava session with a vCenter or ESXi host. */
final class VsphereConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VsphereConnection.class);

  static {
    // yavijava creates its SOAP clients reflectively from this class; ours keeps TLS trust per
    // connection.
    ClientCreator.clientClass = VsphereSoapClient.class;
    YavijavaLogging.quietSoapFaults();
  }

  private final URI endpoint;
  private final X509TrustManager trust;
  private final ServiceInstance serviceInstance;
  private final AboutInfo about;

  private VsphereConnection(URI endpoint, X509TrustManager trust, ServiceInstance serviceInstance) {
    this.endpoint = endpoint;
    this.trust = trust;
    this.serviceInstance = serviceInstance;
    this.about = serviceInstance.getAboutInfo();
  }

  /**
   * Logs in.
   *
   * @param endpoint the source's endpoint; {@code /sdk} is appended when it has no path
   * @param connectTimeout TCP connect timeout of each call
   * @param readTimeout how long one call may wait for its answer
   */
  static VsphereConnection open(
      URI endpoint,
      String username,
      String password,
      X509TrustManager trust,
      Duration connectTimeout,
      Duration readTimeout)
      throws RemoteException, MalformedURLException {
    ServiceInstance si =
        new ServiceInstance(
            sdkUrl(endpoint),
            username,
            password,
            trust,
            millis(connectTimeout),
            millis(readTimeout));
    return new VsphereConnection(endpoint, trust, si);
  }

  static URL sdkUrl(URI endpoint) throws MalformedURLException {
    String path = endpoint.getRawPath();
    URI sdk =
        path == null || path.isEmpty() || path.equals("/") ? endpoint.resolve("/sdk") : endpoint;
    return sdk.toURL();
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  ServiceInstance serviceInstance() {
    return serviceInstance;
  }

  ServerConnection serverConnection() {
    return serviceInstance.getServerConnection();
  }

  URI endpoint() {
    return endpoint;
  }

  X509TrustManager trust() {
    return trust;
  }

  /** A standalone ESXi host rather than a vCenter. */
  boolean isEsxi() {
    return "HostAgent".equals(about.getApiType());
  }

  /** Whether the server's API version is at least {@code major.minor}. */
  boolean apiAtLeast(int major, int minor) {
    return atLeast(about.getApiVersion(), major, minor);
  }

  /** Whether an API version such as {@code 8.0.3.0} is at least {@code major.minor}. */
  static boolean atLeast(String apiVersion, int major, int minor) {
    String[] parts = String.valueOf(apiVersion).split("\\.");
    try {
      int serverMajor = Integer.parseInt(parts[0]);
      int serverMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return serverMajor > major || (serverMajor == major && serverMinor >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      serverConnection().logout();
    } catch (RuntimeException e) {
      LOG.debug("Logout from {} failed: {}", endpoint, e.toString());
    }
  }
}
