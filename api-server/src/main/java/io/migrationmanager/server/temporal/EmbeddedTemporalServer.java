package io.migrationmanager.server.temporal;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's own Java test server, bound to the loopback interface only, as the embedded default when no
 * Temporal cluster is configured. Its history is in memory: a restart loses every workflow, which the
 * service re-creates from MySQL ({@link WorkflowReconciler}).
 *
 * <p>The SDK's {@code TestServer.createPortBoundServer} binds every interface; this class wires the same
 * test services ({@code temporal-test-server} internals, pinned by the BOM version) to 127.0.0.1.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server grpc;

  private EmbeddedTemporalServer(TestServicesStarter services, Server grpc) {
    this.services = services;
    this.grpc = grpc;
  }

  /** Starts the server on {@code 127.0.0.1:port} (0 = any free port). */
  public static EmbeddedTemporalServer start(int port) throws IOException {
    // Time skipping locked: the service runs in real time (timers must not jump ahead).
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new EmbeddedTemporalServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new IOException(
          "Cannot start the embedded Temporal server on 127.0.0.1:" + port + " (" + e.getMessage()
              + "); free the port, set temporal.embeddedPort, or set temporal.target to a running Temporal server",
          e);
    }
  }

  /** The bound port. */
  public int port() {
    return grpc.getPort();
  }

  public String target() {
    return "127.0.0.1:" + port();
  }

  @Override
  public void close() {
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
