package backstop.model.world;

import backstop.model.chain.GasMarket;
import backstop.model.market.ExternalMarket;
import backstop.model.price.ExogenousPrices;
import backstop.model.price.PriceProcess;
import ec.util.MersenneTwisterFast;

import java.util.ArrayList;
import java.util.List;

/**
 * What moves by itself, and phase 1 of a block: the exogenous prices, the external venues that follow them (each
 * asset's main venue and the thin venues its oracle sources may read), and the scenario's episodes of gas spikes and
 * liquidity withdrawal.
 */
final class Environment {
    private final WorldSpec spec;
    private final GasMarket gas;
    private final ExogenousPrices prices;
    private final List<ExternalMarket> venues = new ArrayList<>();
    private final List<List<ExternalMarket>> thinVenues = new ArrayList<>();
    private final List<List<ExternalMarket>> sourceVenues = new ArrayList<>();

    /**
     * @param gas the gas market the episodes spike
     * @param rng the {@code environment} stream, which drives the exogenous prices
     */
    Environment(WorldSpec spec, GasMarket gas, MersenneTwisterFast rng) {
        this.spec = spec;
        this.gas = gas;
        List<PriceProcess> processes = new ArrayList<>();
        double[] initial = new double[spec.assets().size()];
        for (int i = 0; i < initial.length; i++) {
            WorldSpec.Asset a = spec.assets().get(i);
            processes.add(a.process().build());
            initial[i] = a.initialPrice();
            WorldSpec.External e = a.external();
            venues.add(new ExternalMarket(a.initialPrice(), e.shape(), e.coefficient(), e.depth(), e.halfLifeSeconds()));
        }
        this.prices = new ExogenousPrices(processes, spec.correlation(), initial, rng);
        for (int i = 0; i < initial.length; i++) {
            List<ExternalMarket> thin = new ArrayList<>();
            List<ExternalMarket> read = new ArrayList<>();
            ExternalMarket main = venues.get(i);
            for (WorldSpec.Source s : spec.oracle().sources()) {
                ExternalMarket venue = main;
                if (s.thinDepth() > 0) {
                    WorldSpec.External e = spec.assets().get(i).external();
                    venue = new ExternalMarket(main.reference(), e.shape(), e.coefficient(), s.thinDepth(),
                            e.halfLifeSeconds());
                    thin.add(venue);
                }
                read.add(venue);
            }
            thinVenues.add(thin);
            sourceVenues.add(read);
        }
    }

    /** Phase 1: the exogenous price moves (except at genesis), venues follow it, impact decays, episodes apply. */
    void move(long blockNumber, double now) {
        if (blockNumber > 0) {
            prices.step(spec.blockSeconds());
        }
        double gasSpike = 1;
        double depth = 1;
        for (WorldSpec.Episode e : spec.episodes()) {
            if (now >= e.start() && now < e.end()) {
                gasSpike *= e.gasSpike();
                depth *= e.depthScale();
            }
        }
        gas.setSpike(gasSpike);
        for (int i = 0; i < venues.size(); i++) {
            List<ExternalMarket> all = new ArrayList<>(thinVenues.get(i));
            all.add(venues.get(i));
            for (ExternalMarket v : all) {
                v.setReference(prices.price(i));
                v.decay(spec.blockSeconds());
                v.setDepthFactor(depth);
            }
        }
    }

    ExogenousPrices prices() {
        return prices;
    }

    ExternalMarket venue(int asset) {
        return venues.get(asset);
    }

    List<ExternalMarket> thinVenues(int asset) {
        return thinVenues.get(asset);
    }

    /** The venue each of the scenario's oracle sources reads for {@code asset}, in source order. */
    List<ExternalMarket> sourceVenues(int asset) {
        return sourceVenues.get(asset);
    }
}
