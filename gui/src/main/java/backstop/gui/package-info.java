/**
 * The MASON Swing front end, the only module that uses Swing: {@link backstop.gui.BackstopWithUI} reads a
 * {@code backstop.model.sim.BackstopModel} and draws it (account map, order-book ladder, live charts, cascades). Apart from the
 * {@link backstop.gui.Interventions}, applied between blocks and logged, nothing here changes how the model runs;
 * without them a GUI run replays {@code backstop run} exactly.
 */
package backstop.gui;
