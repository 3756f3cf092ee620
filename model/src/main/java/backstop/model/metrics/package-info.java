/**
 * What a run measures while it runs: the {@link Recorder}'s sampled {@link TimeSeries}, liquidation cascades from cause
 * links ({@link CascadeTracker}), the {@link ValueFlows} matrix, and {@link SampledColumns} that a run may add.
 * Observers only: they read the world and receive events and postings, change nothing in the run and write no files
 * (the experiments module does).
 */
package backstop.model.metrics;
