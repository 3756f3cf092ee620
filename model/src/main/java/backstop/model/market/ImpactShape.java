package backstop.model.market;

/** How traded notional moves the external price: in proportion to it, or to its square root. */
public enum ImpactShape {
    /** Δ log-price = k · notional / depth. */
    LINEAR,
    /** Δ log-price = k · sign · √(|notional| / depth): the square-root law of market impact. */
    SQUARE_ROOT
}
