/**
 * Stylized facts of simulated price paths (fat tails, volatility clustering, mark–index tracking) to check
 * a scenario against the historical facts of MECHANISMS.md §9. Pure arithmetic on columns; no AWT.
 */
package backstop.analysis.facts;
