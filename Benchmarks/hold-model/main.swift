// The engine hold model without the benchmark package (Benchmarks/hold-model.sh builds and profiles it).
// Usage: hold SIZE EVENTS REPETITIONS; prints events/s, a checksum and the final clock (equal for any
// correct queue: the events pop in the same order).
import Foundation
enum HoldEvent {
    case job(UInt32)
    case tick
}
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
@main struct Main {
    static func main() {
        let args = CommandLine.arguments
        let size = args.count > 1 ? Int(args[1])! : 1000
        let n = args.count > 2 ? Int(args[2])! : 10_000_000
        let reps = args.count > 3 ? Int(args[3])! : 5
        var model = HoldModel(size: size, seed: 1)
        _ = model.hold(size)
        for _ in 0..<reps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c = model.hold(n)
            let t1 = DispatchTime.now().uptimeNanoseconds
            print(String(format: "size %d: %.2f M events/s (checksum %llu, now %lld)", size, Double(n) / Double(t1 - t0) * 1000, c, model.queue.now.ticks))
        }
    }
}
