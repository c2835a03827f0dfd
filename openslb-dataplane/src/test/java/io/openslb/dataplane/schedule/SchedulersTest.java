package io.openslb.dataplane.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.openslb.model.SchedulerKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind is built as its own class, and that class runs the {@link SchedulerContract}. */
class SchedulersTest {

  @ParameterizedTest
  @EnumSource(SchedulerKind.class)
  void everyKindHasItsClassAndItsContractTest(SchedulerKind kind) throws ClassNotFoundException {
    Scheduler s = Schedulers.newScheduler(kind, null, List.of());
    assertThat(s.kind()).isEqualTo(kind);
    Class<?> contract = Class.forName(s.getClass().getName() + "ContractTest");
    assertThat(SchedulerContract.class.isAssignableFrom(contract)).as(contract.getSimpleName()).isTrue();
  }
}
