@testable import GCTEngine
import Testing
import _GCTTestSupport

@Suite("EventQueue")
struct EventQueueTests {
    /// Pops everything, returning (time ticks, payload) pairs.
    private func drain<E>(_ queue: inout EventQueue<E>) -> [(Int64, E)] {
        var out: [(Int64, E)] = []
        while let next = queue.popNext() {
            #expect(queue.now == next.time)
            out.append((next.time.ticks, next.event))
        }
        return out
    }

    @Test("pops in time order")
    func timeOrder() {
        var queue = EventQueue<String>()
        queue.schedule("c", at: .seconds(3))
        queue.schedule("a", at: .seconds(1))
        queue.schedule("d", at: .seconds(4))
        queue.schedule("b", at: .seconds(2))
        #expect(queue.nextTime == .seconds(1))
        #expect(drain(&queue).map(\.1) == ["a", "b", "c", "d"])
        #expect(queue.isEmpty)
        #expect(queue.now == .seconds(4))
    }

    @Test("equal-time events pop in insertion order", arguments: [1, 3, 17, 1_000])
    func equalTimes(distinctTimes: Int) {
        // 5 000 events over few distinct times, scheduled in a scrambled time order. The expected
        // order is a stable sort by time: within one time, insertion order.
        var generator = SeededGenerator(seed: UInt64(distinctTimes))
        var queue = EventQueue<Int>()
        var inserted: [(time: Int64, id: Int)] = []
        for id in 0 ..< 5_000 {
            let time = Int64.random(in: 0 ..< Int64(distinctTimes), using: &generator)
            queue.schedule(id, at: SimTime(ticks: time))
            inserted.append((time, id))
        }
        queue.checkInvariants()
        let expected = inserted.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element.id)
        #expect(drain(&queue).map(\.1) == expected)
    }

    @Test("handles are insertion sequence numbers")
    func handles() {
        var queue = EventQueue<Int>()
        let first = queue.schedule(0, at: .zero)
        let second = queue.schedule(1, at: .zero)
        #expect(first.sequence == 0 && second.sequence == 1)
        #expect(queue.scheduledCount == 2)
        #expect(queue.popNext()?.handle == first)
    }

    @Test("schedule(after:) is relative to now")
    func relative() {
        var queue = EventQueue<Int>(start: .seconds(100))
        queue.schedule(1, after: .seconds(5))
        #expect(queue.popNext()?.time == .seconds(105))
        queue.schedule(2, after: .zero)
        #expect(queue.popNext()?.time == .seconds(105))
    }

    @Test("cancelled events never pop, wherever they are in the heap")
    func cancellation() {
        var queue = EventQueue<Int>()
        var handles: [EventHandle] = []
        for id in 0 ..< 100 {
            handles.append(queue.schedule(id, at: SimTime(ticks: Int64(id % 10))))
        }
        // Cancel the current top (id 0 at t=0), something deep (id 55) and the last (id 99).
        for id in [0, 55, 99] { queue.cancel(handles[id]) }
        queue.checkInvariants()
        #expect(queue.nextTime == .zero)  // id 10 is also at t = 0
        let popped = drain(&queue).map(\.1)
        #expect(popped.count == 97)
        #expect(!popped.contains(0) && !popped.contains(55) && !popped.contains(99))
        #expect(popped.first == 10)
    }

    @Test("cancelling the only event empties the queue; stale and unknown handles are ignored")
    func cancelEdgeCases() {
        var queue = EventQueue<Int>()
        let only = queue.schedule(1, at: .seconds(1))
        queue.cancel(only)
        #expect(queue.isEmpty)
        #expect(queue.nextTime == nil)
        #expect(queue.popNext() == nil)

        let fired = queue.schedule(2, at: .seconds(2))
        let pending = queue.schedule(3, at: .seconds(3))
        #expect(queue.popNext()?.event == 2)
        queue.cancel(fired)                         // already fired: no effect
        queue.cancel(EventHandle(sequence: 1_000))  // never issued: no effect
        queue.cancel(pending)
        queue.cancel(pending)                       // twice: no effect
        #expect(queue.popNext() == nil)
        #expect(queue.now == .seconds(2))
    }

    @Test("many cancellations compact the heap and keep it correct")
    func compaction() {
        var queue = EventQueue<Int>()
        var handles: [EventHandle] = []
        for id in 0 ..< 1_000 { handles.append(queue.schedule(id, at: SimTime(ticks: Int64(1_000 - id)))) }
        // Cancel the odd ids: more than half the heap → at least one compaction.
        for id in stride(from: 1, to: 1_000, by: 2) { queue.cancel(handles[id]) }
        queue.checkInvariants()
        #expect(queue.storedCount < 1_000)
        let popped = drain(&queue).map(\.1)
        // Even ids, latest-scheduled first (they have the earliest times).
        #expect(popped == Array(stride(from: 998, through: 0, by: -2)))
    }

    @Test("popNext(notAfter:) leaves later events and the clock alone")
    func popNotAfter() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: .seconds(1))
        queue.schedule(2, at: .seconds(2))
        #expect(queue.popNext(notAfter: .seconds(1))?.event == 1)
        #expect(queue.popNext(notAfter: .seconds(1)) == nil)
        #expect(queue.now == .seconds(1))
        #expect(queue.popNext(notAfter: .seconds(2))?.event == 2)
    }

    @Test("random schedules, pops and cancels match a sorted reference", arguments: 0 ..< 40)
    func matchesReference(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var queue = EventQueue<UInt64>()
        // Reference: live events as (time, sequence); pop takes the minimum.
        var live: [(time: Int64, sequence: UInt64)] = []
        for _ in 0 ..< 600 {
            let roll = Int.random(in: 0 ..< 10, using: &generator)
            if roll < 5 {
                let time = queue.now.ticks + Int64.random(in: 0 ..< 50, using: &generator)
                let handle = queue.schedule(queue.scheduledCount, at: SimTime(ticks: time))
                live.append((time, handle.sequence))
            } else if roll < 8 {
                let expected = live.min { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
                let popped = queue.popNext()
                #expect(popped?.sequence == expected?.sequence, "seed \(seed)")
                #expect(popped?.event == expected?.sequence, "seed \(seed)")
                if let expected { live.removeAll { $0.sequence == expected.sequence } }
            } else if !live.isEmpty {
                let victim = live.remove(at: Int.random(in: 0 ..< live.count, using: &generator))
                queue.cancel(EventHandle(sequence: victim.sequence))
            }
            queue.checkInvariants()
            #expect(queue.isEmpty == live.isEmpty, "seed \(seed)")
        }
    }

    @Test("random schedules over wide time spans (every digit level of the radix heap) match a sorted reference",
          arguments: [(UInt64, Int64)]([(0, 50), (1, 1 << 20), (2, 1 << 40), (3, .max / 4)]))
    func matchesReferenceWideSpans(seed: UInt64, span: Int64) {
        var generator = SeededGenerator(seed: seed)
        var queue = EventQueue<UInt64>(start: SimTime(ticks: -(span / 2)))
        var live: [(time: Int64, sequence: UInt64)] = []
        for _ in 0 ..< 3_000 {
            let roll = Int.random(in: 0 ..< 10, using: &generator)
            if roll < 5 {
                // Half at now (ties), half anywhere in the span.
                let room = queue.now.ticks < 0 ? Int64.max : Int64.max - queue.now.ticks
                let offset = Bool.random(using: &generator) ? 0 : Int64.random(in: 0 ... Swift.min(span, room), using: &generator)
                let time = queue.now.ticks + offset
                let handle = queue.schedule(queue.scheduledCount, at: SimTime(ticks: time))
                live.append((time, handle.sequence))
            } else if roll < 9 {
                let expected = live.min { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
                #expect(queue.nextTime?.ticks == expected?.time)
                let popped = queue.popNext()
                #expect(popped?.sequence == expected?.sequence, "seed \(seed)")
                if let expected { live.removeAll { $0.sequence == expected.sequence } }
            } else if !live.isEmpty {
                let victim = live.remove(at: Int.random(in: 0 ..< live.count, using: &generator))
                queue.cancel(EventHandle(sequence: victim.sequence))
            }
            queue.checkInvariants()
            #expect(queue.isEmpty == live.isEmpty, "seed \(seed)")
        }
    }

    @Test("after a look at a later event, an earlier one can still be scheduled and pops first")
    func scheduleBeforeThePendingMinimum() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: .seconds(100))
        #expect(queue.popNext(notAfter: .seconds(10)) == nil)  // looks at t = 100, pops nothing
        queue.advanceClock(to: .seconds(10))
        queue.schedule(2, at: .seconds(50))
        queue.schedule(3, at: .seconds(10))
        queue.checkInvariants()
        #expect(drain(&queue).map(\.1) == [3, 2, 1])
    }

    @Test("scheduling before now traps")
    func schedulingInThePastTraps() async {
        await #expect(processExitsWith: .failure) {
            var queue = EventQueue<Int>()
            queue.schedule(1, at: .seconds(2))
            _ = queue.popNext()
            queue.schedule(2, at: .seconds(1))
        }
    }
}
