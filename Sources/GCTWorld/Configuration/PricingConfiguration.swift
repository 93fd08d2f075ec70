import GCTEconomics

/// How executions are priced (`pricing:` in a scenario).
public struct PricingConfiguration: Hashable, Sendable {
    /// How a price is set.
    public enum Mode: String, CaseIterable, Hashable, Sendable {
        /// PRD-010's `calculate_compute_cost` with market factors.
        case dynamic
        /// Every execution costs `fixedPrice` (for queueing validation against closed forms).
        case fixed
    }

    /// Which market multiplier the dynamic price uses.
    public enum MarketMultiplier: String, CaseIterable, Hashable, Sendable {
        /// The evident intent of the spec (see the pricing rows of docs/departures-from-spec.md).
        case fixed
        /// The spec's formula exactly as written.
        case literal
    }

    /// How a payment turns into a queue priority.
    public enum QueuePriority: String, CaseIterable, Hashable, Sendable {
        /// As PRD-010 writes it.
        case spec
        /// Priority grows with the square root of the payment.
        case sqrt
        /// Priority grows with the logarithm of the payment.
        case log
    }

    public var mode: Mode
    /// The lambda price update (departure P2): `load` (default) or `literal`.
    public var lambdaUpdate: PriceUpdateRule = .load
    public var marketMultiplier: MarketMultiplier
    public var queuePriority: QueuePriority
    /// The price of every execution when `mode == .fixed` (required then, ignored otherwise).
    public var fixedPrice: TokenAmount?

    public init(
        mode: Mode = .dynamic, marketMultiplier: MarketMultiplier = .fixed,
        queuePriority: QueuePriority = .spec, fixedPrice: TokenAmount? = nil
    ) {
        self.mode = mode
        self.marketMultiplier = marketMultiplier
        self.queuePriority = queuePriority
        self.fixedPrice = fixedPrice
    }
}
