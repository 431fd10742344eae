package io.migrationmanager.server.http;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.ConnectorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The local listener ({@code type: unix}): plain HTTP on a unix socket, by default
 * {@code <dataDir>/run/unix.socket} (or {@code $MIGRATION_MANAGER_SOCKET}). Whoever can open the socket is
 * trusted, as with the original's socket; file permissions (0660) guard it. Requests arriving here carry the
 * {@link #UNIX_ATTRIBUTE} attribute.
 */
@JsonTypeName("unix")
public class UnixSocketConnectorFactory implements ConnectorFactory, DataDirAware {
  /** Request attribute set on every request that came through the unix socket. */
  public static final String UNIX_ATTRIBUTE = "io.migrationmanager.transport.unix";

  @JsonProperty private String path;

  public void setPath(String path) {
    this.path = path;
  }

  @Override
  public void useDataDir(Path dataDir) {
    if (path == null || path.isBlank()) {
      String env = System.getenv("MIGRATION_MANAGER_SOCKET");
      path = env != null && !env.isBlank() ? env : dataDir.resolve("run").resolve("unix.socket").toString();
    }
  }

  public Path path() {
    return Path.of(path);
  }

  @Override
  public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
    Path socket = Path.of(path);
    try {
      Files.createDirectories(socket.getParent());
      // A socket left by a process that died would make the bind fail.
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare unix socket " + socket + ": " + e.getMessage(), e);
    }
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.addCustomizer(
        (Request request, HttpFields.Mutable responseHeaders) -> {
          request.setAttribute(UNIX_ATTRIBUTE, Boolean.TRUE);
          return request;
        });
    UnixDomainServerConnector connector =
        new UnixDomainServerConnector(server, new HttpConnectionFactory(config));
    connector.setUnixDomainPath(socket);
    connector.setName(name);
    connector.addEventListener(
        new org.eclipse.jetty.util.component.LifeCycle.Listener() {
          @Override
          public void lifeCycleStarted(org.eclipse.jetty.util.component.LifeCycle event) {
            try {
              Files.setPosixFilePermissions(
                  socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
            } catch (IOException | UnsupportedOperationException e) {
              // Best effort: the directory's permissions still apply.
            }
          }
        });
    return connector;
  }
}
