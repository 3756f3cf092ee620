package backstop.experiments.design;

import backstop.protocol.margin.MarginModel;
import backstop.protocol.margin.OiScaledMargin;
import backstop.protocol.margin.TieredMargin;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The margin model of a design, chosen by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MarginSpec.Tiered.class, name = "tiered"),
        @JsonSubTypes.Type(value = MarginSpec.OiScaled.class, name = "oi-scaled"),
})
public sealed interface MarginSpec {
    /** A fresh model for one protocol instance. */
    MarginModel build();

    /** Each market's own size tiers (a single tier is fixed margin). */
    record Tiered() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new TieredMargin();
        }
    }

    /** dYdX: tiers, with initial margin scaled up by open interest between each market's caps. */
    record OiScaled() implements MarginSpec {
        @Override
        public MarginModel build() {
            return new OiScaledMargin(new TieredMargin());
        }
    }
}
