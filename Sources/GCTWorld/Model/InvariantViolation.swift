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

extension World {
    /// Checks the O(1) invariants after every event: supply conservation to the base unit,
    /// minted ≤ cap, queue conservation, multiplier within its mode's bounds (and, with the
    /// full economy, reputation in [0, 1]). A violation stops the run.
    mutating func checkInvariants(after event: WorldEvent, at time: SimTime) {
        // The fast path reads fields only: calling a method on `self` here would copy the world.
        let supplyOK = ledger.inAccounts == ledger.minted - ledger.burned && ledger.minted <= ledger.cap
        let inSystem = counters.completed + counters.failed + counters.balked + counters.insufficient
            + Int64(flame.queue.count) + Int64(flame.running)
        var multiplierOK = true
        if let (low, high) = multiplierBounds, marketMultiplier != .one {
            multiplierOK = !(marketMultiplier < low || high < marketMultiplier)
        }
        if supplyOK && counters.arrived == inSystem && multiplierOK { return }
        reportViolation(after: event, at: time)
    }

    /// Names the first broken invariant with its values and stops the run.
    @inline(never)
    mutating func reportViolation(after event: WorldEvent, at time: SimTime) {
        var failed: (String, String)?
        if !ledger.checkSupplyInvariant() {
            failed = ("supply_conservation",
                      "Σ accounts \(ledger.inAccounts.baseUnits) != minted \(ledger.minted.baseUnits) − burned \(ledger.burned.baseUnits) (cap \(ledger.cap.baseUnits))")
        } else {
            let inSystem = counters.completed + counters.failed + counters.balked + counters.insufficient
                + Int64(flame.queue.count) + Int64(flame.running)
            if counters.arrived != inSystem {
                failed = ("queue_conservation",
                          "arrived \(counters.arrived) != completed \(counters.completed) + failed \(counters.failed) + balked \(counters.balked) + insufficient \(counters.insufficient) + waiting \(flame.queue.count) + running \(flame.running)")
            } else if let problem = invariantProblem() {
                failed = problem
            }
        }
        if let (name, details) = failed {
            violation = InvariantViolation(invariant: name, time: time, event: "\(event)", details: details)
            queue.removeAll()  // stops the run: nothing more to do
        }
    }
}

#if DEBUG
/// Test-only faults, injected through `World._fault` (debug builds only).
public enum FaultInjection: Hashable, Sendable {
    /// After the n-th completed execution, a transfer from the fee pool to the treasury drops one base unit.
    case dropUnitAfterCompletion(Int64)
}

extension World {
    mutating func injectFault(_ fault: FaultInjection, afterCompletionOf r: RequestSlot) {
        switch fault {
        case let .dropUnitAfterCompletion(n):
            guard counters.completed == n, ledger.balance(of: accounts.feePool).baseUnits > 1 else { return }
            ledger._transferDroppingUnitsForTesting(
                TokenAmount(baseUnits: 2), lost: .oneBaseUnit, from: accounts.feePool, to: accounts.treasury)
        }
    }
}
#endif
