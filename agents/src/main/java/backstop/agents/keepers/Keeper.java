package backstop.agents.keepers;

import backstop.model.spec.Check;
import backstop.agents.AccountAgent;
import backstop.agents.AgentClass;
import backstop.model.chain.GasMarket;
import backstop.model.world.World;
import backstop.protocol.Protocol;
import backstop.protocol.book.Side;
import backstop.protocol.liquidation.Auction;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

/**
 * Liquidator / keeper (DESIGN.md §5): where the design lets keepers liquidate, it watches the protocol's public
 * list of liquidatable accounts and calls {@code Liquidate} when the reward it expects — its believed reward
 * rate times the account's notional — exceeds the gas it would pay, bidding a share of the expected profit as
 * priority fee against other keepers. When gas spikes or positions are small it stands down (Black
 * Thursday); losers of a gas auction still pay gas for their failed calls. Where liquidations are Dutch
 * auctions (Maker), it buys a lot once the auction price is {@code auctionDiscount} through the oracle and
 * the discount pays for the gas, as much as its margin allows, and unwinds that inventory into the book at
 * its next wake — carrying the price risk in between.
 */
public final class Keeper extends AccountAgent {
    /** Behaviour of one keeper; the reward rate is a fraction of notional, gas in units. */
    public record Params(double capital, double rewardRate, double bidShare, double minProfit, long gasPerCall,
                         int maxCallsPerBlock, double wakeSeconds, double latency, double auctionDiscount) {
        public Params {
            Check.nonNegative("reward_rate", rewardRate);
            Check.fraction("bid_share", bidShare);
            Check.atLeast("gas_per_call", gasPerCall, 1);
            Check.atLeast("max_calls_per_block", maxCallsPerBlock, 1);
            Check.fraction("auction_discount", auctionDiscount);
            if (!Double.isFinite(minProfit)) {
                throw new IllegalArgumentException("min_profit: must be a finite number, got " + minProfit);
            }
        }
    }

    private final Params p;
    private long calls;
    private long stoodDown;
    private long takes;

    public Keeper(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        wakeEvery(params.wakeSeconds(), rng.nextDouble());
    }

    @Override
    public AgentClass agentClass() {
        return AgentClass.LIQUIDATOR;
    }

    @Override
    public void act(World world) {
        Protocol protocol = world.protocol();
        unwindInventory(world);
        if (p.auctionDiscount() > 0 && protocol.config().liquidation() instanceof DutchAuctionLiquidation auctions) {
            takeBargains(world, auctions);
        }
        if (!protocol.config().liquidation().keeperTriggered()) {
            return;
        }
        GasMarket gas = world.gas();
        double nativePrice = world.spec().chain().nativePrice();
        double baseCost = gas.cost(p.gasPerCall(), 0, nativePrice);
        int sent = 0;
        for (int target : protocol.risk().liquidatableAccounts()) {
            if (sent == p.maxCallsPerBlock()) {
                break;
            }
            double profit = p.rewardRate() * notional(world, target) - baseCost;
            if (profit < p.minProfit()) {
                stoodDown++;
                continue;
            }
            double feeGwei = p.bidShare() * profit / (p.gasPerCall() * 1e-9 * nativePrice);
            send(world, new Tx.Liquidate(account(), target), feeGwei, p.gasPerCall(), null);
            calls++;
            sent++;
        }
    }

    /** Closes whatever it bought at auction with reduce-only market orders. */
    private void unwindInventory(World world) {
        Protocol protocol = world.protocol();
        for (long mask = protocol.accounts().positionMask(account()); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long size = protocol.accounts().size(account(), m);
            submit(world, Tx.PlaceOrder.close(account(), m, size > 0 ? Side.SELL : Side.BUY, Math.abs(size)));
        }
    }

    /** Buys auction lots trading {@code auctionDiscount} through the oracle when the discount covers gas. */
    private void takeBargains(World world, DutchAuctionLiquidation auctions) {
        double nativePrice = world.spec().chain().nativePrice();
        for (Auction a : auctions.auctions()) {
            var spec = world.protocol().market(a.market()).spec();
            double price = spec.price(auctions.takePrice(a.id(), (long) world.now()));
            double oracle = oracle(world, a.market());
            double discount = a.side() > 0 ? 1 - price / oracle : price / oracle - 1;
            if (discount < p.auctionDiscount() || a.lots() == 0) {
                continue;
            }
            double free = world.protocol().risk(account()).freeCollateral() / 1e6;
            double imf = world.protocol().margin().model().initialPpm(world.protocol().market(a.market()), 0) / 1e6;
            long lots = Math.min(a.lots(), lotsFor(world, a.market(), 0.9 * free / Math.max(imf, 1e-6), oracle));
            double profit = discount * oracle * spec.base(lots) - world.gas().cost(p.gasPerCall(), 0, nativePrice);
            if (lots > 0 && profit > p.minProfit()) {
                send(world, new Tx.TakeAuction(account(), a.id(), lots, spec.ticks(price)), 0, p.gasPerCall(), null);
                takes++;
            }
        }
    }

    /** Auction lots it bid for. */
    public long takes() {
        return takes;
    }

    /** Absolute notional of the target's positions at oracle prices, quote units. */
    private static double notional(World world, int target) {
        Protocol protocol = world.protocol();
        double total = 0;
        for (long mask = protocol.accounts().positionMask(target); mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            var spec = protocol.market(m).spec();
            total += Math.abs(spec.base(protocol.accounts().size(target, m))) * oracle(world, m);
        }
        return total;
    }

    /** Liquidation calls sent. */
    public long calls() {
        return calls;
    }

    /** Liquidatable accounts passed over because the expected profit did not cover gas. */
    public long stoodDown() {
        return stoodDown;
    }
}
