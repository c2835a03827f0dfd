package io.openslb.dataplane.config;

import java.util.List;

/**
 * Access control on accept. {@code white}: only listed sources; {@code black}: listed sources
 * refused. {@code emptyMeansAll}: an empty ACL forwards everything (the new ACL model), while an
 * enabled legacy whitelist with no items forwards nothing.
 */
public record AclSpec(boolean white, List<String> cidrs, boolean emptyMeansAll) {
  public AclSpec {
    cidrs = List.copyOf(cidrs);
  }
}
