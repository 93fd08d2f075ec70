import GCTEconomics
import GCTEngine

extension StakingEmissions {
    /// A reward epoch: mining emission minted and paid to providers pro rata to GPU-seconds served;
    /// validator emission minted into the emission pool; staking rewards paid from the funding
    /// source in force (shortfall reported); the validators' share of execution fees paid to
    /// validators pro rata to stake × reputation; finished unbonding completed.
    mutating func rewardEpoch(
        at time: SimTime, parameters: EconomicParameters, providers: inout ProviderPool, validators: [ValidatorState],
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let next = time + SimDuration(ticks: parameters.epochLength.microseconds)
        if next <= shared.endTime { _ = queue.schedule(.rewardEpoch, at: next) }
        let t = time.timestamp
        let total = ledger.supply.total
        let accounts = shared.accounts

        if var mining = miningEmission {
            mining.rate = parameters.miningRewardRate
            let due = mining.advance(to: t) { total }
            miningEmission = mining
            mintEmission(due, to: accounts.miningPool, memo: .miningEmission, ledger: &ledger)
            payMiningPool(&providers, pool: accounts.miningPool, ledger: &ledger)
        }
        if var emission = validatorEmission {
            emission.rate = parameters.validatorRewardRate
            let due = emission.advance(to: t) { total }
            validatorEmission = emission
            let before = ledger.supply.minted
            mintEmission(due, to: accounts.emissionPool, memo: .validatorEmission, ledger: &ledger)
            validatorEmissionMinted += ledger.supply.minted - before
        }
        // The fee pool's use (departure D14), before the staking rewards.
        let fees = ledger.balance(of: accounts.feePool)
        if fees.isPositive, feePoolUse != .keep {
            let to = feePoolUse == .staking ? accounts.emissionPool : accounts.treasury
            do { try ledger.transfer(fees, from: accounts.feePool, to: to, memo: .fee) } catch {
                preconditionFailure("the fee pool's balance moves whole: \(error)")
            }
        }
        let source: AccountID? = switch parameters.stakingFunding {
        case .emissionPool: accounts.emissionPool
        case .treasury: accounts.treasury
        case .mint, .unfunded: nil
        }
        let report = book.accrueRewards(through: t, funding: parameters.stakingFunding, source: source, ledger: &ledger)
        promised += report.promised
        paid += report.paid
        payValidatorFees(validators, pool: accounts.validatorPool, ledger: &ledger)
        if undistributed == .validators {
            emissionToValidators += payPool(
                accounts.emissionPool, to: validators, memo: .validatorEmission, ledger: &ledger, remainderToLargest: true)
        }
        undistributedAtEpochMax = Swift.max(undistributedAtEpochMax, ledger.balance(of: accounts.emissionPool))
        for i in book.positions.indices where book.positions[i].status == .unbonding {
            if let until = book.positions[i].unbondingUntil, until <= t {
                try? book.completeUnstake(StakingPositionID(rawValue: Int32(i)), at: t, ledger: &ledger)
            }
        }
        stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }

    mutating func mintEmission(_ due: TokenAmount, to pool: AccountID, memo: LedgerEntry.Memo, ledger: inout Ledger) {
        guard due.isPositive else { return }
        do {
            let r = try ledger.mintEmission(due, to: pool, memo: memo)
            emissionCapShortfall += r.capShortfall
        } catch { preconditionFailure("emission within the cap: \(error)") }
    }

    /// Pays the mining pool to providers pro rata to the GPU-seconds each served since the last
    /// payout (rounded down; the remainder stays in the pool for the next epoch).
    mutating func payMiningPool(_ providers: inout ProviderPool, pool account: AccountID, ledger: inout Ledger) {
        let pool = ledger.balance(of: account)
        let served = providers.gpuSeconds.reduce(0, +)
        guard pool.isPositive, served > 0 else { return }
        // Integer weights (µs of GPU time) so the split is exact.
        let weights = providers.gpuSeconds.map { Int64(($0 * 1e6).rounded()) }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return }
        for (i, w) in weights.enumerated() where w > 0 {
            let share = pool.scaled(by: w, over: totalWeight, rounding: .down)
            guard share.isPositive else { continue }
            do { try ledger.transfer(share, from: account, to: providers.accounts[i], memo: .miningEmission) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            miningPaid += share
        }
        for i in providers.gpuSeconds.indices { providers.gpuSeconds[i] = 0 }
    }

    /// Pays the validator reward pool (the validators' share of execution payments) to the
    /// validators pro rata to stake × reputation (rounded down; the remainder stays).
    mutating func payValidatorFees(_ validators: [ValidatorState], pool account: AccountID, ledger: inout Ledger) {
        validatorFeesPaid += payPool(account, to: validators, memo: .fee, ledger: &ledger, remainderToLargest: false)
    }

    /// Pays `account`'s balance to the validators in the set pro rata to stake × reputation
    /// (rounded down). With `remainderToLargest` the rounding remainder goes to the validator of
    /// largest weight (first in order on ties), so the pool is left empty. Returns what was paid.
    mutating func payPool(
        _ account: AccountID, to validators: [ValidatorState], memo: LedgerEntry.Memo, ledger: inout Ledger, remainderToLargest: Bool
    ) -> TokenAmount {
        let pool = ledger.balance(of: account)
        guard pool.isPositive, !validators.isEmpty else { return .zero }
        let weights = validators.map { v -> UInt128 in
            let p = book.positions[Int(v.position.rawValue)]
            guard p.status == .active else { return 0 }  // out of the validator set (slashed below the minimum, unbonding)
            return UInt128(p.amount.baseUnits) * UInt128(v.reputation.ppb)
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { return .zero }
        var paidOut = TokenAmount.zero
        for (i, w) in weights.enumerated() where w > 0 {
            guard let q = ExactArithmetic.multiplyDivide(UInt128(pool.baseUnits), w, total, rounding: .down), q.quotient > 0 else { continue }
            let share = TokenAmount(baseUnits: Int64(q.quotient))
            do { try ledger.transfer(share, from: account, to: validators[i].account, memo: memo) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            paidOut += share
        }
        let rest = pool - paidOut
        if remainderToLargest, rest.isPositive, let top = weights.indices.max(by: { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 > $1) }) {
            do { try ledger.transfer(rest, from: account, to: validators[top].account, memo: memo) } catch {
                preconditionFailure("the remainder is in the pool: \(error)")
            }
            paidOut += rest
        }
        return paidOut
    }

    /// A staker's periodic review (policy documented in docs/world-model.md, row W4): with
    /// probability `inertia` it does nothing; otherwise it compares the yield it would actually
    /// receive — the spec's APY for its active stake (or for the tranche it would add, when it has
    /// none) times the share of promised rewards actually paid so far — with the outside yield.
    /// When staking pays more it adds a tranche: half its free balance in whole GCT, or all of it
    /// when half is below the minimum (nothing below the minimum), as a new position. When it pays
    /// less it reduces its stake by unstaking its newest active position.
    mutating func stakerReview(
        _ s: Int, at time: SimTime, parameters: EconomicParameters,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        guard let cfg = stakerSettings else { return }
        let next = time + cfg.reviewPeriod.simStep
        if next <= shared.endTime { _ = queue.schedule(.stakerReview(staker: Int32(s)), at: next) }
        guard stakerStreams[s].uniform() >= cfg.inertia else { return }
        let funded = promised.isPositive ? Double(paid.baseUnits) / Double(promised.baseUnits) : 1
        let account = stakers[s].account
        let active = stakers[s].positions.filter { book.positions[Int($0.rawValue)].status == .active }
        let stake = active.reduce(TokenAmount.zero) { $0 + book.positions[Int($1.rawValue)].amount }
        let balance = ledger.balance(of: account)
        let whole = balance.baseUnits - balance.baseUnits % TokenAmount.baseUnitsPerGCT
        let half = (whole / 2) - (whole / 2) % TokenAmount.baseUnitsPerGCT
        let tranche = TokenAmount(baseUnits: half >= parameters.stakingMinimum.baseUnits ? half : whole)
        let basis = stake.isPositive ? stake : tranche
        let effective = StakingYield.annualPercentageYield(stake: basis, bonusCap: parameters.stakingBonusCap).doubleValue * funded
        if effective > cfg.outsideYield.doubleValue {
            if tranche >= parameters.stakingMinimum, let p = try? book.stake(
                tranche, owner: account, at: time.timestamp, minimum: parameters.stakingMinimum, ledger: &ledger) {
                stakers[s].positions.append(p)
            }
        } else if effective < cfg.outsideYield.doubleValue, let newest = active.last {
            try? book.requestUnstake(newest, at: time.timestamp, cooldown: parameters.unstakeCooldown, ledger: &ledger)
        }
        stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }
}
