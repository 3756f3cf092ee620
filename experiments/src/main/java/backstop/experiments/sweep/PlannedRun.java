package backstop.experiments.sweep;

import backstop.experiments.design.DesignSpec;

import java.util.List;

/**
 * One run of a sweep: a design on one parameter point and one seed.
 *
 * @param id        the run's folder name under {@code runs/}, {@code <design>-p<point>-s<seed>}, zero-padded so
 *                  that text order is numeric order
 * @param scenario  the scenario it runs: the sweep's, or its point's on a scenario axis (a library name or a file
 *                  path, resolved beside the sweep file)
 * @param overrides the sweep's overrides followed by the point's assignments, applied to the scenario
 */
public record PlannedRun(String id, String scenario, DesignSpec design, ParameterPoint point, long seed,
                         List<String> overrides) {
    public PlannedRun {
        overrides = List.copyOf(overrides);
    }
}
