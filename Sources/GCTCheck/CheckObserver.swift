import GCTEconomics
import GCTEngine
import GCTWorld

/// Watches the metric samples of one replication for the exact invariants that span time
/// (burned never decreases, minted never exceeds the cap, reputations stay in [0, 1]).
///
/// Keeps O(1) state: the previous sample's burned amount and the first problem of each kind.
public final class CheckObserver: WorldObserver, @unchecked Sendable {
    /// First problem per invariant name, in the order found.
    public private(set) var problems: [InvariantProblem] = []
    public private(set) var samples = 0
    private var lastBurned: TokenAmount = .zero
    private var seen: Set<String> = []
    let cap: TokenAmount
    let hasValidators: Bool

    public init(cap: TokenAmount, hasValidators: Bool) {
        self.cap = cap
        self.hasValidators = hasValidators
    }

    public func sample(_ s: MetricSample) {
        samples += 1
        if s.burned < lastBurned {
            note("burned_non_decreasing", "burned fell from \(lastBurned.baseUnits) to \(s.burned.baseUnits) base units at t=\(s.time.seconds)s")
        }
        lastBurned = s.burned
        if cap < s.minted {
            note("minted_within_cap", "minted \(s.minted.baseUnits) > cap \(cap.baseUnits) base units at t=\(s.time.seconds)s")
        }
        if hasValidators {
            for (label, r) in [("min", s.reputationMin), ("max", s.reputationMax)] where !(0...1).contains(r) {
                note("reputation_range", "reputation \(label) \(r) outside [0, 1] at t=\(s.time.seconds)s")
            }
        }
    }

    func note(_ invariant: String, _ message: String) {
        guard seen.insert(invariant).inserted else { return }
        problems.append(InvariantProblem(invariant, message))
    }
}
