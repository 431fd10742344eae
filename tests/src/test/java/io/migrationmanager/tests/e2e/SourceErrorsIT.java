package io.migrationmanager.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner;
import io.migrationmanager.cli.CliRunner.Result;
import io.migrationmanager.testsupport.VcsimPeer;
import io.migrationmanager.tests.support.ServiceUnderTest;
import io.migrationmanager.tls.Pem;
import io.migrationmanager.workflows.sync.SourceSyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources that cannot be used, through the CLI: a wrong password, a closed port, invalid names, syncing a source
 * that is not reachable; and what renaming and removing a source do to its instances, networks, warnings and
 * sync workflow.
 */
@ExtendWith(VcsimPeer.Available.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceErrorsIT {
  static VcsimPeer vcenter;
  static ServiceUnderTest service;
  static CliRunner cli;
  static String fingerprint;

  @BeforeAll
  static void start() throws Exception {
    vcenter = VcsimPeer.start(Duration.ofSeconds(60));
    fingerprint = Pem.fingerprint(vcenter.certificate());
    service = new ServiceUnderTest().start();
    cli = service.cli();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (vcenter != null) {
      vcenter.close();
    }
  }

  static Result addSource(String name, String endpoint, String password, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "source", "add", name, endpoint, "--username", VcsimPeer.USERNAME, "--password-stdin",
                "--import-limit", "50", "--connection-timeout", "10m", "--sync-timeout", "10s", "--datacenters", ""));
    args.addAll(Arrays.asList(extra));
    return cli.runWithInput(password + "\n", args.toArray(String[]::new));
  }

  static String endpoint() {
    return vcenter.sdkUrl.replaceAll("/sdk$", "");
  }

  static List<String> csv(String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(List.of("-f", "csv"));
    Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    return r.out().lines().toList();
  }

  static WorkflowExecutionStatus workflowStatus(String source) {
    WorkflowClient client = service.services().temporal().client();
    return service
        .services()
        .temporal()
        .stubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(SourceSyncWorkflow.workflowId(source)))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }

  static void awaitWorkflowEnded(String source) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (workflowStatus(source) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      assertThat(System.nanoTime()).as("workflow of %s still running", source).isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(workflowStatus(source)).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  @Order(1)
  void aWrongPasswordIsAnAuthenticationErrorAndTheSourceCannotSync() {
    Result r = addSource("wrongpw", endpoint(), "not-the-password", "--trusted-cert-fingerprint", fingerprint);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "Successfully added new source \"wrongpw\", but connectivity check reported an issue: Authentication "
                + "error. Please update the source to correct the issue.\n");
    assertThat(csv("source", "list"))
        .containsExactly(
            "wrongpw,vmware," + endpoint() + ",Authentication error,false," + VcsimPeer.USERNAME + "," + fingerprint);
    assertThat(csv("instance", "list")).isEmpty();

    Result sync = cli.run("source", "sync", "wrongpw");
    assertThat(sync.exitCode()).isEqualTo(1);
    assertThat(sync.err().trim())
        .isEqualTo("Cannot sync source \"wrongpw\" with connectivity status \"Authentication error\"");
    assertThat(workflowStatus("wrongpw")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  @Order(2)
  void aClosedPortCannotConnect() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Result r = addSource("closed", "https://127.0.0.1:" + port, "secret");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Successfully added new source \"closed\", but connectivity check reported an issue: Cannot connect. "
                + "Please update the source to correct the issue.\n");
    assertThat(csv("source", "list"))
        .anyMatch(l -> l.startsWith("closed,vmware,https://127.0.0.1:" + port + ",Cannot connect,false,"));

    Result sync = cli.run("source", "sync", "closed");
    assertThat(sync.exitCode()).isEqualTo(1);
    assertThat(sync.err().trim())
        .isEqualTo("Cannot sync source \"closed\" with connectivity status \"Cannot connect\"");
  }

  @ParameterizedTest
  @Order(3)
  @CsvSource(
      delimiter = '|',
      value = {
        "bad name|Invalid source name \"bad name\": Name cannot contain white space",
        "a/b|Invalid source name \"a/b\": Name cannot contain \"/\"",
        "dash-|Invalid source name \"dash-\": Name must start and end with a letter or digit",
      })
  void invalidNamesAreRefusedAndNothingIsStored(String name, String message) {
    List<String> before = csv("source", "list");
    Result r = addSource(name, endpoint(), VcsimPeer.PASSWORD, "--trusted-cert-fingerprint", fingerprint);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().trim()).isEqualTo(message);
    assertThat(csv("source", "list")).isEqualTo(before);
    Result query = cli.run("query", "-X", "POST", "/1.0/sources", "-d",
        "{\"name\": \"" + name + "\", \"source_type\": \"vmware\", \"properties\": {\"endpoint\": \"" + endpoint()
            + "\", \"username\": \"u\", \"password\": \"p\"}}");
    assertThat(query.exitCode()).isEqualTo(1);
    assertThat(query.err().trim()).isEqualTo(message);
    assertThat(csv("source", "list")).isEqualTo(before);
  }

  @Test
  @Order(4)
  void renamingASourceKeepsItsInstancesAndMovesItsWarnings() throws InterruptedException {
    Result add = addSource("vcenter01", endpoint(), VcsimPeer.PASSWORD, "--trusted-cert-fingerprint", fingerprint);
    assertThat(add.err()).isEmpty();
    assertThat(add.out()).isEqualTo("Successfully added new source \"vcenter01\".\n");
    List<String> instances = uuidsOf(csv("instance", "list"), "vcenter01");
    assertThat(instances).hasSize(4);
    List<String> warnings = uuidsOf(csv("warning", "list"), "vcenter01");
    assertThat(warnings).hasSize(2);

    Result rename = cli.run("source", "update", "vcenter01", "--name", "vcenter02");
    assertThat(rename.err()).isEmpty();
    assertThat(rename.out()).endsWith("]: Successfully updated source \"vcenter02\".\n");

    assertThat(uuidsOf(csv("instance", "list"), "vcenter02")).containsExactlyElementsOf(instances);
    assertThat(uuidsOf(csv("instance", "list"), "vcenter01")).isEmpty();
    assertThat(uuidsOf(csv("warning", "list"), "vcenter02")).containsExactlyInAnyOrderElementsOf(warnings);
    assertThat(csv("warning", "list")).noneMatch(l -> l.contains(",vcenter01,"));
    assertThat(csv("network", "list")).anyMatch(l -> l.contains(",vcenter02,"));
    awaitWorkflowEnded("vcenter01");
    assertThat(workflowStatus("vcenter02")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    // The renamed source syncs under its new name and raises the same warnings.
    assertThat(cli.run("source", "sync", "vcenter02").out()).isEqualTo("Successfully synced source \"vcenter02\".\n");
    assertThat(uuidsOf(csv("warning", "list"), "vcenter02")).containsExactlyInAnyOrderElementsOf(warnings);
    assertThat(uuidsOf(csv("instance", "list"), "vcenter02")).containsExactlyElementsOf(instances);
  }

  @Test
  @Order(5)
  void removingASourceRemovesItsInventoryAndStopsItsWorkflow() throws InterruptedException {
    Result remove = cli.run("source", "remove", "vcenter02");
    assertThat(remove.err()).isEmpty();
    assertThat(remove.out()).isEqualTo("Successfully removed source \"vcenter02\".\n");

    assertThat(csv("instance", "list")).isEmpty();
    assertThat(csv("network", "list")).isEmpty();
    assertThat(csv("warning", "list")).isEmpty();
    assertThat(csv("source", "list")).noneMatch(l -> l.startsWith("vcenter02,"));
    awaitWorkflowEnded("vcenter02");

    Result again = cli.run("source", "remove", "vcenter02");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().trim()).isEqualTo("Source \"vcenter02\" not found");

    for (String name : List.of("wrongpw", "closed")) {
      assertThat(cli.run("source", "remove", name).exitCode()).isZero();
      awaitWorkflowEnded(name);
    }
    assertThat(csv("source", "list")).isEmpty();
  }

  /** The UUIDs (first column) of the CSV rows that name {@code source} in a column. */
  static List<String> uuidsOf(List<String> rows, String source) {
    return rows.stream()
        .filter(l -> Arrays.asList(l.split(",")).contains(source))
        .map(l -> l.split(",")[0])
        .toList();
  }
}
