/**
 * Hyperliquid's auto-deleveraging of 10 October 2025 as a deterministic replay (issue 14, study 2; MECHANISMS.md §2,
 * §10 [S28][S30]): {@link OctoberWaves} holds the 16 ADL waves of Chitra et al.'s public data, {@link OctoberBook}
 * builds an Oct-10-like book for each wave (one thin alt, winners with the data's equity-to-PnL ratios, losers whose
 * deficits are the wave's needed haircut), {@link AdlWaveReplay} runs each wave through a real loss waterfall of the
 * protocol and measures the winners' haircut by the paper's two-pass definition, and {@link AdlHaircutMeter} declares
 * and reports the study's summary metrics. Depends only on the protocol.
 */
package backstop.experiments.study.adl;
