import GCTEconomics
import GCTEngine

extension ComputeMarket {
    // MARK: - Arrivals and admission

    /// A (candidate) arrival of class `c`: schedules the next one, then prices the request and
    /// runs it through FLAME admission (balk above the user's maximum price, top up, insufficient
    /// tokens, start or queue), holding the cost in the user's escrow.
    ///
    /// - Parameter congestion: the oracle's market multiplier in force (1 without oracle).
    mutating func arrival(
        ofClass c: Int, at time: SimTime, congestion: Rate,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let k = classes[c]
        let delay = classStreams[c].nextCandidateDelay(k)
        _ = queue.schedule(.arrival(userClass: Int32(c)), at: time + delay)
        guard classStreams[c].accepts(k, at: time) else { return }

        let user = AccountID(rawValue: k.firstUser + Int32(classStreams[c].shape.next() % UInt64(k.count)))
        let opIndex = k.operations[k.operationChoice.sample(&classStreams[c].shape)]
        let memory = k.memory.sample(&classStreams[c].shape)
        let units = k.computeUnits.sample(&classStreams[c].shape)
        let minutes = k.minutes.sample(&classStreams[c].shape)
        let serviceSeconds = serviceTime[Int(opIndex)].sample(&classStreams[c].service) / serviceSpeed
        // Calibrated: the kernel work of the request × a noise factor, timed on its server at start.
        var work: KernelWork?
        if let calibration {
            var factor = 1.0
            if let noise = calibration.noise { factor = noise.sample(&classStreams[c].service) }
            var w = KernelWork.of(operation: Int(opIndex), memoryGB: memory, computeUnits: units, minutes: minutes)
            w.matmul *= factor
            w.memory *= factor
            w.allocation *= factor
            w.transfer *= factor
            w.compile *= factor
            work = w
        }
        // No `&&` here: its autoclosure would capture (and copy) the whole market to mutate a stream.
        var willFail = false
        if failureProbability > 0 { willFail = classStreams[c].failures.uniform() < failureProbability }
        let u = classStreams[c].fairness.uniform()

        let cost = price(
            userClass: c, operation: Int(opIndex), memoryGB: memory, computeUnits: units, minutes: minutes, congestion: congestion)
        submit(
            userClass: c, user: user, operation: opIndex, cost: cost, service: .seconds(serviceSeconds),
            work: work, willFail: willFail, u: u, at: time, queue: &queue, ledger: &ledger, shared: shared)
    }

    /// Prices a request: the class's fixed `payment`, the scenario's fixed price, or PRD-010's
    /// `calculate_compute_cost` of the request's resources with the FLAME multipliers of its
    /// operation (price drift × demand × performance × scarcity) as the demand factor and the
    /// oracle's market multiplier as the congestion factor.
    ///
    /// `mutating` although it changes nothing: a non-mutating method called from the event handlers
    /// makes Swift copy the whole market per call; a mutating one gets its address.
    mutating func price(
        userClass c: Int, operation: Int, memoryGB: Double, computeUnits: Double, minutes: Double, congestion: Rate
    ) -> TokenAmount {
        if let payment = classes[c].payment { return payment }
        if let fixedPrice { return fixedPrice }
        let factor = flameFactor(operation: operation)
        let resources = ComputeResources(
            memoryGB: FixedDecimal(approximating: Swift.min(memoryGB, 1_000_000)) ?? .zero,
            computeUnits: FixedDecimal(approximating: Swift.min(computeUnits, 1_000_000)) ?? .zero,
            executionMinutes: FixedDecimal(approximating: Swift.min(minutes, 10_000_000)) ?? .zero)
        let market = MarketConditions(
            demandFactor: FixedDecimal(rate: factor), supplyFactor: .one,
            congestionFactor: FixedDecimal(rate: congestion))
        do {
            return try ComputePricing.calculateComputeCost(
                operation: ComputeOperation.known[operation], resources: resources, market: market
            ).cost
        } catch {
            // Out of the pricing bounds: the request is priced at the largest amount (it will balk or be refused).
            return TokenAmount(baseUnits: Int64.max / 4)
        }
    }

    /// The FLAME factor of an operation now: its lambda price drift (current / initial price) ×
    /// demand × performance × scarcity, the demand factor `price` passes to `calculate_compute_cost`.
    func flameFactor(operation: Int) -> Rate {
        let fid = functionIDs[operation]
        let current = flame.functions[Int(fid.rawValue)].currentPrice
        let initial = flame.functions[Int(fid.rawValue)].initialPrice
        let breakdown: ExecutionCostBreakdown
        do { breakdown = try flame.executionCost(of: fid) } catch { preconditionFailure("registered function: \(error)") }
        var factor = Rate(current.baseUnits, over: Swift.max(initial.baseUnits, 1))
        for m in [breakdown.demand, breakdown.performance, breakdown.scarcity] {
            factor = Rate.multiplying(factor, m) ?? Rate(
                Int64((factor.doubleValue * m.doubleValue * 1e9).rounded()), over: 1_000_000_000)
        }
        return factor
    }

    /// The median FLAME factor over the operations the user classes request (1 in fixed-price
    /// mode, where no request is priced by FLAME; the lower middle value of an even count).
    var medianFlameFactor: Double {
        guard fixedPrice == nil else { return 1 }
        var ops: [Int] = []
        for c in classes where c.payment == nil { for op in c.operations where !ops.contains(Int(op)) { ops.append(Int(op)) } }
        guard !ops.isEmpty else { return 1 }
        let factors = ops.map { flameFactor(operation: $0).doubleValue }.sorted()
        return factors[(factors.count - 1) / 2]
    }

    /// Admission of one priced request (a user's, or an attacker's at its own price).
    mutating func submit(
        userClass c: Int, user: AccountID, operation: UInt8, cost: TokenAmount, service: SimDuration,
        work: KernelWork? = nil, willFail: Bool, u: Double, at time: SimTime,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        counters.arrived += 1
        let measured = time >= warmupEnd
        if let maxPrice = classes[c].maxPrice, cost > maxPrice {
            counters.balked += 1
            if measured { statistics.balked += 1 }
            shared.observer.execution(ExecutionRow(
                arrival: time, userClass: Int32(c), user: user.rawValue, operation: operation, outcome: .balked,
                cost: cost, burned: .zero, wait: .zero, service: .zero, provider: -1))
            return
        }
        topUpIfNeeded(userClass: c, user: user, cost: cost, ledger: &ledger, reserve: shared.accounts.reserve)
        let slot = allocateSlot()
        slots[slot] = RequestSlot(
            userClass: Int32(c), user: user, operation: operation, arrival: time, start: time, service: service,
            willFail: willFail, measured: measured, server: -1, ticket: nil, work: work ?? KernelWork(), calibrated: work != nil)
        let result: AdmissionResult
        do {
            result = try flame.admit(
                requestID: UInt64(slot), function: functionIDs[Int(operation)], cost: cost,
                userTokens: ledger.balance(of: user), at: time.timestamp, u: u, reportPosition: false)
        } catch {
            preconditionFailure("registered function: \(error)")
        }
        switch result {
        case .insufficientTokens:
            freeSlots.append(Int32(slot))
            counters.insufficient += 1
            if measured { statistics.insufficient += 1 }
            shared.observer.execution(ExecutionRow(
                arrival: time, userClass: Int32(c), user: user.rawValue, operation: operation,
                outcome: .insufficientTokens, cost: cost, burned: .zero, wait: .zero, service: .zero, provider: -1))
        case .queued:
            pendingByClass[c] += 1
            Self.hold(cost, on: user, ledger: &ledger)
            if measured { statistics.admitted += 1 }
            noteOccupancy(at: time)
        case let .started(ticket):
            pendingByClass[c] += 1
            Self.hold(cost, on: user, ledger: &ledger)
            if measured { statistics.admitted += 1 }
            start(slot: slot, ticket: ticket, at: time, queue: &queue)
            noteOccupancy(at: time)
        }
    }

    static func hold(_ cost: TokenAmount, on user: AccountID, ledger: inout Ledger) {
        guard cost.isPositive else { return }
        do { try ledger.hold(cost, on: user) } catch { preconditionFailure("FLAME checked the balance: \(error)") }
    }

    /// Tops a user up from the reserve (buying tokens on the market) when the class says so.
    mutating func topUpIfNeeded(userClass c: Int, user: AccountID, cost: TokenAmount, ledger: inout Ledger, reserve: AccountID) {
        guard let t = classes[c].topUp else { return }
        let balance = ledger.balance(of: user)
        guard balance < t.whenBelow || balance < cost else { return }
        let amount = Swift.min(t.amount, ledger.balance(of: reserve))
        guard amount.isPositive else { return }
        do { try ledger.transfer(amount, from: reserve, to: user, memo: .topUp) } catch {
            preconditionFailure("reserve balance checked: \(error)")
        }
        velocity.add(amount, relative: false)
    }

    mutating func allocateSlot() -> Int {
        if let s = freeSlots.popLast() { return Int(s) }
        let old = slots.count
        slots.append(contentsOf: repeatElement(RequestSlot(), count: old))
        freeSlots.append(contentsOf: (Int32(old + 1)..<Int32(2 * old)).reversed())
        return old
    }

    // MARK: - Service and settlement

    /// A new server identity (capacity grew); servers map to providers round-robin.
    mutating func newServer() -> Int32 {
        serversProvisioned += 1
        return serversProvisioned - 1
    }

    /// Starts the execution of `slot` on a free server.
    mutating func start(slot: Int, ticket: ExecutionTicket, at time: SimTime, queue: inout EventQueue<WorldEvent>) {
        let server = freeServers.popLast() ?? newServer()
        slots[slot].server = server
        slots[slot].start = time
        slots[slot].ticket = ticket
        let op = Int(slots[slot].operation)
        if slots[slot].calibrated, let calibration {
            let g = calibration.groups[calibration.group(ofServer: server)]
            if g.calibrates[op] { slots[slot].service = .seconds(slots[slot].work.dot(g.rates) / serviceSpeed) }
        }
        let wait = time - slots[slot].arrival
        if slots[slot].measured {
            statistics.waits.add(wait.seconds)
            if slots[slot].user.rawValue >= firstAttackerAccount { statistics.attackerWaits.add(wait.seconds) }
            statistics.operations[op].waits.add(wait.seconds)
            statistics.operations[op].services.add(slots[slot].service.seconds)
        }
        _ = queue.schedule(.completion(slot: Int32(slot)), at: time + slots[slot].service)
    }

    /// The end of an execution: complete (charge, burn `parameters.burnRate`, distribute by
    /// `parameters.distribution`) or fail (refund), then start the next queued requests.
    mutating func completion(
        slot s: Int, at time: SimTime, parameters: EconomicParameters,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let r = slots[s]
        guard let ticket = r.ticket else { preconditionFailure("completion of an idle slot") }
        pendingByClass[Int(r.userClass)] -= 1
        let providerIndex = providers.index(ofServer: r.server)
        let provider = providers.accounts[providerIndex]
        var burned = TokenAmount.zero
        let outcome: ExecutionRow.Outcome
        if r.willFail {
            let refund = flame.fail(ticket, at: time.timestamp)
            if refund.refund.isPositive {
                do { try ledger.release(refund.refund, on: r.user) } catch { preconditionFailure("held at admission: \(error)") }
            }
            counters.failed += 1
            if r.measured { statistics.failed += 1 }
            outcome = .failed
        } else {
            let settlement = flame.complete(
                ticket, at: time.timestamp, burnRate: parameters.burnRate, shares: parameters.distribution)
            if settlement.split.payment.isPositive {
                do {
                    try ledger.settle(
                        settlement.split, heldBy: r.user, provider: provider,
                        validatorPool: shared.accounts.validatorPool, feePool: shared.accounts.feePool)
                } catch { preconditionFailure("held at admission: \(error)") }
            }
            burned = settlement.split.burned
            counters.completed += 1
            if r.measured {
                statistics.completed += 1
                statistics.burned += burned
                statistics.providerIncome += settlement.split.provider
                if r.user.rawValue < firstAttackerAccount { statistics.paidByHonest += settlement.split.payment }
                else { statistics.paidByAttackers += settlement.split.payment }
            }
            velocity.add(settlement.split.payment)
            providers.gpuSeconds[providerIndex] += r.service.seconds
            outcome = .completed
        }
        shared.observer.execution(ExecutionRow(
            arrival: r.arrival, userClass: r.userClass, user: r.user.rawValue, operation: r.operation, outcome: outcome,
            cost: ticket.cost, burned: burned, wait: r.start - r.arrival, service: r.service, provider: provider.rawValue))
        slots[s].ticket = nil
        freeSlots.append(Int32(s))
        // Keep `freeServers.count == capacity − running`; a server beyond a reduced capacity retires.
        if freeServers.count < flame.capacity - flame.running { freeServers.append(r.server) }
        dispatchQueued(at: time, queue: &queue)
        noteOccupancy(at: time)
    }

    /// Records the queue length and the busy servers for the time averages (once per change).
    mutating func noteOccupancy(at time: SimTime) {
        statistics.running.record(Double(flame.running), at: time)
        statistics.queueLength.record(Double(flame.queue.count), at: time)
    }

    /// Starts queued requests while execution slots are free.
    mutating func dispatchQueued(at time: SimTime, queue: inout EventQueue<WorldEvent>) {
        while let ticket = flame.dispatchNext(at: time.timestamp) {
            start(slot: Int(ticket.requestID), ticket: ticket, at: time, queue: &queue)
        }
    }

    // MARK: - Capacity

    /// Sets the number of execution slots, keeping `freeServers.count == capacity − running`
    /// (busy servers beyond a reduced capacity retire when they finish).
    mutating func setCapacity(_ capacity: Int, at time: SimTime) {
        flame.capacity = capacity
        let wantFree = Swift.max(0, capacity - flame.running)
        while freeServers.count > wantFree { freeServers.removeLast() }
        while freeServers.count < wantFree { freeServers.append(newServer()) }
        statistics.capacity.record(Double(capacity), at: time)
    }

    /// New servers came into service: start queued work on them.
    mutating func capacityAdded(at time: SimTime, queue: inout EventQueue<WorldEvent>) {
        dispatchQueued(at: time, queue: &queue)
        noteOccupancy(at: time)
    }
}

extension FixedDecimal {
    /// The rate at 10⁻⁹ resolution, rounded to nearest (documented in the world's pricing).
    init(rate: Rate) {
        let (q, _) = ExactArithmetic.divide(
            UInt128(rate.numerator) * 1_000_000_000, by: UInt128(rate.denominator), rounding: .toNearestOrEven)
        self.init(nanos: Int64(q))
    }
}
