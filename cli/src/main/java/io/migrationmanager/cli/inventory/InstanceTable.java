package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.api.GoTime;
import io.migrationmanager.api.Instance;
import io.migrationmanager.api.InstanceOverride;
import io.migrationmanager.api.OverrideProperties;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.output.ByteSizes;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.domain.instance.InstanceDisk;
import io.migrationmanager.domain.instance.InstanceNic;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code instance list} and {@code network instances}. The default columns are the
 * user's document's ({@code UUID | Source | Location | OS Version | CPUs | Memory | Background
 * Import | Migration Disabled}); {@code --verbose} shows the original's newer, longer set. Values
 * the user overrode (a non-empty or non-zero field under the override's {@code properties}) are
 * shown instead of the source's; OS type, distribution and version are the derived values.
 */
final class InstanceTable {

  private static final List<String> COLUMNS =
      List.of(
          "UUID",
          "Source",
          "Location",
          "OS Version",
          "CPUs",
          "Memory",
          "Background Import",
          "Migration Disabled");

  private static final List<String> VERBOSE_COLUMNS =
      List.of(
          "UUID",
          "Location",
          "Description",
          "Source",
          "Last Update from Source",
          "Architecture",
          "OS Type",
          "Distro",
          "Version",
          "OS Name",
          "OS Description",
          "Disks",
          "NICs",
          "CPUs",
          "Memory",
          "Legacy Boot",
          "Secure Boot",
          "TPM",
          "Background Import",
          "Migration Disabled",
          "Running");

  private InstanceTable() {}

  /** {@code instances} (a JSON array of instances) in the chosen format, in the API's order. */
  static String render(FormatOption format, JsonNode instances, boolean verbose) {
    return format
        .renderer()
        .keepingOrder()
        .render(columns(verbose), rows(instances, verbose), instances);
  }

  /** The column headers. */
  private static List<String> columns(boolean verbose) {
    return verbose ? VERBOSE_COLUMNS : COLUMNS;
  }

  /** One row per instance of {@code instances} (a JSON array of instances), in the same order. */
  private static List<List<String>> rows(JsonNode instances, boolean verbose) {
    List<List<String>> rows = new ArrayList<>();
    if (!instances.isArray()) {
      return rows;
    }
    for (Instance instance : Json.convert(instances, Instance[].class)) {
      rows.add(verbose ? verboseRow(instance) : row(instance));
    }
    return rows;
  }

  private static List<String> row(Instance instance) {
    OverrideProperties override = overrideOf(instance).properties();
    return List.of(
        String.valueOf(instance.uuid()),
        text(instance.source()),
        text(instance.location()),
        pick(override.osVersion(), instance.osVersion()),
        Long.toString(pick(override.cpus(), instance.cpus())),
        ByteSizes.iec(pick(override.memory(), instance.memory())),
        Boolean.toString(instance.backgroundImport()),
        Boolean.toString(overrideOf(instance).disableMigration()));
  }

  private static List<String> verboseRow(Instance instance) {
    OverrideProperties override = overrideOf(instance).properties();
    List<String> disks = new ArrayList<>();
    for (InstanceDisk disk : listOf(instance.disks())) {
      disks.add(disk.name() + ": (" + ByteSizes.iec(disk.capacity()) + ")");
    }
    List<String> nics = new ArrayList<>();
    for (InstanceNic nic : listOf(instance.nics())) {
      nics.add(nic.hardwareAddress() + " (" + nic.location() + ", " + nic.sourceSpecificId() + ")");
    }
    return List.of(
        String.valueOf(instance.uuid()),
        text(instance.location()),
        pick(override.description(), instance.description()),
        text(instance.source()),
        instance.lastUpdateFromSource() == null
            ? ""
            : GoTime.display(instance.lastUpdateFromSource()),
        pick(override.architecture(), instance.architecture()),
        text(instance.osType()),
        text(instance.distribution()),
        text(instance.distributionVersion()),
        pick(override.os(), instance.os()),
        pick(override.osVersion(), instance.osVersion()),
        String.join("\n", disks),
        String.join("\n", nics),
        Long.toString(pick(override.cpus(), instance.cpus())),
        ByteSizes.iec(pick(override.memory(), instance.memory())),
        Boolean.toString(instance.legacyBoot()),
        Boolean.toString(instance.secureBoot()),
        Boolean.toString(instance.tpm()),
        Boolean.toString(instance.backgroundImport()),
        Boolean.toString(overrideOf(instance).disableMigration()),
        Boolean.toString(instance.running()));
  }

  private static InstanceOverride overrideOf(Instance instance) {
    return instance.overrides() == null ? InstanceOverride.EMPTY : instance.overrides();
  }

  private static String pick(String override, String value) {
    return override.isEmpty() ? text(value) : override;
  }

  private static long pick(long override, long value) {
    return override != 0 ? override : value;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }
}
