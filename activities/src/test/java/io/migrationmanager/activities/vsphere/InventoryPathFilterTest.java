package io.migrationmanager.activities.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryPathFilterTest {

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /...                     | /vc01/vm/Incus migrations/Ubuntu 2404 | true
          /vc01/...                | /vc01/vm/Incus migrations/Ubuntu 2404 | true
          /vc01/...                | /vc02/vm/Ubuntu                       | false
          /vc01/...                | /vc01                                 | false
          /vc0?/...                | /vc02/network/VMNET                   | true
          /vc*/...                 | /vcenter-dc/vm/x                      | true
          /dc-[0-9]/...            | /dc-7/vm/x                            | true
          /dc-[0-9]/...            | /dc-x/vm/x                            | false
          /dc-[^0-9]/...           | /dc-x/vm/x                            | true
          /vc01/vm/other/...       | /vc01/vm/other/CentOS9                | true
          /vc01/vm/other/...       | /vc01/vm/Incus migrations/CentOS9     | false
          /vc01/...,/ha-datacenter/... | /ha-datacenter/vm/Win2016         | true
          /vc01/...,/ha-datacenter/... | /dc2/vm/Win2016                   | false
          """)
  void matchesPathsBelowThePatterns(String patterns, String path, boolean matches) {
    List<String> list = Arrays.asList(patterns.split(","));
    assertThat(new InventoryPathFilter(list).matches(path)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/vc01/vm/x", "/ha-datacenter/network/VMWARE"})
  void noPatternsMeansEverything(String path) {
    assertThat(new InventoryPathFilter(List.of()).matches(path)).isTrue();
    assertThat(new InventoryPathFilter(null).matches(path)).isTrue();
  }
}
