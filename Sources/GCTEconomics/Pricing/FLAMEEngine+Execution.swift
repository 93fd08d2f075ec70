/// A started execution, handed back to the engine on completion or failure.
public struct ExecutionTicket: Hashable, Sendable {
    public var requestID: UInt64
    public var functionID: LambdaFunctionID
    /// The execution cost held for this request.
    public var cost: TokenAmount
    public var startedAt: Timestamp
}

/// The outcome of `FLAMEEngine.admit`.
public enum AdmissionResult: Hashable, Sendable {
    /// `:insufficient_tokens` with `"required"` and `"available"`.
    case insufficientTokens(required: TokenAmount, available: TokenAmount)
    /// `:queued`: the caller holds `cost`; `sequence` identifies the entry in the queue.
    /// `position` is `nil` when the caller asked not to compute it (it costs O(queue length)).
    case queued(sequence: UInt64, position: QueuePosition?, cost: TokenAmount)
    /// Started now: the caller holds `ticket.cost`.
    case started(ExecutionTicket)
}

/// The money movement of a successful execution, for the caller's ledger.
public struct CompletionSettlement: Hashable, Sendable {
    /// The held cost cut into burn (0.5 %) and the distributed rest.
    public var split: PaymentSplit
    public var record: ExecutionRecord
    /// The function's price after `update_lambda_pricing`.
    public var updatedPrice: TokenAmount
}

/// The money movement of a failed execution: the held cost goes back to the user.
public struct FailureRefund: Hashable, Sendable {
    /// `"tokens_refunded" => execution_cost`.
    public var refund: TokenAmount
    public var record: ExecutionRecord
}

extension FLAMEEngine {
    /// `calculate_execution_cost`: `current_price × demand × performance × congestion × scarcity`,
    /// rounded **up** to a base unit. The multipliers are defined in `ExecutionPricingParameters`
    /// (departures row P2).
    ///
    /// - Parameters:
    ///   - id: the function.
    ///   - congestion: `get_network_congestion_multiplier(pricing_oracle)`, supplied by the caller.
    /// - Throws: `FLAMEError.functionNotFound`, `.costOverflow`.
    public func executionCost(of id: LambdaFunctionID, congestion: Rate = .one) throws(FLAMEError)
        -> ExecutionCostBreakdown
    {
        let f = try function(id)
        let p = pricing
        let cap = Int64(capacity)
        // demand = min(1 + slope × pending / capacity, cap)
        let demandRaw = Rate(
            p.demandSlope.denominator * cap + p.demandSlope.numerator * f.pending, over: p.demandSlope.denominator * cap)
        let demand = Rate.min(demandRaw, p.demandCap)
        // performance = 1 − w × failures / total
        let total = f.successes + f.failures
        let performance =
            total == 0
            ? Rate.one
            : Rate(
                p.performanceWeight.denominator * total - p.performanceWeight.numerator * f.failures,
                over: p.performanceWeight.denominator * total)
        // scarcity = 1 + s × max(0, running/capacity − θ) / (1 − θ)
        //          = 1 + s × max(0, θd·running − θn·cap) / ((θd − θn) · cap)
        let th = p.scarcityThreshold
        let excess = max(0, th.denominator * Int64(running) - th.numerator * cap)
        let scarcityDen = (th.denominator - th.numerator) * cap
        let scarcity = Rate(
            p.scarcitySlope.denominator * scarcityDen + p.scarcitySlope.numerator * excess,
            over: p.scarcitySlope.denominator * scarcityDen)
        var num = UInt128(1)
        var den = UInt128(1)
        for m in [demand, performance, congestion, scarcity] {
            num *= UInt128(m.numerator)
            den *= UInt128(m.denominator)
            let g = Self.gcd(num, den)
            num /= g
            den /= g
        }
        guard let q = ExactArithmetic.multiplyDivide(UInt128(f.currentPrice.baseUnits), num, den, rounding: .up),
            q.quotient <= UInt128(Int64.max)
        else { throw .costOverflow(id) }
        return ExecutionCostBreakdown(
            currentPrice: f.currentPrice, demand: demand, performance: performance, congestion: congestion,
            scarcity: scarcity, cost: TokenAmount(baseUnits: Int64(q.quotient)))
    }

    /// The admission step of `execute_lambda_function`.
    ///
    /// Prices the execution; if `userTokens` is below the cost, `.insufficientTokens`. Otherwise
    /// the request starts when a slot is free and nobody waits, or is queued with
    /// `tokens_paid = execution_cost` at `calculate_queue_priority(cost, u)`.
    ///
    /// - Parameters:
    ///   - u: the fairness draw in [0, 1) for the queue priority, from the caller's random stream.
    /// - Throws: `FLAMEError.functionNotFound`, `.costOverflow`.
    public mutating func admit(
        requestID: UInt64, function id: LambdaFunctionID, userTokens: TokenAmount, at now: Timestamp, u: Double,
        congestion: Rate = .one
    ) throws(FLAMEError) -> AdmissionResult {
        let cost = try executionCost(of: id, congestion: congestion).cost
        return try admit(requestID: requestID, function: id, cost: cost, userTokens: userTokens, at: now, u: u)
    }

    /// The admission step with a cost the caller priced itself (for example PRD-010's
    /// `calculate_compute_cost` of the request's own resources times this engine's multipliers,
    /// or a fixed price): the same insufficient-tokens check, slot allocation and priority queue.
    ///
    /// - Parameters:
    ///   - reportPosition: whether to compute the `QueuePosition` of a queued request
    ///     (O(queue length)); a simulator that does not show it passes `false`.
    /// - Throws: `FLAMEError.functionNotFound`.
    public mutating func admit(
        requestID: UInt64, function id: LambdaFunctionID, cost: TokenAmount, userTokens: TokenAmount,
        at now: Timestamp, u: Double, reportPosition: Bool = true
    ) throws(FLAMEError) -> AdmissionResult {
        _ = try function(id)
        guard userTokens >= cost else { return .insufficientTokens(required: cost, available: userTokens) }
        functions[Int(id.rawValue)].pending += 1
        if running < capacity && queue.isEmpty {
            running += 1
            return .started(ExecutionTicket(requestID: requestID, functionID: id, cost: cost, startedAt: now))
        }
        let priority = QueuePriority.calculate(tokensPaid: cost, u: u, curve: priorityCurve).priority
        let sequence = queue.push(
            QueueEntry(requestID: requestID, functionID: id, tokensPaid: cost, enqueuedAt: now, priority: priority))
        let position = reportPosition
            ? queue.position(ofSequence: sequence, capacity: capacity, meanServiceTime: meanServiceTime)
            : nil
        return .queued(sequence: sequence, position: position, cost: cost)
    }

    /// Starts the queue head if a slot is free; the cost is the one held at admission.
    public mutating func dispatchNext(at now: Timestamp) -> ExecutionTicket? {
        guard running < capacity, let entry = queue.pop() else { return nil }
        running += 1
        return ExecutionTicket(
            requestID: entry.requestID, functionID: entry.functionID, cost: entry.tokensPaid, startedAt: now)
    }

    /// The current position of a queued request.
    ///
    /// - Complexity: O(n) in the queue length.
    public func queuePosition(ofSequence sequence: UInt64) -> QueuePosition? {
        queue.position(ofSequence: sequence, capacity: capacity, meanServiceTime: meanServiceTime)
    }

    /// The success step: charge the held cost, burn `burnRate` of it (rounded down), distribute
    /// the rest by `shares` (`PaymentSplit`), record the execution and update the price.
    ///
    /// The burn rate and shares are the economic parameters in force (`economic_model.burn_rate`,
    /// 0.5 % in the spec), which the caller owns: the engine keeps no copy of them.
    ///
    /// Price update (`update_lambda_pricing`, departures row P2):
    /// `price × (1 + priceStep × (demandLevel − 1))` within `[min, max] × initialPrice`, rounded up,
    /// with `demandLevel = pending / capacity` after this execution leaves.
    public mutating func complete(
        _ ticket: ExecutionTicket, at now: Timestamp,
        burnRate: Rate = EconomicParameters.specDefaults.burnRate,
        shares: DistributionShares = EconomicParameters.specDefaults.distribution
    ) -> CompletionSettlement {
        let i = Int(ticket.functionID.rawValue)
        running -= 1
        functions[i].pending -= 1
        functions[i].successes += 1
        let split = PaymentSplit(payment: ticket.cost, burnRate: burnRate, shares: shares)
        let record = ExecutionRecord(
            functionID: ticket.functionID, requestID: ticket.requestID, startedAt: ticket.startedAt,
            executionTime: now - ticket.startedAt, tokensPaid: ticket.cost, status: .success)
        functions[i].currentPrice = updatedPrice(
            current: functions[i].currentPrice, initial: functions[i].initialPrice, pending: functions[i].pending)
        return CompletionSettlement(split: split, record: record, updatedPrice: functions[i].currentPrice)
    }

    /// The failure step: nothing is charged, the held cost is refunded in full.
    public mutating func fail(_ ticket: ExecutionTicket, at now: Timestamp) -> FailureRefund {
        let i = Int(ticket.functionID.rawValue)
        running -= 1
        functions[i].pending -= 1
        functions[i].failures += 1
        let record = ExecutionRecord(
            functionID: ticket.functionID, requestID: ticket.requestID, startedAt: ticket.startedAt,
            executionTime: now - ticket.startedAt, tokensPaid: .zero, status: .failed)
        return FailureRefund(refund: ticket.cost, record: record)
    }

    /// Takes the three fields rather than the `LambdaFunction` (whose copy out of the registry
    /// would retain its arrays on every completion), and is `mutating` although it changes
    /// nothing: called from `complete`, a non-mutating method made Swift copy the whole engine.
    mutating func updatedPrice(current: TokenAmount, initial: TokenAmount, pending: Int64) -> TokenAmount {
        let p = pricing
        let cap = Int64(capacity)
        let step = p.priceStep
        if p.priceUpdate == .load, cap > 0, !step.isZero {
            let load = Int64(queue.count + running)
            let target = min(
                initial.multiplied(by: Rate(Swift.max(load, cap), over: cap), rounding: .up),
                initial.multiplied(by: p.maximumPriceRatio, rounding: .down))
            // price + step × (target − price) = price × (1 − step) + target × step, each rounded up.
            let raw = current.multiplied(by: Rate(step.denominator - step.numerator, over: step.denominator), rounding: .up)
                + target.multiplied(by: step, rounding: .up)
            let low = initial.multiplied(by: p.minimumPriceRatio, rounding: .up)
            let high = initial.multiplied(by: p.maximumPriceRatio, rounding: .down)
            return min(max(raw, low), high)
        }
        // factor = 1 + step × (pending − cap) / cap  =  (step.d·cap + step.n·(pending − cap)) / (step.d·cap)
        let numerator = step.denominator * cap + step.numerator * (pending - cap)
        let raw: TokenAmount
        if numerator <= 0 {
            raw = .zero
        } else if step.isZero {
            raw = current
        } else {
            raw = current.multiplied(by: Rate(numerator, over: step.denominator * cap), rounding: .up)
        }
        let low = initial.multiplied(by: p.minimumPriceRatio, rounding: .up)
        let high = initial.multiplied(by: p.maximumPriceRatio, rounding: .down)
        return min(max(raw, low), high)
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
