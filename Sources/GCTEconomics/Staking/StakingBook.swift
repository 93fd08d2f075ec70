/// Staking positions and their reward accrual (PRD-010 `stake_tokens`, `calculate_staking_rewards`).
///
/// Money moves only through the `Ledger` passed to each call; the book keeps positions.
public struct StakingBook: Sendable {
    public internal(set) var positions: [StakingPosition] = []
    /// The largest stake bonus of the APY in force (`StakingYield.maximumBonus` unless changed).
    public private(set) var bonusCap: Rate = StakingYield.maximumBonus

    public init() {}

    /// Changes the bonus cap at `time`: every active position's promise up to `time` is fixed at
    /// the old APY (kept for the next reward epoch, as when a stake changes) and accrues at the
    /// new one from `time` on. Nothing changes when the cap is the one in force.
    public mutating func setBonusCap(_ cap: Rate, at time: Timestamp) {
        guard cap != bonusCap else { return }
        for i in positions.indices { closeAccrualPeriod(i, at: time) }
        bonusCap = cap
        for i in positions.indices {
            positions[i].expectedAnnualRewards = StakingYield.expectedAnnualRewards(stake: positions[i].amount, bonusCap: cap)
        }
    }

    @inlinable
    public func position(_ id: StakingPositionID) throws(StakingError) -> StakingPosition {
        guard id.rawValue >= 0 && Int(id.rawValue) < positions.count else { throw .unknownPosition(id) }
        return positions[Int(id.rawValue)]
    }

    /// PRD-010 `stake_tokens`: bonds `amount` of `owner`'s balance in a new position.
    ///
    /// - Throws: `.belowMinimum` if `amount < minimum` (the spec's error), or `.ledger` if the
    ///   owner's balance is short. Nothing changes on error.
    public mutating func stake(
        _ amount: TokenAmount, owner: AccountID, at time: Timestamp,
        minimum: TokenAmount, ledger: inout Ledger
    ) throws(StakingError) -> StakingPositionID {
        guard amount >= minimum else { throw .belowMinimum(amount: amount, minimum: minimum) }
        do { try ledger.stake(amount, on: owner) } catch { throw .ledger(error) }
        let id = StakingPositionID(rawValue: Int32(positions.count))
        positions.append(StakingPosition(
            owner: owner, amount: amount, stakedAt: time,
            expectedAnnualRewards: StakingYield.expectedAnnualRewards(stake: amount, bonusCap: bonusCap),
            status: .active, unbondingUntil: nil, accrualStart: time,
            promisedInPeriod: .zero, pendingDue: .zero, promisedTotal: .zero, paidTotal: .zero, slashedTotal: .zero, lastOffence: nil))
        return id
    }

    /// Requests an unstake. With a zero cooldown the tokens return at once (status `withdrawn`);
    /// otherwise the position is `unbonding` until `time + cooldown`.
    ///
    /// Call `accrueRewards(through:)` first if rewards up to `time` are due: rewards stop here.
    public mutating func requestUnstake(
        _ id: StakingPositionID, at time: Timestamp, cooldown: TimeSpan, ledger: inout Ledger
    ) throws(StakingError) {
        let p = try position(id)
        guard p.status == .active || p.status == .slashed else {
            throw .wrongStatus(id, p.status, expected: [.active, .slashed])
        }
        closeAccrualPeriod(Int(id.rawValue), at: time)
        if cooldown.microseconds <= 0 {
            try withdraw(id, ledger: &ledger)
        } else {
            positions[Int(id.rawValue)].status = .unbonding
            positions[Int(id.rawValue)].unbondingUntil = time + cooldown
        }
    }

    /// Completes an unstake whose cooldown has elapsed.
    public mutating func completeUnstake(_ id: StakingPositionID, at time: Timestamp, ledger: inout Ledger) throws(StakingError) {
        let p = try position(id)
        guard p.status == .unbonding, let until = p.unbondingUntil else { throw .wrongStatus(id, p.status, expected: [.unbonding]) }
        guard time >= until else { throw .cooldownNotElapsed(id, until: until) }
        try withdraw(id, ledger: &ledger)
    }

    private mutating func withdraw(_ id: StakingPositionID, ledger: inout Ledger) throws(StakingError) {
        let p = positions[Int(id.rawValue)]
        if p.amount.isPositive {
            do { try ledger.unstake(p.amount, on: p.owner) } catch { throw .ledger(error) }
        }
        positions[Int(id.rawValue)].status = .withdrawn
        positions[Int(id.rawValue)].amount = .zero
        positions[Int(id.rawValue)].unbondingUntil = nil
    }

    /// Slashes `fraction` of a position for `offence` (amount rounded **down**: a staker
    /// never loses more than the fraction), burning the tokens or sending them to `treasury`.
    ///
    /// Rewards due up to `time` are fixed first (the accrual period restarts with the new amount).
    /// A position left below `minimum` becomes `slashed` (no more rewards; withdraw only).
    ///
    /// - Returns: the amount slashed (zero if the fraction rounds to nothing).
    @discardableResult
    public mutating func slash(
        _ id: StakingPositionID, fraction: Rate, for offence: Offence, at time: Timestamp,
        minimum: TokenAmount, destination: AccountID?, ledger: inout Ledger
    ) throws(StakingError) -> TokenAmount {
        let p = try position(id)
        guard p.status == .active || p.status == .unbonding || p.status == .slashed else {
            throw .wrongStatus(id, p.status, expected: [.active, .unbonding, .slashed])
        }
        precondition(fraction <= .one, "a slash fraction is at most 1")
        let amount = p.amount.multiplied(by: fraction, rounding: .down)
        guard amount.isPositive else { return .zero }
        do { try ledger.slash(amount, on: p.owner, to: destination) } catch { throw .ledger(error) }
        let i = Int(id.rawValue)
        closeAccrualPeriod(i, at: time)
        positions[i].amount -= amount
        positions[i].slashedTotal += amount
        positions[i].lastOffence = offence
        positions[i].expectedAnnualRewards = StakingYield.expectedAnnualRewards(stake: positions[i].amount, bonusCap: bonusCap)
        if positions[i].status == .active && positions[i].amount < minimum { positions[i].status = .slashed }
        return amount
    }

    /// Fixes the promise of position `i` up to `time` (kept in `pendingDue` for the next
    /// reward epoch) and starts a new accrual period there.
    private mutating func closeAccrualPeriod(_ i: Int, at time: Timestamp) {
        guard positions[i].status == .active else { return }
        positions[i].pendingDue += StakingBook.promised(positions[i], through: time, bonusCap: bonusCap) - positions[i].promisedInPeriod
        positions[i].accrualStart = time
        positions[i].promisedInPeriod = .zero
    }

    /// Rewards promised to a position from the start of its accrual period through `time`:
    /// `floor(amount × apy × elapsed / year)`.
    ///
    /// Because the promise is cumulative and rounded once, summing the per-epoch differences
    /// over a year of epochs gives exactly `floor(amount × apy)`: no base unit lost or created.
    public static func promised(
        _ p: StakingPosition, through time: Timestamp, bonusCap: Rate = StakingYield.maximumBonus
    ) -> TokenAmount {
        let elapsed = max(0, time.microseconds - p.accrualStart.microseconds)
        guard p.amount.isPositive && elapsed > 0 else { return .zero }
        let apy = StakingYield.annualPercentageYield(stake: p.amount, bonusCap: bonusCap)
        let a = UInt128(p.amount.baseUnits) * UInt128(apy.numerator)
        let c = UInt128(apy.denominator) * UInt128(TimeSpan.year.microseconds)
        let q = ExactArithmetic.multiplyDivide(a, UInt128(elapsed), c, rounding: .down)!.quotient
        return TokenAmount(baseUnits: Int64(q))
    }
}
