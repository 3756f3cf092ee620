/**
 * Exact integer arithmetic for quote micro-units, lots, ticks and ppm fractions ({@link Amounts}): 128-bit
 * multiply-then-divide and the rounding directions conservation relies on. A leaf package: it depends on nothing
 * but the JDK, and its doubles serve only conversions for metrics and display.
 */
package backstop.protocol.money;
