package backstop.experiments.study;

import backstop.protocol.metric.Metric;

import java.util.List;
import java.util.Map;

/**
 * A deterministic replay a study's sweep may run instead of an agent world (README, "Validation: reproduction
 * studies"): the sweep names it as its {@code scenario}, lists some of its {@link #designs}, and each run — one design,
 * one seed, the sweep's overrides — is a summary of declared metrics, written as a run folder's {@code summary.json}
 * and {@code metrics.json}. Registered by name in {@link Replays}.
 */
public interface Replay {
    /** The name a sweep gives as its {@code scenario}. */
    String name();

    /** One line: what is replayed. */
    String description();

    /** The designs a sweep may list, by name. */
    List<String> designs();

    /** The metrics of every run's summary, declared, in summary order. */
    List<Metric> metrics();

    /** Refuses overrides the replay does not take, with an {@link IllegalArgumentException} naming the override. */
    void check(List<String> overrides);

    /** One run's summary: metric name → value, in {@link #metrics}' order. */
    Map<String, Object> run(String design, long seed, List<String> overrides);
}
