package io.openslb.dataplane.schedule;

import io.openslb.model.SchedulerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the scheduler a target names: rr, wrr (the API's default), wlc, sch, tch, qch; one class
 * per kind, named after its algorithm.
 *
 * <p>A membership, weight or health change rebuilds the target's scheduler; {@link #newScheduler}
 * is handed the one it replaces (the shape of Armeria's {@code
 * EndpointSelectionStrategy.newSelector}) so the new one continues where the old one was instead
 * of starting over: rr's cursor and wrr's current weights carry over, by member {@link
 * Backend#identity identity} since the Backend objects are rebuilt too. With the same members and
 * weights the picks continue exactly as if no rebuild had happened. The state is copied when the
 * new scheduler is built; the previous one stays usable (connections that hold the previous
 * runtime keep picking from it) and its later picks are not seen by the new one.
 */
public final class Schedulers {
  private Schedulers() {}

  /**
   * @param previous the scheduler this one replaces, or null; its state is carried over only when
   *     it is of the same kind, else the new scheduler starts afresh
   * @param members the members to pick from, in configured order (rr follows it)
   */
  public static Scheduler newScheduler(SchedulerKind kind, Scheduler previous, List<Backend> members) {
    return switch (kind) {
      case RR -> new RoundRobin(members, previous instanceof RoundRobin p ? p : null);
      case WRR -> new WeightedRoundRobin(members, previous instanceof WeightedRoundRobin p ? p : null);
      case WLC -> new WeightedLeastConnections(members, previous instanceof WeightedLeastConnections p ? p : null);
      case SCH -> new SourceHash(members);
      case TCH -> new FourTupleHash(members);
      case QCH -> new QuicHash(members);
    };
  }

  /** A scheduler with no history: {@code newScheduler(kind, null, members)}. */
  public static Scheduler create(SchedulerKind kind, List<Backend> members) {
    return newScheduler(kind, null, members);
  }

  /** The members a scheduler may pick, in their order: those of weight above 0. */
  static Backend[] pickable(List<Backend> members) {
    List<Backend> out = new ArrayList<>(members.size());
    for (Backend b : members) {
      if (b.weight() > 0) {
        out.add(b);
      }
    }
    return out.toArray(new Backend[0]);
  }

  /** Each member's index by its {@link Backend#identity identity}, for carrying state over. */
  static Map<String, Integer> indexByIdentity(Backend[] members) {
    Map<String, Integer> index = new HashMap<>(members.length * 2);
    for (int i = 0; i < members.length; i++) {
      index.put(members[i].identity(), i);
    }
    return index;
  }
}
