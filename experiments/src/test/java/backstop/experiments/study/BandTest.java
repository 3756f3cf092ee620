package backstop.experiments.study;

import backstop.experiments.config.ConfigException;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each band type judges the simulated mean as a paper states its result, and a bad band is refused naming its key. */
class BandTest {
    private static Band band(String type, Double min, Double max, Double factor, String sign, List<String> order,
                             double published) {
        return Band.of(new StudySpec.BandSpec(type, min, max, factor, sign, order), DoubleNode.valueOf(published), "f.band");
    }

    @Test
    void rangeBoundsTheMeanOnEitherOrBothSides() {
        Band both = band("range", 0.2, 0.6, null, null, null, 0.36);
        assertTrue(both.inside(0.2));
        assertTrue(both.inside(0.6));
        assertFalse(both.inside(0.61));
        assertFalse(both.inside(Double.NaN), "an undefined mean is never inside");
        assertEquals("[0.2, 0.6]", both.text());
        Band upper = band("range", null, 0.5, null, null, null, 0.1);
        assertTrue(upper.inside(-3));
        assertEquals("[−∞, 0.5]", upper.text());
    }

    @Test
    void orderOfMagnitudeIsAFactorEitherWayOfThePublishedValue() {
        Band ten = band("order-of-magnitude", null, null, null, null, null, 5.67e6);
        assertTrue(ten.inside(5.67e5));
        assertTrue(ten.inside(5.67e7));
        assertFalse(ten.inside(5.6e5));
        assertFalse(ten.inside(-5.67e6), "the wrong sign is not the same order of magnitude");
        Band three = band("order-of-magnitude", null, null, 3.0, null, null, 4);
        assertTrue(three.inside(12));
        assertFalse(three.inside(12.1));
    }

    @Test
    void ratioBoundsSimulatedOverPublished() {
        Band r = band("ratio", 0.5, 2.0, null, null, null, 4.0);
        assertTrue(r.inside(2));
        assertTrue(r.inside(8));
        assertFalse(r.inside(8.5));
        assertEquals("simulated ÷ 4 in [0.5, 2]", r.text());
    }

    @Test
    void signIsStrict() {
        Band pos = band("sign", null, null, null, "positive", null, 0);
        assertTrue(pos.inside(1e-9));
        assertFalse(pos.inside(0));
        assertTrue(band("sign", null, null, null, "negative", null, 0).inside(-2));
    }

    @Test
    void rankingNeedsTheMeansStrictlyAscendingInItsOrder() {
        Band.Ranking r = (Band.Ranking) band("ranking", null, null, null, null, List.of("a", "b", "c"), 0);
        assertTrue(r.insideRanking(Map.of("a", 1.0, "b", 2.0, "c", 3.0)));
        assertFalse(r.insideRanking(Map.of("a", 1.0, "b", 3.0, "c", 2.0)));
        assertFalse(r.insideRanking(Map.of("a", 1.0, "b", 1.0, "c", 2.0)), "a tie is not a ranking");
        assertFalse(r.insideRanking(Map.of("a", Double.NaN, "b", 1.0, "c", 2.0)));
        assertEquals("a < b < c", r.text());
    }

    @Test
    void badBandsAreRefusedNamingTheKeyAndTheValue() {
        assertEquals("f.band.type: unknown band type 'between' (known: range, order-of-magnitude, ratio, sign, ranking)",
                assertThrows(ConfigException.class, () -> band("between", 0.0, 1.0, null, null, null, 1)).getMessage());
        assertEquals("f.band.sign: must be positive or negative, got 'up'",
                assertThrows(ConfigException.class, () -> band("sign", null, null, null, "up", null, 1)).getMessage());
        assertEquals("f.band.min: 2 is above max 1",
                assertThrows(ConfigException.class, () -> band("range", 2.0, 1.0, null, null, null, 1)).getMessage());
        assertEquals("f.band.factor: a range band takes only min, max, got factor = 3.0",
                assertThrows(ConfigException.class, () -> band("range", 0.0, 1.0, 3.0, null, null, 1)).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> Band.of(new StudySpec.BandSpec("ratio", 0.5, 2.0, null, null,
                null), TextNode.valueOf("about 4"), "f.band")).getMessage().contains("must be a non-zero number, got \"about 4\""));
    }
}
