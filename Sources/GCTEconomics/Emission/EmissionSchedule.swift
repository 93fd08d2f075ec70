/// An annual emission (PRD-010 `GCT_MINING_REWARD_RATE` 2 %/yr, `GCT_VALIDATOR_REWARD_RATE` 8 %/yr),
/// minted per epoch within the cap.
///
/// Each emission year's total is `floor(basis × rate)`, where `basis` is the total supply at
/// the start of that year (see docs/departures-from-spec.md, "emission basis"). Within a year
/// the amount due through time t is the cumulative `floor(basis × rate × elapsed / year)`,
/// so a year of epochs of any length mints exactly the annual figure.
public struct EmissionSchedule: Hashable, Sendable {
    public var rate: Rate
    /// Start of the current emission year.
    public private(set) var yearStart: Timestamp
    /// Total supply at `yearStart`.
    public private(set) var basis: TokenAmount
    /// Emission due so far in the current year (cumulative, rounded down).
    public private(set) var dueThisYear: TokenAmount = .zero

    public init(rate: Rate, start: Timestamp, basis: TokenAmount) {
        self.rate = rate
        self.yearStart = start
        self.basis = basis
    }

    /// The annual emission of the current year: `floor(basis × rate)`.
    public var annualAmount: TokenAmount { basis.multiplied(by: rate, rounding: .down) }

    /// Advances to `time` and returns the emission newly due since the last call.
    ///
    /// When `time` passes one or more year boundaries, each finished year is topped up to
    /// its exact annual amount, and the next year's basis is `supplyAtYearStart()` (called
    /// once per new year; the supply there includes this call's earlier years only approximately,
    /// so callers that need it exact should call at least once per year, e.g. every epoch).
    public mutating func advance(to time: Timestamp, supplyAtYearStart: () -> TokenAmount) -> TokenAmount {
        var newlyDue = TokenAmount.zero
        while time >= yearStart + .year {
            newlyDue += annualAmount - dueThisYear
            yearStart = yearStart + .year
            dueThisYear = .zero
            basis = supplyAtYearStart()
        }
        let elapsed = time.microseconds - yearStart.microseconds
        if elapsed > 0 && basis.isPositive {
            let a = UInt128(basis.baseUnits) * UInt128(rate.numerator)
            let c = UInt128(rate.denominator) * UInt128(TimeSpan.year.microseconds)
            let cumulative = TokenAmount(baseUnits: Int64(ExactArithmetic.multiplyDivide(a, UInt128(elapsed), c, rounding: .down)!.quotient))
            newlyDue += cumulative - dueThisYear
            dueThisYear = cumulative
        }
        return newlyDue
    }
}

/// What one emission step asked for and what the cap allowed.
public struct EmissionReport: Hashable, Sendable {
    public var due: TokenAmount
    public var minted: TokenAmount
    /// `due − minted`: emission the cap prevented.
    public var capShortfall: TokenAmount { due - minted }
}

extension Ledger {
    /// Mints `due` into `pool`, or as much as the cap allows.
    public mutating func mintEmission(_ due: TokenAmount, to pool: AccountID, memo: LedgerEntry.Memo) throws(LedgerError) -> EmissionReport {
        let amount = min(due, mintHeadroom)
        if amount.isPositive { try mint(amount, to: pool, memo: memo) }
        return EmissionReport(due: due, minted: amount)
    }
}
