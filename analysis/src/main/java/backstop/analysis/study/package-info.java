/**
 * A reproduction study's folder read back (README, "Validation: reproduction studies"): {@code reproduction.csv}'s rows
 * and {@code study.json}'s title and sweeps, for the study report and for notebooks. Reads files only.
 */
package backstop.analysis.study;
