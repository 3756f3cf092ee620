package backstop.protocol;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExploreSeedsTest {
    @Test
    void withNeitherSettingThePinnedSeedAndWrittenTriesHold() {
        Attributes a = new Attributes(Seeds.PINNED, 300);
        ExploreSeeds.apply(a, "", "");
        assertEquals(Optional.of(Seeds.PINNED), a.seed());
        assertEquals(Optional.of(300), a.tries());
        assertEquals(Optional.empty(), a.afterFailure());
    }

    @Test
    void randomDropsThePinnedSeedAndNeverRetriesAnOldFailure() {
        Attributes a = new Attributes(Seeds.PINNED, 300);
        ExploreSeeds.apply(a, "random", "10");
        assertEquals(Optional.empty(), a.seed());
        assertEquals(Optional.of(AfterFailureMode.RANDOM_SEED), a.afterFailure());
        assertEquals(Optional.of(3000), a.tries());
    }

    @Test
    void aGivenSeedReplaysAndTriesWithoutAWrittenCountStartFromJqwiksThousand() {
        Attributes a = new Attributes(null, null);
        ExploreSeeds.apply(a, " -25517 ", "10");
        assertEquals(Optional.of("-25517"), a.seed());
        assertEquals(Optional.of(10_000), a.tries());
    }

    @Test
    void aPropertyPinnedOnAnotherSeedOnPurposeKeepsIt() {
        Attributes a = new Attributes("42", 50);
        ExploreSeeds.apply(a, "random", "");
        assertEquals(Optional.of("42"), a.seed());
    }

    @Test
    void badValuesFailWithTheirName() {
        assertEquals("backstop.jqwik.seed: abc must be 'random' or a long", assertThrows(IllegalArgumentException.class,
                () -> ExploreSeeds.apply(new Attributes(Seeds.PINNED, 1), "abc", "")).getMessage());
        assertEquals("backstop.jqwik.triesFactor: 0 must be an integer ≥ 1", assertThrows(IllegalArgumentException.class,
                () -> ExploreSeeds.apply(new Attributes(Seeds.PINNED, 1), "", "0")).getMessage());
    }

    /** The attributes ExploreSeeds reads and writes; the rest are not its business. */
    private static final class Attributes implements PropertyAttributes {
        private String seed;
        private Integer tries;
        private AfterFailureMode afterFailure;

        Attributes(String seed, Integer tries) {
            this.seed = seed;
            this.tries = tries;
        }

        @Override public Optional<Integer> tries() { return Optional.ofNullable(tries); }
        @Override public Optional<String> seed() { return Optional.ofNullable(seed); }
        @Override public Optional<AfterFailureMode> afterFailure() { return Optional.ofNullable(afterFailure); }
        @Override public void setTries(Integer tries) { this.tries = tries; }
        @Override public void setSeed(String seed) { this.seed = seed; }
        @Override public void setAfterFailure(AfterFailureMode afterFailure) { this.afterFailure = afterFailure; }
        @Override public Optional<Integer> maxDiscardRatio() { throw new UnsupportedOperationException(); }
        @Override public Optional<ShrinkingMode> shrinking() { throw new UnsupportedOperationException(); }
        @Override public Optional<GenerationMode> generation() { throw new UnsupportedOperationException(); }
        @Override public Optional<EdgeCasesMode> edgeCases() { throw new UnsupportedOperationException(); }
        @Override public Optional<String> stereotype() { throw new UnsupportedOperationException(); }
        @Override public Optional<FixedSeedMode> whenFixedSeed() { throw new UnsupportedOperationException(); }
        @Override public void setMaxDiscardRatio(Integer maxDiscardRatio) { throw new UnsupportedOperationException(); }
        @Override public void setShrinking(ShrinkingMode shrinking) { throw new UnsupportedOperationException(); }
        @Override public void setGeneration(GenerationMode generation) { throw new UnsupportedOperationException(); }
        @Override public void setEdgeCases(EdgeCasesMode edgeCases) { throw new UnsupportedOperationException(); }
        @Override public void setStereotype(String stereotype) { throw new UnsupportedOperationException(); }
        @Override public void setWhenFixedSeed(FixedSeedMode whenFixedSeed) { throw new UnsupportedOperationException(); }
    }
}
