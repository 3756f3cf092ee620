/**
 * Reads result folders (files only — it never needs the simulator), computes statistics, cascade and
 * stylized-fact analyses, solves empirical games ({@code game}), and draws charts and reports. Depends on nothing
 * else of Backstop; only {@code backstop.analysis.charts} may use AWT, for rendering PNG images headless.
 */
package backstop.analysis;
