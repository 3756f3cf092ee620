package backstop.protocol;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The {@code -Pexplore} switch for every jqwik property (registered for all of them in
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}): with the system property {@value #SEED} set it
 * replaces the pinned seed ({@link Seeds#PINNED}) by a fresh one ({@code random}) or by the jqwik seed given (to
 * replay a failure), and with {@value #TRIES_FACTOR} it multiplies every property's tries. Neither set — the
 * default build — it changes nothing, so the annotations' pinned seed and tries hold. jqwik 1.9 has no
 * configuration parameter that overrides a seed written on {@code @Property}, and {@code jqwik.tries.default} only
 * applies where {@code tries} is not written, hence a hook; it edits {@link PropertyLifecycleContext#attributes()},
 * which jqwik reads when the property starts. {@code @Example}s are left alone (one try, nothing drawn).
 */
public final class ExploreSeeds implements AroundPropertyHook {
    /** System property: {@code random} for a fresh seed per property, or a jqwik seed (a long) to replay. */
    public static final String SEED = "backstop.jqwik.seed";
    /** System property: each property runs this many times its written tries (an integer ≥ 1). */
    public static final String TRIES_FACTOR = "backstop.jqwik.triesFactor";
    /** jqwik's tries when a property writes none ({@code jqwik.tries.default}'s default). */
    private static final int JQWIK_DEFAULT_TRIES = 1000;

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (!context.targetMethod().isAnnotationPresent(Example.class)) {
            apply(context.attributes(), System.getProperty(SEED, ""), System.getProperty(TRIES_FACTOR, ""));
        }
        return property.execute();
    }

    /** Applies the two settings (empty: unset) to one property's attributes; bad values fail with their name. */
    static void apply(PropertyAttributes attributes, String seed, String triesFactor) {
        Settings s = decide(attributes.seed().orElse(null), attributes.tries().orElse(null), seed, triesFactor);
        if (s.freshSeed()) {
            attributes.setSeed(null);
            // Fresh means fresh: a failure recorded in target/.jqwik-database is not retried with its old seed.
            attributes.setAfterFailure(AfterFailureMode.RANDOM_SEED);
        } else if (s.seed() != null) {
            attributes.setSeed(s.seed());
        }
        if (s.tries() != null) {
            attributes.setTries(s.tries());
        }
    }

    /**
     * What one property runs with: a fresh seed, a seed to set (null: keep the written one) and tries to set (null:
     * keep), from its written seed and tries (null: none written) and the two system properties (empty: unset).
     */
    record Settings(boolean freshSeed, String seed, Integer tries) {
    }

    static Settings decide(String writtenSeed, Integer writtenTries, String seed, String triesFactor) {
        String pinned = writtenSeed == null ? Seeds.PINNED : writtenSeed;
        boolean fresh = false;
        String set = null;
        // A property pinned on another seed on purpose (a regression seed) keeps it when hunting.
        if (!seed.isBlank() && pinned.equals(Seeds.PINNED)) {
            if (seed.strip().equals("random")) {
                fresh = true;
            } else {
                try {
                    set = Long.toString(Long.parseLong(seed.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(SEED + ": " + seed + " must be 'random' or a long", e);
                }
            }
        }
        Integer tries = null;
        if (!triesFactor.isBlank()) {
            int factor;
            try {
                factor = Integer.parseInt(triesFactor.strip());
            } catch (NumberFormatException e) {
                factor = 0;
            }
            if (factor < 1) {
                throw new IllegalArgumentException(TRIES_FACTOR + ": " + triesFactor + " must be an integer ≥ 1");
            }
            tries = Math.multiplyExact(writtenTries == null ? JQWIK_DEFAULT_TRIES : writtenTries, factor);
        }
        return new Settings(fresh, set, tries);
    }
}
