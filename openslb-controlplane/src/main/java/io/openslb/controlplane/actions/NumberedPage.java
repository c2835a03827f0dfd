package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.Params;
import java.util.List;

/**
 * One page of a list paged by number (the older Describe calls; the newer ones page by
 * {@code NextToken}). The page number counts from 1 and has no upper bound: a page past the end
 * is empty. Each action has its own largest and default page size.
 */
record NumberedPage(int number, int size) {

  /**
   * Reads {@code numberParam} (1 or more, default 1) and {@code PageSize} (1 to {@code maxSize},
   * default {@code defaultSize}), in that order.
   */
  static NumberedPage read(Params p, String numberParam, int maxSize, int defaultSize) {
    int number = p.integer(numberParam, 1, Integer.MAX_VALUE).orElse(1);
    int size = p.integer("PageSize", 1, maxSize).orElse(defaultSize);
    return new NumberedPage(number, size);
  }

  /** This page's part of {@code all}. */
  <T> List<T> of(List<T> all) {
    int from = (int) Math.min((long) (number - 1) * size, all.size());
    return all.subList(from, Math.min(from + size, all.size()));
  }

  /** Puts {@code PageNumber}, {@code PageSize} and {@code TotalCount}, in that order. */
  void describe(ObjectNode out, int totalCount) {
    out.put("PageNumber", number);
    out.put("PageSize", size);
    out.put("TotalCount", totalCount);
  }
}
