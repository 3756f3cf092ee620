package backstop.experiments.study;

import backstop.experiments.sweep.ParameterPoint;
import backstop.experiments.sweep.SweepPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One sweep of a study as its figures and its runner see it: designs, parameter points, seeds and runs, each run a
 * folder {@code runs/<run_id>/} with its {@code summary.json}, under the sweep's folder with its {@code runs.csv}. An
 * agent-world sweep ({@link AgentSweep}), or, when its {@code scenario} names a registered {@link Replay}, that replay
 * ({@link ReplaySweep}); {@link Reproduction} reads both from their files the same way.
 */
public sealed interface StudySweep permits AgentSweep, ReplaySweep {
    /** One run: its folder name, design, parameter point and seed. */
    record Run(String id, String design, ParameterPoint point, long seed) {
    }

    /** A study's sweep document, checked: a replay's when its scenario names one, otherwise an agent world's. */
    static StudySweep of(ObjectNode sweep, String where, Path baseDir) {
        JsonNode scenario = sweep.path("scenario");
        if (scenario.isTextual() && Replays.find(scenario.asText()).isPresent()) {
            return ReplaySweep.of(sweep, where, Replays.find(scenario.asText()).get());
        }
        return new AgentSweep(SweepPlan.of(sweep, where, baseDir));
    }

    /** The sweep's name, as messages give it. */
    String name();

    /** The designs' names, in the sweep's order. */
    List<String> designNames();

    /** The parameter points (one, without values, when nothing varies). */
    List<ParameterPoint> points();

    /** The seeds every design runs on. */
    List<Long> seeds();

    /** The overrides every run has. */
    List<String> overrides();

    /** Every run, sorted by id. */
    List<Run> runs();

    /**
     * Checks one figure operand's measure, point and slope ({@code s}; {@code point} merged with its ratio's) against
     * this sweep, before anything runs; returns the measure it computes, or null for a summary metric.
     */
    Measure operand(StudySpec.Simulated s, Map<String, JsonNode> point, String where);

    /** The resolved sweep, as study.json and the sweep's folder record it. */
    Map<String, Object> resolved();

    /** Runs every run into the sweep folder {@code dir}, then its tables; returns the ids of the runs that failed. */
    List<String> run(Path dir, String version, int threads, PrintStream log, boolean terminal)
            throws IOException, InterruptedException;
}
