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
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.tx.Tx;
import ec.util.MersenneTwisterFast;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Liquidator / keeper (DESIGN.md §5): where the design lets keepers liquidate, it watches the protocol's public
 * list of liquidatable accounts and calls {@code Liquidate} when the reward it expects exceeds the gas it would pay,
 * bidding a share of the expected profit as priority fee against other keepers. The reward is the design's real
 * one ({@link Protocol#keeperReward}, read from the policy's public parameters), weighted by the keeper's own
 * observed win rate: a call that the protocol refuses, that another keeper beat, or that changed nothing
 * ({@code NO_EFFECT}: Maker's Hole full, an empty book) counts as lost, with a prior of one win in two calls. When
 * gas spikes, positions are small or its calls keep losing, it stands down (Black Thursday), sending one probe call
 * every {@link #PROBE_EVERY} passed-over accounts so it notices when calls pay again; and it never sends a call
 * whose gas it could not pay from its account's value net of the gas it already paid. Losers of a gas auction
 * still pay gas for their failed calls. The scenario's {@code reward_rate} is what the keeper believed before the
 * design's reward could be read; it no longer enters the decision. Where liquidations are Dutch
 * auctions (Maker), it buys a lot once the auction price is {@code auctionDiscount} through the oracle and
 * the discount, weighted by its own observed share of takes that bought something (same prior), pays for the gas, as
 * much as its margin allows, with one take per auction in flight; and unwinds that inventory into the book at its
 * next wake, one close per market in flight — carrying the price risk in between. With a wait, it is a late cleaner:
 * it calls an account only once the account has been liquidatable for {@code waitSeconds} by its own observation,
 * taking what faster keepers left. Where liquidations are English auctions (Maker LIQ-1.2 flips) and it has a
 * {@code flipDiscount} d, it bids on every open auction it is not winning ({@link FlipBidding}): in tend as much as
 * the lot is worth to it less d, and no more than the cash it has free (its bids lock DAI until outbid), if that still
 * beats the minimum increment; in dent the tab for the fewest lots the rule allows, if they are worth the tab after d;
 * always only when the lot's value less the bid covers the gas by {@code minProfit}, bidding a share of that profit as
 * priority fee. With its cash locked in bids it can bid only little — the zero bids of Black Thursday.
 */
public final class Keeper extends AccountAgent {
    /** Behaviour of one keeper; the reward rate is a fraction of notional, gas in units. */
    public record Params(double capital, double rewardRate, double bidShare, double minProfit, long gasPerCall,
                         int maxCallsPerBlock, double wakeSeconds, double latency, double auctionDiscount,
                         double waitSeconds, double flipDiscount) {
        public Params {
            Check.fraction("flip_discount", flipDiscount);
            Check.nonNegative("reward_rate", rewardRate);
            Check.fraction("bid_share", bidShare);
            Check.atLeast("gas_per_call", gasPerCall, 1);
            Check.atLeast("max_calls_per_block", maxCallsPerBlock, 0); // 0: a keeper that sends no liquidation call
            Check.fraction("auction_discount", auctionDiscount);
            Check.nonNegative("wait_seconds", waitSeconds);
            if (!Double.isFinite(minProfit)) {
                throw new IllegalArgumentException("min_profit: must be a finite number, got " + minProfit);
            }
        }
    }

    /** One probe call per this many liquidatable accounts passed over for a negative expected profit. */
    public static final int PROBE_EVERY = 50;

    private final Params p;
    private long calls;
    private long won;
    private long lost;
    private long stoodDown;
    private double rewardCalled;
    private double rewardPassed;
    private long takes;
    private long takesWon;
    private long takesLost;
    private final Set<Long> takesPending = new HashSet<>();
    /** Initial margin its takes in flight will use, quote units: new takes are sized against what is left. */
    private double marginInFlight;
    private long unwindsPending;
    /** With a wait: when each account now liquidatable was first seen so (seconds), the others forgotten. */
    private final Map<Integer, Double> liquidatableSince = new HashMap<>();
    private final FlipBidding flipBidding;

    public Keeper(int id, String population, Params params, MersenneTwisterFast rng) {
        super(id, population, params.latency(), params.capital());
        this.p = params;
        this.flipBidding = params.flipDiscount() > 0 ? new FlipBidding(this, params) : null;
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
        if (flipBidding != null && protocol.config().liquidation() instanceof FlipAuctionLiquidation flips) {
            flipBidding.bid(world, flips);
        }
        if (!protocol.config().liquidation().keeperTriggered()) {
            return;
        }
        GasMarket gas = world.gas();
        double nativePrice = world.spec().chain().nativePrice();
        double baseCost = gas.cost(p.gasPerCall(), 0, nativePrice);
        int sent = 0;
        int[] liquidatable = protocol.risk().liquidatableAccounts();
        if (p.waitSeconds() > 0) {
            Set<Integer> now = new HashSet<>();
            for (int a : liquidatable) {
                now.add(a);
            }
            liquidatableSince.keySet().retainAll(now);
        }
        for (int target : liquidatable) {
            if (sent == p.maxCallsPerBlock()) {
                break;
            }
            if (p.waitSeconds() > 0 && world.now() - liquidatableSince.computeIfAbsent(target, t -> world.now()) < p.waitSeconds()) {
                continue; // a late cleaner leaves it to faster keepers for now
            }
            double reward = protocol.keeperReward(target).estimate(Math.round(notional(world, target) * 1e6),
                    protocol.risk(target).value()) / 1e6;
            if (reward <= 0 && flipBidding != null && protocol.config().liquidation() instanceof FlipAuctionLiquidation flips) {
                reward = flipBidding.biteValue(world, flips, target); // Cat paid nothing: the keeper bites to bid
            }
            if (reward <= 0) {
                continue; // a call that would earn nothing (or change nothing) is no opportunity
            }
            double profit = winRate() * reward - baseCost;
            boolean probe = false;
            if (profit < p.minProfit()) {
                stoodDown++;
                probe = reward > baseCost && stoodDown % PROBE_EVERY == 0;
                if (!probe) {
                    rewardPassed += reward;
                    continue;
                }
            }
            double feeGwei = probe ? 0 : p.bidShare() * profit / (p.gasPerCall() * 1e-9 * nativePrice);
            if (!send(world, new Tx.Liquidate(account(), target), feeGwei, p.gasPerCall(), r -> {
                if (r.ok()) {
                    won++;
                } else {
                    lost++;
                }
            })) {
                break; // it cannot pay for the call
            }
            calls++;
            rewardCalled += reward;
            sent++;
        }
    }

    /** Closes whatever it bought at auction with reduce-only market orders. */
    private void unwindInventory(World world) {
        Protocol protocol = world.protocol();
        for (long mask = protocol.accounts().positionMask(account()) & ~unwindsPending; mask != 0; mask &= mask - 1) {
            int m = Long.numberOfTrailingZeros(mask);
            long size = protocol.accounts().size(account(), m);
            long bit = 1L << m;
            if (send(world, Tx.PlaceOrder.close(account(), m, size > 0 ? Side.SELL : Side.BUY, Math.abs(size)), 0,
                    ORDER_GAS, r -> unwindsPending &= ~bit)) {
                unwindsPending |= bit;
            }
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
            if (discount < p.auctionDiscount() || a.lots() == 0 || takesPending.contains(a.id())) {
                continue;
            }
            double free = world.protocol().risk(account()).freeCollateral() / 1e6 - marginInFlight;
            double imf = world.protocol().margin().model().initialPpm(world.protocol().market(a.market()), 0) / 1e6;
            long lots = Math.min(a.lots(), lotsFor(world, a.market(), 0.9 * free / Math.max(imf, 1e-6), oracle));
            double margin = imf * oracle * spec.base(lots);
            double profit = takeWinRate() * discount * oracle * spec.base(lots)
                    - world.gas().cost(p.gasPerCall(), 0, nativePrice);
            long auction = a.id();
            if (lots > 0 && profit > p.minProfit()
                    && send(world, new Tx.TakeAuction(account(), auction, lots, spec.ticks(price)), 0, p.gasPerCall(), r -> {
                        takesPending.remove(auction);
                        marginInFlight = Math.max(0, marginInFlight - margin);
                        if (r.ok()) {
                            takesWon++;
                        } else {
                            takesLost++;
                        }
                    })) {
                takesPending.add(auction);
                marginInFlight += margin;
                takes++;
            }
        }
    }

    /** Sends one flip bid for the flip bidding (the agent's own {@code send}, with its gas budget and reserve). */
    boolean sendBid(World world, Tx.BidAuction tx, double feeGwei, java.util.function.Consumer<backstop.protocol.tx.TxReceipt> done) {
        return send(world, tx, feeGwei, p.gasPerCall(), done);
    }

    /** Flip bids it sent (0 without a flip discount). */
    public long flipBids() {
        return flipBidding == null ? 0 : flipBidding.sent();
    }

    /** Auction takes it sent. */
    public long takes() {
        return takes;
    }

    /** The observed share of its auction takes that bought something, with a prior of one in two. */
    public double takeWinRate() {
        return (takesWon + 1.0) / (takesWon + takesLost + 2.0);
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

    /** The observed share of its calls that liquidated something, with a prior of one win in two calls. */
    public double winRate() {
        return (won + 1.0) / (won + lost + 2.0);
    }

    /** Liquidation calls that did something. */
    public long won() {
        return won;
    }

    /** Liquidation calls refused, beaten or without effect. */
    public long lost() {
        return lost;
    }

    /** Liquidation calls sent. */
    public long calls() {
        return calls;
    }

    /** The design's reward on the accounts it called, summed over calls (quote units). */
    public double rewardCalled() {
        return rewardCalled;
    }

    /** The design's reward on the accounts it passed over for gas, summed over wakes (quote units). */
    public double rewardPassed() {
        return rewardPassed;
    }

    /** Liquidatable accounts with a reward passed over because the expected profit did not cover gas. */
    public long stoodDown() {
        return stoodDown;
    }
}
