/**
 * {@link ScriptedCrash}: a crash fed straight to the protocol from a {@link CrashSpec}, without the model's world or
 * agents: a scripted oracle path, with leveraged accounts, one re-quoting maker and, where the design waits for
 * keepers, one mechanical keeper, all acting by {@code Tx}. It compares designs on identical inputs and depends only
 * on the protocol and on {@code results} for its summary.
 */
package backstop.experiments.crash;
