package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.ws.SoapAction;
import com.vmware.vim25.ws.WSClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.rmi.RemoteException;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * yavijava's SOAP client with per-connection TLS trust. yavijava builds the SSL context for a
 * caller's trust manager once per JVM ({@code CustomSSLTrustContextCreator} caches the first one)
 * and always applies the JDK's host-name check, so two sources with different pinned certificates
 * could not coexist. This client makes its own socket factory from its trust manager and, for a
 * pinned certificate, skips the host-name check.
 *
 * <p>yavijava instantiates it through {@code ClientCreator.clientClass}, which {@link
 * VsphereConnection} sets; the public constructors are for that reflective call. Without a trust
 * manager it behaves as {@link WSClient}.
 */
public final class VsphereSoapClient extends WSClient {
  private final SSLSocketFactory socketFactory;
  private final HostnameVerifier hostnameVerifier;

  /** A client with yavijava's own trust handling ({@code ignoreCert} or the JVM defaults). */
  public VsphereSoapClient(String serverUrl, boolean ignoreCert)
      throws MalformedURLException, RemoteException {
    super(serverUrl, ignoreCert);
    this.socketFactory = null;
    this.hostnameVerifier = null;
  }

  /** A client that trusts what {@code trustManager} trusts. */
  public VsphereSoapClient(String serverUrl, boolean ignoreCert, TrustManager trustManager)
      throws MalformedURLException, RemoteException {
    super(serverUrl, ignoreCert, trustManager);
    if (ignoreCert || trustManager == null) {
      this.socketFactory = null;
      this.hostnameVerifier = null;
    } else {
      this.socketFactory = VsphereTls.socketFactory(trustManager);
      this.hostnameVerifier = VsphereTls.hostnameVerifier(trustManager);
    }
  }

  /** A fresh socket factory per client instead of yavijava's JVM-wide cached one. */
  @Override
  protected SSLSocketFactory getCustomTrustManagerSocketFactory(TrustManager trustManager) {
    return VsphereTls.socketFactory(trustManager);
  }

  @Override
  protected InputStream post(String soapMessage) throws IOException {
    if (socketFactory == null) {
      return super.post(soapMessage);
    }
    HttpURLConnection connection = (HttpURLConnection) baseUrl.openConnection();
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(socketFactory);
      https.setHostnameVerifier(hostnameVerifier);
    }
    if (connectTimeout > 0) {
      connection.setConnectTimeout(connectTimeout);
    }
    if (readTimeout > 0) {
      connection.setReadTimeout(readTimeout);
    }
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setDoInput(true);
    connection.setRequestProperty(
        SoapAction.SOAP_ACTION_HEADER.toString(), soapAction == null ? "" : soapAction);
    connection.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
    if (cookie != null) {
      connection.setRequestProperty("Cookie", cookie);
    }
    try (OutputStreamWriter out = createOutputStreamWriter(connection.getOutputStream())) {
      out.write(soapMessage);
    }
    InputStream in = getInputStreamFromConnection(connection);
    if (cookie == null) {
      cookie = connection.getHeaderField("Set-Cookie");
    }
    return in;
  }
}
