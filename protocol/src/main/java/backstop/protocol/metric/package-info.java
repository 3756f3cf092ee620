/**
 * Metrics by name, declared by whoever produces them: a {@link Metric} is a key of a run's summary with its group,
 * unit and meaning; a {@link Meter} is the part of the simulation that reports some (a mechanism, an agent role, the
 * world); {@link Meters} reads a run's meters into the summary and per-market tables. Nothing here knows any one
 * metric, and nothing here writes files. Depends only on {@code event} and {@code money}.
 */
package backstop.protocol.metric;
