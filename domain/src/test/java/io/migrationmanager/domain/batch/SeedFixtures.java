package io.migrationmanager.domain.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.migrationmanager.api.BatchPut;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import io.migrationmanager.domain.instance.InstanceProperties;
import io.migrationmanager.domain.instance.InstanceRecord;
import io.migrationmanager.domain.queue.ImportStage;
import io.migrationmanager.domain.queue.MigrationStatus;
import io.migrationmanager.domain.queue.QueuedInstance;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user's document (shared/seed/complex-migrations.txt) as test data: its six instances and its batch YAML,
 * with the indentation the web page lost put back, and mappers as strict as the server's.
 */
public final class SeedFixtures {
  /** A moment of the document: after the batches were written, before their windows (2025-12-01). */
  public static final Instant SEED_NOW = Instant.parse("2025-11-19T00:00:00Z");

  /** YAML as strict as the server: unknown keys, null primitives and trailing tokens fail. */
  public static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** JSON as strict as the server. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** {@code batch edit "batch01"}, first version. */
  public static final String BATCH01 =
      """
      ### This is a YAML representation of batch configuration.
      ### Any line starting with a '# will be ignored.
      ###
      name: batch01
      include_expression: "location matches '/Incus migrations/' and source == 'vcenter01'"
      migration_windows:
      - name: window1
        start: 2025-12-01 01:00:00
        end: 2025-12-01 01:10:00
      - name: window2
        start: 2025-12-01 01:00:00
        end: 2025-12-01 03:00:00
      constraints:
      - name: constraint1
        description: Background import requires at least 1 hour windows (window2)
        include_expression: background_import == false
        min_instance_boot_time: 1h
      defaults:
        placement:
          target: incus01
          target_project: default
          storage_pool: default
        migration_network: []
      config:
        rerun_scriptlets: false
        placement_scriptlet: |
          def placement(instance, batch):
            if instance.os_version.startswith("CentOS"):
              set_target("incus02")
        post_migration_retries: 5
        instance_restriction_overrides:
          allow_unknown_os: false
          allow_no_ipv4: false
          allow_no_background_import: false
        background_sync_interval: 1h
        final_background_sync_limit: 1h
      """;

  /** {@code batch edit "batch02"}. */
  public static final String BATCH02 =
      """
      ### This is a YAML representation of batch configuration.
      ### Any line starting with a '# will be ignored.
      ###
      name: batch02
      include_expression: "background_import"
      migration_windows:
      - name: window1
        start: 2025-12-01 01:00:00
        end: 2025-12-01 01:10:00
      - name: window2
        start: 2025-12-01 02:00:00
        end: 2025-12-01 02:10:00
      constraints:
      - name: constraint1
        description: Migrate esxi01 VMs one at a time
        include_expression: source == 'esxi01'
        max_concurrent_instances: 1
      defaults:
        placement:
          target: incus01
          target_project: default
          storage_pool: default
        migration_network: []
      config:
        rerun_scriptlets: false
        placement_scriptlet: |
          def placement(instance, batch):
            for disk in instance.properties.disks:
              if disk.capacity >= (1024 * 1024 * 1024 * 100):
                set_pool(disk.name, 'pool02')
        post_migration_retries: 5
        instance_restriction_overrides:
          allow_unknown_os: false
          allow_no_ipv4: false
          allow_no_background_import: false
        background_sync_interval: 30m
        final_background_sync_limit: 10m
      """;

  /** {@code batch edit "batch01"}, second version: its include expression has an unbalanced {@code (}. */
  public static final String BATCH01_SECOND_EDIT =
      """
      ### This is a YAML representation of batch configuration.
      ### Any line starting with a '# will be ignored.
      ###
      name: batch01
      include_expression: "(location matches '/Incus migrations/' and source == 'vcenter01'"
      migration_windows:
      - name: window1
        start: 2025-12-01 01:00:00
        end: 2025-12-01 01:10:00
      - name: window2
        start: 2025-12-01 01:00:00
        end: 2025-12-01 02:00:00
      constraints: []
      defaults:
        placement:
          target: incus01
          target_project: default
          storage_pool: default
        migration_network: []
      config:
        rerun_scriptlets: false
        placement_scriptlet: |
          def placement(instance, batch):
            if instance.properties.os_version.startswith("CentOS"):
              set_target("incus02")
        post_migration_retries: 5
        instance_restriction_overrides:
          allow_unknown_os: false
          allow_no_ipv4: true # Set this to true to allow 'Ubuntu 2404' to migrate
          allow_no_background_import: true # set this to true to allow 'Debian Bookworm' to migrate
        background_sync_interval: 1h
        final_background_sync_limit: 1h
      """;

  public static final InstanceRecord WIN2016 =
      instance("52cfcb6b-20ee-add3-adc9-68c63ca9adfd", "esxi01", "/ha-datacenter/vm/Win2016", "Windows",
          "Windows Server 2016, 64-bit (Build 14393.693)", true, "192.0.2.16");
  public static final InstanceRecord SUSE_UEFI =
      instance("5298cc11-96ea-4f50-b018-6d80bfdaa7d9", "esxi01", "/ha-datacenter/vm/SuseUEFI", "openSUSE",
          "openSUSE Leap 15.6", true, "192.0.2.15");
  public static final InstanceRecord UBUNTU2404 =
      instance("52d5cfe0-d341-82d9-3f23-4149687b4e3e", "vcenter01", "/vc01/vm/Incus migrations/Ubuntu 2404", "",
          "", true, "");
  public static final InstanceRecord DEBIAN_BOOKWORM =
      instance("52d89a93-ff8f-9dea-4d74-ec99beb1d2d4", "vcenter01", "/vc01/vm/Incus migrations/Debian Bookworm",
          "Debian", "Debian GNU/Linux 12 (bookworm)", false, "192.0.2.12");
  public static final InstanceRecord CENTOS9_UEFI =
      instance("5263adbf-dbca-eb36-3019-b09743f40b6d", "vcenter01", "/vc01/vm/Incus migrations/Cent OS 9 UEFI",
          "CentOS", "CentOS Stream 9", true, "192.0.2.9");
  public static final InstanceRecord CENTOS9 =
      instance("2f83c3b1-7966-4ff7-a671-79f163f28b3e", "vcenter01", "/vc01/vm/other/CentOS9", "CentOS",
          "CentOS Stream 9", true, "192.0.2.10");

  /** The six instances, in the order of the document's instance list. */
  public static final List<InstanceRecord> INSTANCES =
      List.of(WIN2016, SUSE_UEFI, UBUNTU2404, DEBIAN_BOOKWORM, CENTOS9_UEFI, CENTOS9);

  private SeedFixtures() {}

  /** An instance with one NIC on the source's VM network and one supported 20 GiB disk. */
  public static InstanceRecord instance(
      String uuid, String source, String location, String os, String osVersion, boolean cbt, String ipv4) {
    UUID id = UUID.fromString(uuid);
    String vmName = location.substring(location.lastIndexOf('/') + 1);
    String name = vmName.replaceAll("[^-a-zA-Z0-9]", "");
    String network = source.equals("esxi01") ? "HaNetwork-VMWARE" : "network-40007";
    String networkLocation = source.equals("esxi01") ? "/ha-datacenter/network/VMWARE" : "/vc01/network/VMNET";
    String mac = "00:50:56:" + uuid.substring(0, 2) + ":" + uuid.substring(2, 4) + ":" + uuid.substring(4, 6);
    InstanceProperties p =
        new InstanceProperties(
            name, 2, 4L << 30, Map.of(), "x86_64", id, "VirtualMachine:vm-" + uuid.substring(0, 4), location, "", os,
            osVersion, "Other Linux (64-bit)", false, false, false, true, cbt,
            List.of(new InstanceNic(null, network, mac, networkLocation, ipv4, "")),
            List.of(new InstanceDisk(20L << 30, "[datastore-01] " + vmName + "/" + vmName + ".vmdk", false, true, cbt)),
            List.of());
    return new InstanceRecord(id, source, "vmware", SEED_NOW, InstanceOverride.EMPTY, p);
  }

  /** A queue entry of {@code instance}. */
  public static QueuedInstance entry(InstanceRecord instance, MigrationStatus status, String window) {
    ImportStage stage =
        switch (status) {
          case IDLE -> ImportStage.FINAL;
          case POST_IMPORT, WORKER_DONE, FINISHED -> ImportStage.COMPLETE;
          default -> ImportStage.BACKGROUND;
        };
    return new QueuedInstance(instance, status, stage, window);
  }

  /** Reads batch YAML with the strict mapper. */
  public static BatchPut readYaml(String yaml) {
    try {
      return YAML.readValue(yaml, BatchPut.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
