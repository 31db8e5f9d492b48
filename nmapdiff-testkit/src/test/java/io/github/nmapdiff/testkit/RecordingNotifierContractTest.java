package io.github.nmapdiff.testkit;

import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.support.RecordingNotifier;
import java.util.ArrayList;
import java.util.List;

/** The recording notifier passes the notifier contract. */
class RecordingNotifierContractTest extends NotifierContract {
    private final List<RecordingNotifier> made = new ArrayList<>();

    @Override
    protected Notifier newNotifier() {
        RecordingNotifier notifier = RecordingNotifier.named("recording");
        made.add(notifier);
        return notifier;
    }

    @Override
    protected int delivered() {
        return made.stream().mapToInt(n -> n.received().size()).sum();
    }
}
