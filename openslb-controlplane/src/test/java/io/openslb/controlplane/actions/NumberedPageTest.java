package io.openslb.controlplane.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Page-number paging: which part of a list a page shows (a table), and how the page is read and written. */
class NumberedPageTest {

  @ParameterizedTest(name = "page {0} of {1} over {2} items: from {3}, {4} items")
  @CsvSource({
    "1,          10,  25, 0,  10",
    "3,          10,  25, 20, 5",
    "4,          10,  25, 25, 0",
    "1,          10,  0,  0,  0",
    "1,          100, 7,  0,  7",
    "2147483647, 100, 5,  5,  0",
  })
  void slice(int number, int size, int total, int first, int count) {
    List<Integer> all = IntStream.range(0, total).boxed().toList();
    assertThat(new NumberedPage(number, size).of(all))
        .isEqualTo(IntStream.range(first, first + count).boxed().toList());
  }

  @Test
  void defaultsAndNames() {
    assertThat(NumberedPage.read(new Params(Map.of()), "PageNumber", 50, 10)).isEqualTo(new NumberedPage(1, 10));
    assertThat(NumberedPage.read(new Params(Map.of()), "PageNumber", 100, 50)).isEqualTo(new NumberedPage(1, 50));
    assertThat(NumberedPage.read(new Params(Map.of("Page", "3", "PageSize", "50")), "Page", 50, 10))
        .isEqualTo(new NumberedPage(3, 50));
  }

  @Test
  void refusesSizesAndNumbersOutOfRange() {
    assertThatThrownBy(() -> NumberedPage.read(new Params(Map.of("PageSize", "51")), "PageNumber", 50, 10))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("PageSize")
        .hasMessageContaining("1-50");
    assertThatThrownBy(() -> NumberedPage.read(new Params(Map.of("PageNumber", "0")), "PageNumber", 100, 10))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("PageNumber");
  }

  @Test
  void describesNumberSizeAndTotalInThatOrder() {
    var out = Json.object();
    new NumberedPage(2, 10).describe(out, 25);
    assertThat(out.toString()).isEqualTo("{\"PageNumber\":2,\"PageSize\":10,\"TotalCount\":25}");
  }
}
