package io.migrationmanager.tests.peers.incus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The stub's background operations: each runs its action after the configured delay on a scheduler thread,
 * ends as {@code Success} (200) or {@code Failure} (400, with the error's status kept for {@code /wait}), and
 * is forgotten after the retention time (Incus keeps finished operations about 5 s).
 */
final class StubOperations implements AutoCloseable {
  /** The work of an operation; returns the operation metadata or throws {@link StubError}. */
  @FunctionalInterface
  interface Action {
    Map<String, Object> run();
  }

  /** One operation. */
  static final class Op {
    final String id = UUID.randomUUID().toString();
    final String description;
    final Map<String, List<String>> resources;
    final String location;
    final Instant createdAt = Instant.now();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile Instant updatedAt = createdAt;
    volatile String status = "Running";
    volatile int statusCode = 103;
    volatile String err = "";
    volatile int errorCode;
    volatile Map<String, Object> metadata;

    Op(String description, Map<String, List<String>> resources, String location) {
      this.description = description;
      this.resources = resources;
      this.location = location;
    }

    boolean failed() {
      return statusCode == 400;
    }
  }

  private record Fault(Pattern description, int status, String message) {}

  private final ObjectMapper mapper;
  private final Map<String, Op> operations = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "incus-stub-operations");
            t.setDaemon(true);
            return t;
          });
  private volatile Duration delay = Duration.ofMillis(20);
  private volatile Duration retention = Duration.ofSeconds(5);

  StubOperations(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void setDelay(Duration delay) {
    this.delay = delay;
  }

  void setRetention(Duration retention) {
    this.retention = retention;
  }

  void failNext(String descriptionRegex, int status, String message) {
    synchronized (faults) {
      faults.add(new Fault(Pattern.compile(descriptionRegex), status, message));
    }
  }

  void clearFaults() {
    synchronized (faults) {
      faults.clear();
    }
  }

  private Fault takeFault(String description) {
    synchronized (faults) {
      for (Fault f : faults) {
        if (f.description().matcher(description).find()) {
          faults.remove(f);
          return f;
        }
      }
      return null;
    }
  }

  /** Registers an operation and schedules its action. */
  Op start(
      String description, Map<String, List<String>> resources, String location, Action action) {
    Op op = new Op(description, resources, location);
    synchronized (operations) {
      operations.put(op.id, op);
    }
    scheduler.schedule(() -> run(op, action), delay.toMillis(), TimeUnit.MILLISECONDS);
    return op;
  }

  private void run(Op op, Action action) {
    try {
      Fault fault = takeFault(op.description);
      if (fault != null) {
        throw new StubError(fault.status(), fault.message());
      }
      op.metadata = action.run();
      op.status = "Success";
      op.statusCode = 200;
    } catch (StubError e) {
      fail(op, e.status(), e.getMessage());
    } catch (RuntimeException e) {
      fail(op, 500, String.valueOf(e.getMessage()));
    } finally {
      op.updatedAt = Instant.now();
      op.done.complete(null);
      scheduler.schedule(
          () -> {
            synchronized (operations) {
              operations.remove(op.id);
            }
          },
          retention.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private static void fail(Op op, int status, String message) {
    op.status = "Failure";
    op.statusCode = 400;
    op.err = message;
    op.errorCode = status;
  }

  Optional<Op> get(String id) {
    synchronized (operations) {
      return Optional.ofNullable(operations.get(id));
    }
  }

  /** Waits up to {@code seconds} (negative: without limit) for the operation to finish. */
  void await(Op op, long seconds) throws InterruptedException {
    try {
      if (seconds < 0) {
        op.done.get();
      } else {
        op.done.get(seconds, TimeUnit.SECONDS);
      }
    } catch (TimeoutException e) {
      // Still running: the caller reports the current state, as Incus does.
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /1.0/operations}: operation URLs by lower-case status; empty statuses are left out. */
  Map<String, List<String>> urlsByStatus() {
    Map<String, List<String>> byStatus = new LinkedHashMap<>();
    synchronized (operations) {
      for (Op op : operations.values()) {
        byStatus
            .computeIfAbsent(op.status.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add("/1.0/operations/" + op.id);
      }
    }
    return byStatus;
  }

  ObjectNode json(Op op) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", op.id);
    o.put("class", "task");
    o.put("description", op.description);
    o.put("created_at", op.createdAt.toString());
    o.put("updated_at", op.updatedAt.toString());
    o.put("status", op.status);
    o.put("status_code", op.statusCode);
    o.set("resources", mapper.valueToTree(op.resources));
    o.set("metadata", mapper.valueToTree(op.metadata));
    o.put("may_cancel", false);
    o.put("err", op.err);
    o.put("location", op.location);
    return o;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
