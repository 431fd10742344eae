package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.domain.error.ValidationException;
import org.junit.jupiter.api.Test;

class DatastorePathTest {

  @Test
  void splitsDatastoreFolderAndFile() {
    DatastorePath p = DatastorePath.parse("[datastore-01] CentOS9-other/CentOS9-ctk.vmdk");

    assertThat(p.datastore()).isEqualTo("datastore-01");
    assertThat(p.folder()).isEqualTo("[datastore-01] CentOS9-other");
    assertThat(p.fileName()).isEqualTo("CentOS9-ctk.vmdk");
    assertThat(p).hasToString("[datastore-01] CentOS9-other/CentOS9-ctk.vmdk");
  }

  @Test
  void fileInTheDatastoreRoot() {
    DatastorePath p = DatastorePath.parse("[local ds] disk.vmdk");

    assertThat(p.folder()).isEqualTo("[local ds]");
    assertThat(p.fileName()).isEqualTo("disk.vmdk");
  }

  @Test
  void rejectsPathsWithoutDatastore() {
    assertThatThrownBy(() -> DatastorePath.parse("CentOS9/CentOS9.vmdk"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid datastore path \"CentOS9/CentOS9.vmdk\"");
  }
}
