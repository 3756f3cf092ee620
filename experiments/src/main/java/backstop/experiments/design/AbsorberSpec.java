package backstop.experiments.design;

import backstop.protocol.waterfall.InsuranceFundAbsorber;
import backstop.protocol.waterfall.LossAbsorber;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One step of a design's loss waterfall, chosen by {@code type}; the list order is the waterfall order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AbsorberSpec.InsuranceFund.class, name = "insurance-fund"),
})
public sealed interface AbsorberSpec {
    /** A fresh absorber for one protocol instance. */
    LossAbsorber build(long seed);

    /** The insurance fund pays what it holds. */
    record InsuranceFund() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new InsuranceFundAbsorber();
        }
    }
}
