/**
 * Reproduction studies (README, "Validation: reproduction studies"): a study file names sweeps and the published
 * figures they should reproduce, each with how its simulated counterpart is computed from the result files (a summary
 * metric or a registered {@link backstop.experiments.study.Measure}) and a band in the form a paper states it. A sweep
 * is an agent world's or a registered {@link backstop.experiments.study.Replay}'s ({@code study.adl}'s, which knows
 * nothing of this package). Builds on the sweep package and the analysis module's readers; nothing here is imported by
 * the simulator.
 */
package backstop.experiments.study;
