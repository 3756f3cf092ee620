package backstop.model.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documentation of one configuration key, on the record component it binds to: what it means, its unit, the
 * range of values it takes and what an absent key means. {@code backstop reference} prints it for every key, and
 * config validation refuses a number outside {@link #range} (for a list of numbers: any element outside it), so
 * the range a reader is told is the range that is enforced. On a record type it describes a {@code type} variant.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {
    /** What the key means: one sentence, written for someone editing a file. */
    String value();

    /** The unit of a number: "quote units", "seconds", "fraction", "ppm", "lots", "gwei", "×" (a multiple)... */
    String unit() default "";

    /**
     * The values a number may take, as an interval {@code [lo, hi]} with {@code (} or {@code )} for an open end
     * and {@code ∞} for none ({@code "[0, 1]"}, {@code "(0, ∞)"}, {@code "[1, ∞)"}); empty: not checked here.
     * See {@link Range}.
     */
    String range() default "";

    /** What an absent key means (a default value, or "required"); empty: read from the defaults file, if any. */
    String absent() default "";
}
