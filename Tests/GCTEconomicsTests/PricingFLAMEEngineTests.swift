import Testing
@testable import GCTEconomics

@Suite struct PricingFLAMEEngineTests {
    static func gct(_ s: String) -> TokenAmount { try! TokenAmount(parsing: s) }
    /// matrix, 2 cores, 4 GB, 10 minutes: 0.15 × (1 + 0.4 + 0.1 + 0.2) = 0.15 × 1.7 = 0.255 GCT.
    static let requirements = ResourceRequirements(
        gpuCores: 2, memoryGB: FixedDecimal(4), executionTimeEstimate: .seconds(600), coreTypes: [.matrix])

    @Test func registryAndCodeHash() throws {
        var e = FLAMEEngine(capacity: 1, meanServiceTime: .seconds(60), pricing: .neutral)
        let id = try e.register(code: "kernel A", requirements: Self.requirements)
        #expect(try e.function(id).initialPrice == Self.gct("0.255"))
        #expect(try e.register(code: "kernel A", requirements: Self.requirements) == id)
        let other = try e.register(code: "kernel B", requirements: Self.requirements)
        #expect(other != id)
        #expect(e.functionID(forCode: "kernel B") == other)
        // FNV-1a 64 known answers: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c
        #expect(CodeHash(code: "").description == "cbf29ce484222325")
        #expect(CodeHash(code: "a").description == "af63dc4c8601ec8c")
        #expect(throws: FLAMEError.functionNotFound(LambdaFunctionID(rawValue: 9))) {
            try e.executionCost(of: LambdaFunctionID(rawValue: 9))
        }
    }

    @Test func executeFlowNeutral() throws {
        var e = FLAMEEngine(capacity: 1, meanServiceTime: .seconds(60), pricing: .neutral)
        let f = try e.register(code: "k", requirements: Self.requirements)
        let t0 = Timestamp(microseconds: 1_000)
        #expect(try e.admit(requestID: 1, function: f, userTokens: Self.gct("0.2"), at: t0, u: 0)
            == .insufficientTokens(required: Self.gct("0.255"), available: Self.gct("0.2")))
        guard case let .started(first) = try e.admit(requestID: 2, function: f, userTokens: Self.gct("1"), at: t0, u: 0) else {
            Issue.record("expected started"); return
        }
        #expect(first.cost == Self.gct("0.255"))
        // the only slot is busy: queued first in line, wait ⌈1/1⌉ × 60 s
        guard case let .queued(seq, position, cost) = try e.admit(requestID: 3, function: f, userTokens: Self.gct("1"), at: t0, u: 0.5) else {
            Issue.record("expected queued"); return
        }
        #expect(position == QueuePosition(position: 1, estimatedWait: .seconds(60), canBoostPriority: false))
        #expect(cost == Self.gct("0.255"))
        #expect(e.queuePosition(ofSequence: seq) == position)
        #expect(e.dispatchNext(at: t0) == nil)  // no free slot
        let done = e.complete(first, at: t0 + .seconds(30))
        // burn 0.5 % of 0.255 = 0.001275; the rest 0.253725 distributed
        #expect(done.split.burned == Self.gct("0.001275"))
        #expect(done.split.burned + done.split.provider + done.split.validators + done.split.feePool == Self.gct("0.255"))
        #expect(done.record.status == .success && done.record.executionTime == .seconds(30))
        #expect(done.updatedPrice == Self.gct("0.255"))  // neutral: frozen
        let next = e.dispatchNext(at: t0 + .seconds(30))
        let second = try #require(next)
        #expect(second.requestID == 3 && second.cost == Self.gct("0.255"))
        let failed = e.fail(second, at: t0 + .seconds(31))
        #expect(failed.refund == Self.gct("0.255"))
        #expect(failed.record.tokensPaid == .zero && failed.record.status == .failed)
        let fn = try e.function(f)
        #expect(fn.successes == 1 && fn.failures == 1 && fn.pending == 0 && e.running == 0)
    }

    @Test func defaultMultipliers() throws {
        var e = FLAMEEngine(capacity: 2, meanServiceTime: .seconds(60))
        let f = try e.register(code: "k", requirements: Self.requirements)
        guard case let .started(a) = try e.admit(requestID: 1, function: f, userTokens: Self.gct("10"), at: .zero, u: 0) else {
            Issue.record("expected started"); return
        }
        #expect(a.cost == Self.gct("0.255"))  // nothing pending, 0 % utilization: all multipliers 1
        // pending 1 of capacity 2: demand 1 + 0.1·1/2 = 1.05; utilization 0.5 < 0.8: scarcity 1
        let c1 = try e.executionCost(of: f)
        #expect(c1.demand == Rate(21, over: 20) && c1.scarcity == .one)
        #expect(c1.cost == Self.gct("0.26775"))  // 0.255 × 1.05
        guard case let .started(b) = try e.admit(requestID: 2, function: f, userTokens: Self.gct("10"), at: .zero, u: 0) else {
            Issue.record("expected started"); return
        }
        // pending 2: demand 1.1; utilization 1: scarcity 1 + 0.5·(1 − 0.8)/0.2 = 1.5
        let c2 = try e.executionCost(of: f, congestion: Rate(2, over: 1))
        #expect(c2.demand == Rate(11, over: 10) && c2.scarcity == Rate(3, over: 2))
        #expect(c2.cost == Self.gct("0.8415"))  // 0.255 × 1.1 × 2 × 1.5
        // complete a: pending 1 → price × (1 + 0.01·(1/2 − 1)) = 0.255 × 0.995 = 0.253725
        #expect(e.complete(a, at: .zero).updatedPrice == Self.gct("0.253725"))
        // fail b: performance 1 − 0.2 × 1/2 = 0.9
        _ = e.fail(b, at: .zero)
        let c3 = try e.executionCost(of: f)
        #expect(c3.performance == Rate(9, over: 10))
        #expect(c3.cost == Self.gct("0.2283525"))  // 0.253725 × 0.9
    }
}
