package backstop.experiments.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names one variant of a sealed config type — one mechanism — on the record that configures it: the {@code type} a
 * file selects it by, one line on what it is, and an example of its keys. The variants of a sealed interface are its
 * permitted records that carry this annotation ({@link Variants#of}); {@link ConfigBinder} binds them by this name,
 * {@link ConfigLint} refuses any other name listing these, and {@link ConfigReference} prints the summary, so a
 * mechanism is registered by writing its record in its kind's sealed interface and nowhere else.
 *
 * <p>A sealed interface with {@code @JsonTypeInfo} is written as a mapping with a {@code type} key; one without is
 * written as a bare name ({@code ranking: HYPERLIQUID}), matched ignoring case with {@code _} for {@code -}, and its
 * records take no keys.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Mechanism {
    /** The name files select it by: lower case words joined by {@code -} ({@code vault-takeover}). */
    String name();

    /** What it does, in one line written for someone choosing between the variants. */
    String summary();

    /**
     * Its keys with typical values, as a YAML flow mapping without {@code type} ({@code "{tolerance: 0.5,
     * reset_seconds: 0}"}); empty for a variant without keys. Tests bind and build every example.
     */
    String example() default "";

    /**
     * The name the protocol object it builds goes by in events, when that is not {@link #name}: a template in which
     * {@code {key}} stands for what the value of that key is called — the built name of the mechanism there, or the
     * text there ({@code "partial-{rule}"}, {@code "scaled({base})"}, {@code "{name}"}). Empty: the built object is
     * called {@link #name}. Tests check every mechanism's built name against it.
     */
    String builtName() default "";
}
