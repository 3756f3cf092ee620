/**
 * JFreeChart charts of results, rendered headless to PNG bytes. The only package of Backstop below the GUI
 * allowed to use java.awt (LayeringTest); it never uses Swing and never opens a window.
 */
package backstop.analysis.charts;
