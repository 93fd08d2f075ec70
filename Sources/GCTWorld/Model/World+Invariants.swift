import GCTEconomics
import GCTEngine

/// An invariant that failed while running: the run stops at the event that broke it.
public struct InvariantViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public var invariant: String
    public var time: SimTime
    public var event: String
    public var details: String

    public var description: String {
        "invariant '\(invariant)' violated at t=\(time.seconds)s after event \(event): \(details)"
    }
}

/// The world's invariants, each check written once here: supply conservation to the base
/// unit and minted ≤ cap (`Ledger.checkSupplyInvariant`), queue conservation
/// (`QueueCounters.accountedFor`), the market multiplier's range (`multiplierInRange`), and,
/// at the end of a run, the full ledger audit and every reputation in [0, 1].
///
/// Also the run's own record: events handled and the violation that stopped it, if any.
struct Invariants {
    /// The market multiplier's range in its mode ([0.6, 1.45] literal, [0.6, 3] fixed), or
    /// `nil` when time-of-day pricing multiplies it further (not checked).
    let multiplierBounds: (low: Rate, high: Rate)?
    let multiplierMode: String
    var violation: InvariantViolation?
    var eventsHandled = 0

    init(_ c: ScenarioConfiguration) {
        let literal = c.pricing.marketMultiplier == .literal
        multiplierMode = (literal ? MarketMultiplierMode.literal : .fixed).rawValue
        multiplierBounds = c.oracle?.timeOfDayPricing == true
            ? nil : (Rate(3, over: 5), literal ? Rate(29, over: 20) : Rate(3, over: 1))
    }

    /// Whether the market multiplier is within its mode's range (1, the value before any
    /// consensus, always is).
    @inline(__always)
    func multiplierInRange(_ m: Rate) -> Bool {
        guard let (low, high) = multiplierBounds, m != .one else { return true }
        return !(m < low || high < m)
    }
}

extension QueueCounters {
    /// Every request that arrived, accounted for: completed + failed + balked + insufficient +
    /// waiting + running. Queue conservation is `arrived == accountedFor(…)`.
    @inline(__always)
    public func accountedFor(waiting: Int, running: Int) -> Int64 {
        completed + failed + balked + insufficient + Int64(waiting) + Int64(running)
    }
}

extension World {
    /// Checks the O(1) invariants after every event; a violation stops the run.
    @inline(__always)
    mutating func checkInvariants(after event: WorldEvent, at time: SimTime) {
        // Field reads only: a non-mutating method on `self` here would copy the world.
        if ledger.checkSupplyInvariant()
            && market.counters.arrived == market.counters.accountedFor(waiting: market.flame.queue.count, running: market.flame.running)
            && invariants.multiplierInRange(oracle.marketMultiplier)
        {
            return
        }
        reportViolation(after: event, at: time)
    }

    /// Names the first broken invariant with its values and stops the run.
    @inline(never)
    mutating func reportViolation(after event: WorldEvent, at time: SimTime) {
        guard let (name, details) = firstProblem() else { return }
        invariants.violation = InvariantViolation(invariant: name, time: time, event: "\(event)", details: details)
        queue.removeAll()  // stops the run: nothing more to do
    }

    /// The first O(1) invariant that does not hold now, with its values.
    func firstProblem() -> (String, String)? {
        let k = market.counters, waiting = market.flame.queue.count, running = market.flame.running
        if !ledger.checkSupplyInvariant() {
            return ("supply_conservation",
                    "Σ accounts \(ledger.inAccounts.baseUnits) != minted \(ledger.minted.baseUnits) − burned \(ledger.burned.baseUnits) (cap \(ledger.cap.baseUnits))")
        }
        if k.arrived != k.accountedFor(waiting: waiting, running: running) {
            return ("queue_conservation",
                    "arrived \(k.arrived) != completed \(k.completed) + failed \(k.failed) + balked \(k.balked) + insufficient \(k.insufficient) + waiting \(waiting) + running \(running)")
        }
        let m = oracle.marketMultiplier
        if !invariants.multiplierInRange(m), let (low, high) = invariants.multiplierBounds {
            return ("multiplier_range", "market multiplier \(m) outside [\(low), \(high)] (\(invariants.multiplierMode) mode)")
        }
        return nil
    }

    /// Exact end-of-run invariants over the whole state, each `(invariant, problem)`:
    /// the full ledger audit (every account non-negative, every running sum recomputed),
    /// minted ≤ cap, queue conservation from the counters and the queue, and every validator's
    /// reputation in [0, 1].
    public func endOfRunProblems() -> [InvariantProblem] {
        var problems: [InvariantProblem] = []
        if let audit = ledger.auditAllAccounts() {
            problems.append(InvariantProblem(audit.contains("negative") ? "no_negative_balances" : "supply_conservation", audit))
        }
        if ledger.cap < ledger.minted {
            problems.append(InvariantProblem("minted_within_cap", "minted \(ledger.minted.baseUnits) > cap \(ledger.cap.baseUnits)"))
        }
        let k = market.counters
        let inSystem = k.accountedFor(waiting: market.flame.queue.count, running: market.flame.running)
        if k.arrived != inSystem {
            problems.append(InvariantProblem("queue_conservation", "at the end: arrived \(k.arrived) != \(inSystem) accounted for"))
        }
        for v in oracle.validators where !(0...1_000_000_000).contains(v.reputation.ppb) {
            problems.append(InvariantProblem("reputation_range", "validator \(v.id) reputation \(v.reputation.doubleValue) outside [0, 1]"))
            break
        }
        return problems
    }
}

#if DEBUG
/// Test-only faults, injected through `World._fault` (debug builds only).
public enum FaultInjection: Hashable, Sendable {
    /// After the n-th completed execution, a transfer from the fee pool to the treasury drops one base unit.
    case dropUnitAfterCompletion(Int64)
}

extension World {
    /// Applies `fault` after a completion event, once its condition holds.
    mutating func injectFault(_ fault: FaultInjection) {
        switch fault {
        case let .dropUnitAfterCompletion(n):
            let pool = shared.accounts.feePool
            guard market.counters.completed == n, ledger.balance(of: pool).baseUnits > 1 else { return }
            ledger._transferDroppingUnitsForTesting(
                TokenAmount(baseUnits: 2), lost: .oneBaseUnit, from: pool, to: shared.accounts.treasury)
            _fault = nil
        }
    }
}
#endif
