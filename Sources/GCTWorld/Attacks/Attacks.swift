import GCTEconomics
import GCTEngine

/// Attacks on the economy: oracle manipulation (colluding validators' bias, read by the oracle
/// network) and whales (accounts that send high-payment requests into the market).
///
/// A component of the world: it owns the attackers' accounts, counters and streams and the
/// `whaleRequest` event; the market it attacks is passed in.
struct Attacks {
    let oracleManipulation: [OracleManipulationAttack]
    let whales: [WhaleAttack]
    /// Per whale: its account, the index of its user class, requests sent, its stream.
    var whaleAccounts: [AccountID] = []
    var whaleClasses: [Int] = []
    var whaleSent: [Int] = []
    var whaleStreams: [RandomStream] = []

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
    }

    /// Every whale's first request.
    func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        for (i, w) in whales.enumerated() {
            _ = queue.schedule(.whaleRequest(attack: Int32(i)), at: .zero + w.at.simStep)
        }
    }

    /// The oracle-manipulation attack in force at `time` (the first one listed that covers it),
    /// with its drift after `(time − start) / period` whole rounds.
    func oracleBias(at time: SimTime, period: ScenarioDuration = .minutes(5)) -> OracleBias {
        for (k, a) in oracleManipulation.enumerated()
        where time >= .zero + a.start.simDuration && time < .zero + a.end.simDuration {
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
}
