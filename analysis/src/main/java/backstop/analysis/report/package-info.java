/**
 * Self-contained HTML reports (charts inlined as base64) for a run or a sweep folder, written through
 * temporary files. Gets its images as PNG bytes from {@code charts}; touches no AWT itself.
 */
package backstop.analysis.report;
