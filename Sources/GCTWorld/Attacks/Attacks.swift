import GCTEconomics
import Foundation
import GCTEngine

/// Attacks on the economy: oracle manipulation (colluding validators' bias, read by the oracle
/// network) and whales (accounts that send high-payment requests into the market).
///
/// A component of the world: it owns the attackers' accounts, counters and streams and the
/// `whaleRequest` event; the market it attacks is passed in.
struct Attacks {
    let oracleManipulation: [OracleManipulationAttack]
    let whales: [WhaleAttack]
    let sybil: [SybilAttack]
    let outages: [OutageAttack]
    let washTrading: [WashTradingAttack]
    /// Per whale: its account, the index of its user class, requests sent, its stream.
    var whaleAccounts: [AccountID] = []
    var whaleClasses: [Int] = []
    var whaleSent: [Int] = []
    var whaleStreams: [RandomStream] = []
    /// Per wash-trading attack: its accounts (`execute`: one; `transfer`: two), the class index,
    /// which account holds the tokens (`transfer`), its stream.
    var washAccounts: [[AccountID]] = []
    var washClasses: [Int] = []
    var washHolder: [Int] = []
    var washStreams: [RandomStream] = []
    /// Per sybil attack: the range of its validators in the oracle network (set by the world).
    var sybilValidators: [Range<Int>] = []

    /// Opens each whale's account, funded with payment × requests from the reserve.
    init(_ c: ScenarioConfiguration, replication: Int, ledger: inout Ledger, reserve: AccountID) throws(WorldError) {
        oracleManipulation = c.attacks?.oracleManipulation ?? []
        whales = c.attacks?.whales ?? []
        for (i, w) in whales.enumerated() {
            let account = ledger.openAccount(.user, name: "whale/\(i)")
            let budget = TokenAmount(baseUnits: w.payment.baseUnits.multipliedReportingOverflow(by: Int64(w.requests)).partialValue)
            try Genesis.fund(account, budget, "whale budgets", ledger: &ledger, reserve: reserve)
            whaleAccounts.append(account)
            whaleClasses.append(c.users.firstIndex { $0.name == w.userClass } ?? -1)
            whaleSent.append(0)
            whaleStreams.append(RandomStream(seed: c.seed, replication: UInt32(replication), stream: StreamID(purpose: Purpose.whales, index: i)))
        }
        sybil = c.attacks?.sybil ?? []
        outages = c.attacks?.outages ?? []
        washTrading = c.attacks?.washTrading ?? []
        for (i, w) in washTrading.enumerated() {
            var accounts = [ledger.openAccount(.user, name: "wash/\(i)")]
            if w.mode == .transfer { accounts.append(ledger.openAccount(.user, name: "wash/\(i)/b")) }
            try Genesis.fund(accounts[0], w.amount, "wash-trading budgets", ledger: &ledger, reserve: reserve)
            washAccounts.append(accounts)
            washClasses.append(c.users.firstIndex { $0.name == w.userClass } ?? -1)
            washHolder.append(0)
            washStreams.append(RandomStream(seed: c.seed, replication: UInt32(replication), stream: StreamID(purpose: Purpose.washTrading, index: i)))
        }
    }

    /// The first account of the attackers that use the market (whales, then wash traders), if any.
    var firstMarketAttacker: AccountID? { whaleAccounts.first ?? washAccounts.first?.first }

    /// Every whale's first request and every wash trader's first trade.
    mutating func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        for (i, w) in whales.enumerated() {
            _ = queue.schedule(.whaleRequest(attack: Int32(i)), at: .zero + w.at.simStep)
        }
        for (i, w) in washTrading.enumerated() {
            let first = SimTime.zero + w.start.simStep + washStreams[i].exponentialDelay(rate: w.ratePerSecond)
            if first < .zero + w.end.simDuration { _ = queue.schedule(.washTrade(attack: Int32(i)), at: first) }
        }
    }

    /// The oracle attack in force at `time` (the first one listed that covers it: oracle
    /// manipulation, then sybil, then outage), with its drift after `(time − start) / period`
    /// whole rounds. Attack indices run on across the three lists (coalitions are cached by index).
    func oracleBias(at time: SimTime, period: ScenarioDuration = .minutes(5)) -> OracleBias {
        func inWindow(_ start: ScenarioDuration, _ end: ScenarioDuration) -> Bool {
            time >= .zero + start.simDuration && time < .zero + end.simDuration
        }
        for (k, a) in oracleManipulation.enumerated() where inWindow(a.start, a.end) {
            var bias = OracleBias(validators: a.validators, bias: a.bias)
            bias.attack = k
            bias.weightShare = a.weightShare
            if a.fieldBias != nil || a.step != nil {
                var f = a.biases.values
                if let step = a.step {
                    let rounds = Double((time - (.zero + a.start.simDuration)).ticks / Swift.max(period.simDuration.ticks, 1))
                    for j in f.indices { f[j] = Swift.max(f[j] + step.values[j] * rounds, -0.999_999) }
                }
                bias.fields = f
            }
            return bias
        }
        for (k, a) in sybil.enumerated() where inWindow(a.start, a.end) && k < sybilValidators.count {
            var bias = OracleBias(validators: 0, bias: a.bias)
            bias.attack = oracleManipulation.count + k
            bias.members = sybilValidators[k]
            bias.fields = a.biases.values
            return bias
        }
        for (k, a) in outages.enumerated() where inWindow(a.start, a.end) {
            var bias = OracleBias(validators: 0, bias: a.bias)
            bias.attack = oracleManipulation.count + sybil.count + k
            bias.weightShare = a.weightShare
            bias.members = a.weightShare == nil ? 0..<0 : nil
            bias.offlineShare = a.offlineShare
            bias.fields = a.biases.values
            return bias
        }
        return OracleBias()
    }

    /// One request of whale `a`: a user of its class pays `payment` for an operation of the
    /// class's mix; the next request follows `spacing` later until `requests` are sent.
    mutating func whaleRequest(
        _ a: Int, at time: SimTime, market: inout ComputeMarket,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let w = whales[a]
        let c = whaleClasses[a]
        guard c >= 0 else { return }
        whaleSent[a] += 1
        if whaleSent[a] < w.requests {
            _ = queue.schedule(.whaleRequest(attack: Int32(a)), at: time + w.spacing.simStep)
        }
        var stream = whaleStreams[a]
        let k = market.classes[c]
        let opIndex = k.operations[k.operationChoice.sample(&stream)]
        let service = market.serviceTime[Int(opIndex)].sample(&stream) / market.serviceSpeed
        let u = stream.uniform()
        whaleStreams[a] = stream
        market.submit(
            userClass: c, user: whaleAccounts[a], operation: opIndex, cost: w.payment,
            service: .seconds(service), willFail: false, u: u, at: time, queue: &queue, ledger: &ledger, shared: shared)
    }

    /// One wash trade of attack `a`: the next follows after an exponential delay while in the
    /// window. `execute`: a request of the class's mix at the market price (`congestion`), paid by
    /// the attacker; `transfer`: `amount` moves between the attacker's two accounts and counts
    /// in the token volume (velocity).
    mutating func washTrade(
        _ a: Int, at time: SimTime, congestion: Rate, market: inout ComputeMarket,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let w = washTrading[a]
        var stream = washStreams[a]
        let next = time + stream.exponentialDelay(rate: w.ratePerSecond)
        if next < .zero + w.end.simDuration { _ = queue.schedule(.washTrade(attack: Int32(a)), at: next) }
        switch w.mode {
        case .transfer:
            let from = washAccounts[a][washHolder[a]], to = washAccounts[a][1 - washHolder[a]]
            let amount = Swift.min(w.amount, ledger.balance(of: from))
            if amount.isPositive {
                do { try ledger.transfer(amount, from: from, to: to, memo: .other) } catch { preconditionFailure("balance checked: \(error)") }
                market.velocity.add(amount)
            }
            washHolder[a] = 1 - washHolder[a]
            washStreams[a] = stream
        case .execute:
            let c = washClasses[a]
            guard c >= 0 else { washStreams[a] = stream; return }
            let k = market.classes[c]
            let opIndex = k.operations[k.operationChoice.sample(&stream)]
            let memory = k.memory.sample(&stream)
            let units = k.computeUnits.sample(&stream)
            let minutes = k.minutes.sample(&stream)
            let service = market.serviceTime[Int(opIndex)].sample(&stream) / market.serviceSpeed
            let u = stream.uniform()
            washStreams[a] = stream
            let cost = market.price(
                userClass: c, operation: Int(opIndex), memoryGB: memory, computeUnits: units, minutes: minutes, congestion: congestion)
            market.submit(
                userClass: c, user: washAccounts[a][0], operation: opIndex, cost: cost,
                service: .seconds(service), willFail: false, u: u, at: time, queue: &queue, ledger: &ledger, shared: shared)
        }
    }
}

extension RandomStream {
    /// An exponential delay of mean `1 / rate` seconds.
    mutating func exponentialDelay(rate: Double) -> SimDuration {
        .seconds(-log(uniform()) / Swift.max(rate, 1e-12))
    }
}
