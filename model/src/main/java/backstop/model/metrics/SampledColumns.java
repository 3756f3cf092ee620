package backstop.model.metrics;

import java.util.List;

/**
 * Columns a run adds to the sampled time series, placed after {@code bad_debt}: the names are fixed before the first
 * sample, the values are read at every sample. The experiments module adds the loss decomposition this way, computed
 * as {@code summary.json} computes it, so the model need not know how losses are tallied.
 */
public interface SampledColumns {
    /** The column names, in the order of {@link #values()}. */
    List<String> names();

    /** The values now, one per name, in quote units where they are amounts. */
    double[] values();
}
