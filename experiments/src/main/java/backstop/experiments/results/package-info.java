/**
 * What a run yields: {@link RunResult}, the run in memory; the metrics kept while it runs ({@link RunMetrics}, the loss decomposition, per-market rows, the
 * {@link PayoffIdentity}, the flat {@link Summary}) and the run folder written from them ({@link RunFolder},
 * {@link RunManifest}, {@link EventJsonl}), every file through a temporary name ({@link AtomicFiles},
 * {@link RunDirectory}). It only reads the protocol and the world and receives their events; it changes no run.
 */
package backstop.experiments.results;
