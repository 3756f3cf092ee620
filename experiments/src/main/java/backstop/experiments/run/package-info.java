/**
 * One run in memory: {@link WorldRun} assembles the model for a scenario, a design and a seed, runs it headless and
 * gathers a {@link backstop.experiments.results.RunResult} (summary, time series, value flows, agent and market rows). It writes no files (the
 * {@code results} and {@code cli} packages do) and adds nothing to the run beyond observers.
 */
package backstop.experiments.run;
