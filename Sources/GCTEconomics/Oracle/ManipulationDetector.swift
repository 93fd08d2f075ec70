/// A past oracle price.
public struct PricePoint: Hashable, Sendable {
    public var time: Timestamp
    /// `market_prices.gpu_hour_price`.
    public var price: TokenAmount
    public init(time: Timestamp, price: TokenAmount) {
        self.time = time
        self.price = price
    }
}

/// What `detect_price_manipulation` concluded, with its statistics.
public struct ManipulationVerdict: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable {
        /// Fewer than `minimumPoints` points in the window: not judged ("return false").
        case insufficientHistory
        /// |z| ≤ threshold.
        case withinRange
        /// |z| > threshold but validators agree (consensus ≥ 0.6): a real move.
        case corroboratedAnomaly
        /// |z| > threshold and consensus < 0.6: manipulation.
        case manipulation
    }
    public var isManipulation: Bool
    public var reason: Reason
    public var pointsInWindow: Int
    /// Mean and sample standard deviation of the window (GCT, display/statistics).
    public var mean: Double?
    public var standardDeviation: Double?
    /// `|p − mean| / std`; `+∞` when std = 0 and p ≠ mean; 0 when std = 0 and p = mean.
    public var zScore: Double?
}

/// PRD-010's `detect_price_manipulation`.
public struct ManipulationDetector: Hashable, Sendable {
    public var window: TimeSpan
    public var minimumPoints: Int
    public var zThreshold: Double
    public var consensusThreshold: Double

    /// 24 h, 10 points, z > 3, consensus < 0.6: the spec's values.
    public init(window: TimeSpan = .hours(24), minimumPoints: Int = 10, zThreshold: Double = 3.0, consensusThreshold: Double = 0.6) {
        self.window = window
        self.minimumPoints = minimumPoints
        self.zThreshold = zThreshold
        self.consensusThreshold = consensusThreshold
    }

    /// ```julia
    /// recent_data = get_recent_oracle_data(oracle, hours=24)
    /// if length(recent_data) < 10 return false end
    /// z_score = abs(current_price - mean(prices)) / std(prices)      # std: n − 1
    /// if z_score > 3.0 && calculate_anomaly_consensus(…) < 0.6 return true end
    /// return false
    /// ```
    ///
    /// The window is the points with `now − window < time ≤ now`. Statistics are `Double`, as
    /// the spec's `Float64`. A flat history (std = 0; departures row P11) does not divide by zero:
    /// a price equal to the mean has z = 0 (no anomaly), any other price z = +∞ (an anomaly, then
    /// judged by the anomaly consensus).
    ///
    /// - Parameters:
    ///   - anomalyConsensus: the share of validators corroborating the move (see `anomalyConsensus`).
    public func detectPriceManipulation(history: [PricePoint], now: Timestamp, newPrice: TokenAmount, anomalyConsensus: Double)
        -> ManipulationVerdict
    {
        let start = now.microseconds - window.microseconds
        let count = Self.pointsInWindow(history, after: start, notAfter: now)
        guard count >= minimumPoints else {
            return ManipulationVerdict(isManipulation: false, reason: .insufficientHistory, pointsInWindow: count)
        }
        let stats = Self.statistics(history, after: start, notAfter: now)
        let z = Self.zScore(newPrice, stats)
        var verdict = ManipulationVerdict(isManipulation: false, reason: .withinRange, pointsInWindow: count,
                                          mean: stats.mean / 1e9, standardDeviation: stats.std / 1e9, zScore: z)
        if z > zThreshold {
            let manipulated = anomalyConsensus < consensusThreshold
            verdict.isManipulation = manipulated
            verdict.reason = manipulated ? .manipulation : .corroboratedAnomaly
        }
        return verdict
    }

    /// `calculate_anomaly_consensus` (undefined in the spec; departures row P10): the share of
    /// the validators' weight (reputation × stake) whose own reported price is itself anomalous
    /// (`|z_i| > zThreshold` against the same window) on the same side of the mean as the new
    /// price. In [0, 1]; 0 when there is no weight.
    ///
    /// `reports` is any sequence of (price, weight) (a lazy map of the round's reports allocates nothing).
    public func anomalyConsensus<Reports: Sequence>(
        reports: Reports, history: [PricePoint], now: Timestamp, newPrice: TokenAmount
    ) -> Double where Reports.Element == (price: TokenAmount, weight: UInt128) {
        let start = now.microseconds - window.microseconds
        guard Self.pointsInWindow(history, after: start, notAfter: now) >= 2 else { return 0 }
        let stats = Self.statistics(history, after: start, notAfter: now)
        let up = Double(newPrice.baseUnits) > stats.mean
        var total = 0.0, agreeing = 0.0
        for r in reports {
            let w = Double(r.weight)
            total += w
            if Self.zScore(r.price, stats) > zThreshold && (Double(r.price.baseUnits) > stats.mean) == up { agreeing += w }
        }
        return total > 0 ? agreeing / total : 0
    }

    struct Statistics {
        /// In base units.
        var mean: Double
        /// Sample standard deviation (n − 1), in base units; exactly 0 when every price is equal.
        var std: Double
        /// The common price when the history is flat.
        var flatPrice: TokenAmount?
    }

    /// The number of points with `start < time ≤ now` (the window of `get_recent_oracle_data`).
    static func pointsInWindow(_ history: [PricePoint], after start: Int64, notAfter now: Timestamp) -> Int {
        var count = 0
        for point in history where point.time.microseconds > start && point.time <= now { count += 1 }
        return count
    }

    /// Mean and sample standard deviation (n − 1), as Julia's `mean` and `std`, on base units, of the
    /// prices of the points with `start < time ≤ now`, in history order, read in place (no array is built).
    /// Flatness is decided exactly (all prices equal), not by floating-point cancellation.
    /// - Precondition: at least one point in the window.
    static func statistics(_ history: [PricePoint], after start: Int64, notAfter now: Timestamp) -> Statistics {
        var n = 0
        var sum: Int128 = 0
        var first: TokenAmount?
        var flat = true
        for point in history where point.time.microseconds > start && point.time <= now {
            n += 1
            sum += Int128(point.price.baseUnits)
            if let first { flat = flat && point.price == first } else { first = point.price }
        }
        if let first, flat {
            return Statistics(mean: Double(first.baseUnits), std: 0, flatPrice: first)
        }
        let mean = Double(sum) / Double(n)
        var ss = 0.0
        for point in history where point.time.microseconds > start && point.time <= now {
            let d = Double(point.price.baseUnits) - mean
            ss += d * d
        }
        return Statistics(mean: mean, std: (ss / (Double(n) - 1)).squareRoot(), flatPrice: nil)
    }

    static func zScore(_ p: TokenAmount, _ s: Statistics) -> Double {
        if let flat = s.flatPrice { return p == flat ? 0 : .infinity }
        return abs(Double(p.baseUnits) - s.mean) / s.std
    }
}
