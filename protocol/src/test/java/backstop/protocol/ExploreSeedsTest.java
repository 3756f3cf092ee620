package backstop.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The -Pexplore switch: what each property runs with, for each setting of the two system properties. */
class ExploreSeedsTest {
    private static final ExploreSeeds.Settings UNCHANGED = new ExploreSeeds.Settings(false, null, null);

    @Test
    void withNeitherSettingThePinnedSeedAndWrittenTriesHold() {
        assertEquals(UNCHANGED, ExploreSeeds.decide(Seeds.PINNED, 300, "", ""));
    }

    @Test
    void randomDropsThePinnedSeedAndTheFactorMultipliesTheWrittenTries() {
        assertEquals(new ExploreSeeds.Settings(true, null, 3000), ExploreSeeds.decide(Seeds.PINNED, 300, "random", "10"));
    }

    @Test
    void aGivenSeedReplaysAndTriesWithoutAWrittenCountStartFromJqwiksThousand() {
        assertEquals(new ExploreSeeds.Settings(false, "-25517", 10_000), ExploreSeeds.decide(null, null, " -25517 ", "10"));
    }

    @Test
    void aPropertyPinnedOnAnotherSeedOnPurposeKeepsIt() {
        assertEquals(UNCHANGED, ExploreSeeds.decide("42", 50, "random", ""));
    }

    @Test
    void badValuesFailWithTheirName() {
        assertEquals("backstop.jqwik.seed: abc must be 'random' or a long", assertThrows(IllegalArgumentException.class,
                () -> ExploreSeeds.decide(Seeds.PINNED, 1, "abc", "")).getMessage());
        assertEquals("backstop.jqwik.triesFactor: 0 must be an integer ≥ 1", assertThrows(IllegalArgumentException.class,
                () -> ExploreSeeds.decide(Seeds.PINNED, 1, "", "0")).getMessage());
    }
}
