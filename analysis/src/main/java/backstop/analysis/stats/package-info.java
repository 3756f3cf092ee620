/**
 * Statistics over runs: t and bootstrap intervals, type-7 quantiles, paired comparisons on common seeds.
 * Plain arrays in, records out; no file formats and no AWT here.
 */
package backstop.analysis.stats;
