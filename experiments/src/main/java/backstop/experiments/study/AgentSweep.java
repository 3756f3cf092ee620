package backstop.experiments.study;

import backstop.experiments.config.ConfigException;
import backstop.experiments.design.DesignOverrides;
import backstop.experiments.design.DesignSpec;
import backstop.experiments.results.EventLevel;
import backstop.experiments.scenario.Scenarios;
import backstop.experiments.sweep.ParameterPoint;
import backstop.experiments.sweep.PlannedRun;
import backstop.experiments.sweep.SweepPlan;
import backstop.experiments.sweep.SweepRunner;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A study's sweep of agent-world runs: an ordinary {@link SweepPlan}, run by {@link SweepRunner} into its folder. */
public record AgentSweep(SweepPlan plan) implements StudySweep {
    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public List<String> designNames() {
        return plan.designs().stream().map(DesignSpec::name).toList();
    }

    @Override
    public List<ParameterPoint> points() {
        return plan.points();
    }

    @Override
    public List<Long> seeds() {
        return plan.seeds();
    }

    @Override
    public List<String> overrides() {
        return plan.overrides();
    }

    @Override
    public List<Run> runs() {
        return plan.runs().stream().map(r -> new Run(r.id(), r.design().name(), r.point(), r.seed())).toList();
    }

    /** A measure is checked against the sweep's event level and every scenario its runs load. */
    @Override
    public Measure operand(StudySpec.Simulated s, Map<String, JsonNode> point, String where) {
        if (s.measure() == null) {
            return null;
        }
        Measure measure = Measures.create(s.measure(), s.params(), where);
        if (measure.needsFullEvents() && plan.events() != EventLevel.FULL) {
            throw new ConfigException(where + ".measure: " + s.measure() + " reads every fill, which only events: full"
                    + " keeps; sweep '" + plan.name() + "' writes events: " + plan.events().label());
        }
        Set<String> checked = new LinkedHashSet<>();
        for (PlannedRun r : plan.runs()) {
            if (checked.add(r.scenario() + r.overrides())) {
                measure.check(Scenarios.load(r.scenario(), DesignOverrides.scenarioPart(r.overrides())), where + ".params");
            }
        }
        return measure;
    }

    @Override
    public Map<String, Object> resolved() {
        return plan.resolved();
    }

    @Override
    public List<String> run(Path dir, String version, int threads, PrintStream log, boolean terminal)
            throws IOException, InterruptedException {
        return new SweepRunner(plan, dir, version).run(threads, false, log, terminal).failed();
    }
}
