/**
 * The MASON Swing front end: {@link backstop.gui.BackstopWithUI} reads a {@code BackstopModel} and draws it
 * (account map, order-book ladder, live charts, cascades) and offers the few mid-run interventions. Nothing
 * here changes how the model runs; without interventions a GUI run replays {@code backstop run} exactly.
 */
package backstop.gui;
