/**
 * Liquidation cascades rebuilt from a run's events file (events.jsonl.gz or events.jsonl; level full or losses)
 * alone, by the simulator's cause-link rule, so a results folder can be re-analysed without the simulator. Reads JSON events; no AWT, nothing of the simulator.
 */
package backstop.analysis.cascade;
