import GCTEconomics
import GCTEngine

/// State of the full-economy mechanisms (validators and oracle, staking and emissions,
/// auto-scaling, governance, attacks). Plain data: the behaviour is in `World+…` extensions.
struct EconomyState {
    var ledgerClock: ClockBox?
    /// Trailing token volume for the velocity (daily buckets).
    var velocity = VelocityWindow(days: 30)

    static func applyScenarioParameters(_ c: ScenarioConfiguration, to p: inout EconomicParameters) {}

    static func providerCount(_ c: ScenarioConfiguration) -> Int { c.providers.servers }

    mutating func noteVolume(_ amount: TokenAmount) { velocity.add(amount) }

    func invariantProblem<O>(world: World<O>) -> (String, String)? { nil }
}

/// Token volume over a trailing window in daily buckets, with the circulating supply at each
/// bucket's close, for `TokenVelocity.annualized`.
struct VelocityWindow {
    let days: Int
    var volumes: [TokenAmount]
    var supplies: [TokenAmount]
    var filled = 0
    var current: TokenAmount = .zero
    var index = 0

    init(days: Int) {
        self.days = Swift.max(days, 1)
        volumes = Array(repeating: .zero, count: self.days)
        supplies = Array(repeating: .zero, count: self.days)
    }

    mutating func add(_ amount: TokenAmount) { current += amount }

    /// Closes the current day with the circulating supply now.
    mutating func closeDay(circulating: TokenAmount) {
        volumes[index] = current
        supplies[index] = circulating
        current = .zero
        index = (index + 1) % days
        filled = Swift.min(filled + 1, days)
    }

    /// Annualized velocity over the closed days (0 before the first day closes).
    var annualized: FixedDecimal {
        guard filled > 0 else { return .zero }
        var volume = TokenAmount.zero
        var supply: Int128 = 0
        for i in 0..<filled {
            volume += volumes[i]
            supply += Int128(supplies[i].baseUnits)
        }
        let mean = TokenAmount(baseUnits: Int64(supply / Int128(filled)))
        return TokenVelocity.annualized(volume: volume, meanCirculatingSupply: mean, window: .days(Int64(filled))) ?? .zero
    }
}

extension World {
    mutating func setUpEconomy() throws(WorldError) {}
    mutating func scheduleEconomyEvents() {}
    mutating func rewardEpoch(at time: SimTime) {}
    mutating func oracleRound(at time: SimTime) {}
    mutating func autoscale(at time: SimTime) {}
    mutating func capacityArrives(_ servers: Int, at time: SimTime) {}
    mutating func stakerReview(_ staker: Int, at time: SimTime) {}
    mutating func governance(_ proposal: Int, _ step: WorldEvent.GovernanceStep, at time: SimTime) {}
    mutating func whaleRequest(_ attack: Int, at time: SimTime) {}
}

/// End-of-run figures of the full-economy mechanisms.
public struct EconomyReport: Hashable, Sendable {
    public var metrics: [(name: String, value: Double)] { [] }
    public static func == (a: Self, b: Self) -> Bool { true }
    public func hash(into h: inout Hasher) {}
}

extension World {
    func economyReport() -> EconomyReport { EconomyReport() }
}
