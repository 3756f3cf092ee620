/**
 * The catalogue of summary metrics ({@link SummaryMetrics}): each key's group, unit and meaning, read by the run
 * summary printout, reports and the GUI, so names and units are defined once. It reads nothing and depends on
 * nothing else of Backstop.
 */
package backstop.analysis.metrics;
