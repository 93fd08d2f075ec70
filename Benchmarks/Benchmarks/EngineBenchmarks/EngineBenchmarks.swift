// Engine benchmarks: the classic hold model on EventQueue, and Philox draws.
//
// Run from Benchmarks/: `swift package --disable-sandbox benchmark`.
// Throughput is reported per scaled iteration: one iteration = 1 M events (or 1 M draws), so
// "throughput (M)" reads as millions of events (draws) per second.
import Benchmark
import GCTEngine

/// A small payload, as a world model's event enum would be.
enum HoldEvent {
    case job(UInt32)
    case tick
}

/// The hold model: a queue holding `size` pending events; each pop schedules one new event at
/// now + Exp(mean 1 s). The queue size stays constant, which is the standard priority-queue benchmark.
struct HoldModel {
    var queue: EventQueue<HoldEvent>
    var stream: RandomStream
    let delay = ExponentialDistribution(mean: 1)

    init(size: Int, seed: UInt64) {
        queue = EventQueue(capacity: size + 1)
        stream = RandomStream(seed: seed, stream: StreamID(purpose: StreamPurpose(rawValue: 1)))
        for index in 0 ..< size {
            queue.schedule(.job(UInt32(index)), after: .seconds(delay.sample(&stream)))
        }
    }

    /// Pops and reschedules `count` events; returns a checksum so the work cannot be optimized away.
    @inline(never)
    mutating func hold(_ count: Int) -> UInt64 {
        var checksum: UInt64 = 0
        for _ in 0 ..< count {
            let next = queue.popNext().unsafelyUnwrapped
            if case let .job(id) = next.event { checksum &+= UInt64(id) }
            queue.schedule(next.event, after: .seconds(delay.sample(&stream)))
        }
        return checksum
    }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 20
    )

    for size in [1_000, 10_000] {
        Benchmark("hold model, \(size) pending events", configuration: configuration) { benchmark in
            var model = HoldModel(size: size, seed: 1)
            _ = model.hold(size)  // warm the heap into its steady state
            benchmark.startMeasurement()
            blackHole(model.hold(benchmark.scaledIterations.count))
            benchmark.stopMeasurement()
        }
    }

    // A control for the malloc counter: exactly one heap allocation per iteration (a fresh array), so
    // `Malloc (total)` must read 1 000 000 per scaled iteration here; a 0 would mean the counter is not
    // measuring (the interposer not preloaded), and the hold model's 0 above would mean nothing.
    Benchmark("allocation control, one array per iteration", configuration: configuration) { benchmark in
        var checksum = 0
        for index in benchmark.scaledIterations {
            let array = [index, index &+ 1]
            blackHole(array)
            checksum &+= array.count
        }
        blackHole(checksum)
    }

    Benchmark("Philox4x32-10 64-bit draws", configuration: configuration) { benchmark in
        var stream = RandomStream(seed: 1, stream: StreamID(purpose: StreamPurpose(rawValue: 2)))
        var checksum: UInt64 = 0
        for _ in benchmark.scaledIterations { checksum &+= stream.next() }
        blackHole(checksum)
    }

    Benchmark("exponential samples", configuration: configuration) { benchmark in
        var stream = RandomStream(seed: 1, stream: StreamID(purpose: StreamPurpose(rawValue: 3)))
        let exponential = ExponentialDistribution(mean: 1)
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += exponential.sample(&stream) }
        blackHole(sum)
    }
}
