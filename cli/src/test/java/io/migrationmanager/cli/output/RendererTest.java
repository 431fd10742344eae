package io.migrationmanager.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationmanager.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RendererTest {

  private static final List<String> COLUMNS = List.of("Name", "Type", "Endpoint");
  private static final List<List<String>> ROWS =
      List.of(
          List.of("source 2", "Incus", "https://127.0.0.2:8989/"),
          List.of("source 1", "VMware", "https://127.0.0.1:8989/"));

  /**
   * The seed's tables: rows (sorted tables get them shuffled) rendered exactly as the seed shows
   * them.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "instance-list-before, true",
    "instance-list-after, true",
    "warning-list, false",
    "network-list-before, false",
    "network-list-after, false",
    "queue-list-batch01, false",
    "queue-list-edited, false",
    "queue-list-both, false",
    "queue-list-finished, false"
  })
  void tablesMatchTheSeed(String name, boolean keepApiOrder) throws IOException {
    List<List<String>> input = new ArrayList<>();
    for (String line : resource(name + ".rows.tsv").split("\n")) {
      input.add(Arrays.asList(line.split("\t", -1)));
    }
    Renderer renderer = Renderer.forFormat("table");
    if (keepApiOrder) {
      renderer = renderer.keepingOrder();
    }

    String table = renderer.render(input.get(0), input.subList(1, input.size()), null);

    assertThat(table).isEqualTo(resource(name + ".txt"));
  }

  @Test
  void tableWithoutHeader() {
    assertThat(Renderer.forFormat("table,noheader").render(COLUMNS, ROWS, null))
        .isEqualTo(
            """
            +----------+--------+-------------------------+
            | source 1 | VMware | https://127.0.0.1:8989/ |
            +----------+--------+-------------------------+
            | source 2 | Incus  | https://127.0.0.2:8989/ |
            +----------+--------+-------------------------+
            """);
  }

  @Test
  void emptyTableShowsOnlyTheHeader() {
    assertThat(Renderer.forFormat("table").render(COLUMNS, List.of(), null))
        .isEqualTo(
            """
            +------+------+----------+
            | Name | Type | Endpoint |
            +------+------+----------+
            """);
  }

  @Test
  void multiLineCellsSpanSeveralLines() {
    List<List<String>> rows = List.of(List.of("vm1", "disk1: (4.00GiB)\ndisk2: (100B)"));

    assertThat(Renderer.forFormat("table").render(List.of("Name", "Disks"), rows, null))
        .isEqualTo(
            """
            +------+------------------+
            | Name | Disks            |
            +------+------------------+
            | vm1  | disk1: (4.00GiB) |
            |      | disk2: (100B)    |
            +------+------------------+
            """);
  }

  @Test
  void widthsCountCodePoints() {
    List<List<String>> rows = List.of(List.of("Zürich 🚀", "x"));

    assertThat(Renderer.forFormat("table").render(List.of("Location", "T"), rows, null))
        .isEqualTo(
            """
            +----------+---+
            | Location | T |
            +----------+---+
            | Zürich 🚀 | x |
            +----------+---+
            """);
  }

  @Test
  void compactSeparatesColumnsWithTwoSpaces() {
    assertThat(Renderer.forFormat("compact").render(COLUMNS, ROWS, null))
        .isEqualTo(
            "  Name      Type    Endpoint                 \n"
                + "  source 1  VMware  https://127.0.0.1:8989/  \n"
                + "  source 2  Incus   https://127.0.0.2:8989/  \n");
    assertThat(Renderer.forFormat("compact,noheader").render(COLUMNS, ROWS, null))
        .isEqualTo(
            "  source 1  VMware  https://127.0.0.1:8989/  \n"
                + "  source 2  Incus   https://127.0.0.2:8989/  \n");
  }

  @Test
  void csvHasAHeaderOnlyOnRequest() {
    assertThat(Renderer.forFormat("csv").render(COLUMNS, ROWS, null))
        .isEqualTo(
            "source 1,VMware,https://127.0.0.1:8989/\nsource 2,Incus,https://127.0.0.2:8989/\n");
    assertThat(Renderer.forFormat("csv,header").render(COLUMNS, ROWS, null))
        .startsWith("Name,Type,Endpoint\nsource 1,");
  }

  @Test
  void csvQuotesLikeGo() {
    List<List<String>> rows =
        List.of(List.of("a,b", "say \"hi\"", " lead", "two\nlines", "plain", ""));

    assertThat(Renderer.forFormat("csv").render(List.of("1", "2", "3", "4", "5", "6"), rows, null))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\" lead\",\"two\nlines\",plain,\n");
  }

  @Test
  void jsonAndYamlDumpTheRawObjects() {
    Object raw = List.of(Map.of("name", "source 1"));

    assertThat(Renderer.forFormat("json").render(COLUMNS, ROWS, raw))
        .isEqualTo("[{\"name\":\"source 1\"}]\n");
    assertThat(Renderer.forFormat("yaml").render(COLUMNS, ROWS, raw))
        .isEqualTo("- name: source 1\n");
    assertThat(Renderer.forFormat("yaml").render(COLUMNS, ROWS, Map.of("vlan_id", "10")))
        .isEqualTo("vlan_id: \"10\"\n");
  }

  @Test
  void rowsSortNaturallyColumnByColumnWithEmptyCellsLast() {
    List<List<String>> rows =
        List.of(
            List.of("vm10", "b"),
            List.of("", "a"),
            List.of("vm2", "b"),
            List.of("vm2", ""),
            List.of("vm2", "a"),
            List.of("Vm3", "a"),
            List.of("vm02", "a"));

    String csv = Renderer.forFormat("csv").render(List.of("Name", "X"), rows, null);

    assertThat(csv).isEqualTo("Vm3,a\nvm2,a\nvm2,b\nvm2,\nvm02,a\nvm10,b\n,a\n");
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "a, b",
    "vm2, vm10",
    "vm2, vm02",
    "1a, a",
    "abc, abcd",
    "x9y, x10",
    "CentOS9, CentOS9UEFI",
    "0, 00",
    "a1b2, a1b10"
  })
  void naturalOrderOfStrings(String smaller, String larger) {
    assertThat(NaturalOrder.STRINGS.compare(smaller, larger)).isNegative();
    assertThat(NaturalOrder.STRINGS.compare(larger, smaller)).isPositive();
    assertThat(NaturalOrder.STRINGS.compare(smaller, smaller)).isZero();
  }

  @ParameterizedTest
  @CsvSource({"xml, Invalid format \"xml\"", "'table,foo', Invalid format option \"foo\""})
  void invalidFormatsAreRejected(String spec, String message) {
    assertThatThrownBy(() -> Renderer.forFormat(spec))
        .isInstanceOf(CliException.class)
        .hasMessage(message);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RendererTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
