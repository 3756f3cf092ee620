/**
 * Sweeps: a sweep file expanded into runs (designs × parameter points × seeds, common random numbers), run in
 * parallel into run folders, then tabulated into {@code runs.csv} and {@code comparison.csv} (and, on request, the
 * Parquet dataset of {@link backstop.experiments.dataset}). Uses the scenario,
 * design and result-folder code of the neighbouring packages; nothing here changes how a single run behaves.
 * For clusters, a sweep splits into {@link backstop.experiments.sweep.Shard}s run as a Slurm array
 * ({@link backstop.experiments.sweep.SlurmJob}) and joined by {@link backstop.experiments.sweep.ShardMerge}.
 */
package backstop.experiments.sweep;
