import Foundation
import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite struct PricingQueueTests {
    static let specCases: [(Int64, Double)] = [
        // tokens, expected priority at u = 0
        (50, 5_000.0),  // 50·100, no penalty
        (100, 10_000.0),  // not > 100: no penalty
        (1_000, 100_000.0 - log(10.0) * 0.1),  // 99 999.769741…
        (1_000_000, 100_000_000.0 - log(10_000.0) * 0.1),  // 99 999 999.078966…
    ]

    @Test(arguments: specCases)
    func specPriority(tokens: Int64, expected: Double) {
        let p = QueuePriority.calculate(tokensPaid: TokenAmount(gct: tokens), u: 0)
        #expect(p.priority == expected)
        #expect(p.tokenPriority == Double(tokens) * 100)
    }

    @Test func penaltyIsNegligibleAsWritten() {
        let p = QueuePriority.calculate(tokensPaid: TokenAmount(gct: 1_000_000), u: 0.5)
        #expect(abs(p.whalePenalty - 0.921034037) < 1e-9)  // ln(10⁴)·0.1
        #expect(p.fairness == 0.05)
        #expect(p.priority == 100_000_000.0 - p.whalePenalty + 0.05)
    }

    @Test func alternativeCurves() {
        let t = TokenAmount(gct: 1_000)
        // log: 10⁴·(1 + ln 10) = 33 025.850929…; sqrt: 10⁴·√10 = 31 622.776601…
        #expect(abs(QueuePriority.calculate(tokensPaid: t, u: 0, curve: .logarithmic).priority - 33_025.850929940) < 1e-6)
        #expect(abs(QueuePriority.calculate(tokensPaid: t, u: 0, curve: .squareRoot).priority - 31_622.776601684) < 1e-6)
        // identical to the spec up to 100 tokens, continuous at 100, strictly increasing
        for curve in QueuePriorityCurve.allCases {
            #expect(QueuePriority.calculate(tokensPaid: TokenAmount(gct: 50), u: 0, curve: curve).priority == 5_000)
            let at100 = QueuePriority.calculate(tokensPaid: TokenAmount(gct: 100), u: 0, curve: curve).priority
            let above = QueuePriority.calculate(tokensPaid: TokenAmount(baseUnits: 100_000_000_001), u: 0, curve: curve).priority
            #expect(above > at100 && above - at100 < 1e-3)
            var last = -1.0
            for g in stride(from: Int64(1), through: 10_000_000, by: 99_991) {
                let p = QueuePriority.calculate(tokensPaid: TokenAmount(gct: g), u: 0, curve: curve).priority
                #expect(p > last)
                last = p
            }
        }
    }

    static func entry(_ priority: Double, _ id: UInt64) -> QueueEntry {
        QueueEntry(requestID: id, functionID: LambdaFunctionID(rawValue: 0), tokensPaid: .zero, enqueuedAt: .zero, priority: priority)
    }

    /// Property (seeds 0..<50): pops come out by priority descending, equal priorities first in, first out.
    @Test func heapOrder() {
        for seed in UInt64(0)..<50 {
            var g = SeededGenerator(seed: seed)
            var q = ExecutionQueue()
            var pushed: [(Double, UInt64)] = []
            for i in 0..<500 {
                let p = Double(Int.random(in: 0..<20, using: &g))  // many ties
                let s = q.push(Self.entry(p, UInt64(i)))
                pushed.append((p, s))
                if i % 7 == 0, let e = q.pop() {
                    let best = pushed.min { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }!
                    #expect(e.sequence == best.1, "seed \(seed)")
                    pushed.removeAll { $0.1 == e.sequence }
                }
            }
            #expect(q.isHeapOrdered, "seed \(seed)")
            let expected = pushed.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.1)
            var got: [UInt64] = []
            while let e = q.pop() { got.append(e.sequence) }
            #expect(got == expected, "seed \(seed)")
        }
    }

    @Test func rankRemoveAndPosition() throws {
        var q = ExecutionQueue()
        let a = q.push(Self.entry(5, 1))
        let b = q.push(Self.entry(9, 2))
        let c = q.push(Self.entry(5, 3))  // ties with a, behind it
        let d = q.push(Self.entry(1, 4))
        #expect(q.rank(ofSequence: b) == 1)
        #expect(q.rank(ofSequence: a) == 2)
        #expect(q.rank(ofSequence: c) == 3)
        #expect(q.rank(ofSequence: d) == 4)
        // capacity 2, 10 s service: rank 4 → ⌈4/2⌉ = 2 waves → 20 s; rank 1 cannot be boosted
        let p = try #require(q.position(ofSequence: d, capacity: 2, meanServiceTime: .seconds(10)))
        #expect(p == QueuePosition(position: 4, estimatedWait: .seconds(20), canBoostPriority: true))
        #expect(q.position(ofSequence: b, capacity: 2, meanServiceTime: .seconds(10))
            == QueuePosition(position: 1, estimatedWait: .seconds(10), canBoostPriority: false))
        #expect(q.remove(sequence: a)?.requestID == 1)
        #expect(q.rank(ofSequence: c) == 2)
        #expect(q.rank(ofSequence: a) == nil)
        #expect(q.isHeapOrdered)
    }
}
