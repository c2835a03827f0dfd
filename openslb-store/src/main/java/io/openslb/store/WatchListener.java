package io.openslb.store;

import java.util.List;

/**
 * Receives the changes under a prefix in revision order. Called from one store thread per watch,
 * never concurrently for the same watch.
 */
public interface WatchListener {

  /** Changes in revision order; all events of one transaction arrive in the same call. */
  void onEvents(List<WatchEvent> events);

  /**
   * The store no longer holds the history from the requested revision (it was compacted). The
   * watch has ended; the listener re-lists with {@link StateStore#list} and watches again from the
   * listing's revision.
   */
  void onCompacted(long compactedRevision);
}
