import GCTEngine
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Run loop")
struct RunLoopTests {
    @Test("run(until:) handles events at the horizon, stops before later ones and moves the clock there")
    func runUntil() {
        var queue = EventQueue<Int>()
        for second in [15, 5, 10] { queue.schedule(second, at: .seconds(Double(second))) }
        var seen: [Int] = []
        let first = queue.run(until: .seconds(12), stopFlag: nil) { queue, time, event in
            #expect(queue.now == time)
            seen.append(event)
        }
        #expect(seen == [5, 10])
        #expect(first == RunSummary(reason: .timeLimitReached, eventsHandled: 2, endTime: .seconds(12)))
        #expect(queue.now == .seconds(12))

        let atHorizon = queue.run(until: .seconds(15), stopFlag: nil) { _, _, event in seen.append(event) }
        #expect(seen == [5, 10, 15])  // t = 15 is inclusive
        #expect(atHorizon.reason == .queueEmpty)
        #expect(atHorizon.endTime == .seconds(15))
    }

    @Test("run stops on an empty queue without moving the clock to the horizon")
    func queueEmpty() {
        var queue = EventQueue<Int>()
        queue.schedule(1, at: .seconds(3))
        let summary = queue.run(until: .seconds(100), stopFlag: nil) { _, _, _ in }
        #expect(summary == RunSummary(reason: .queueEmpty, eventsHandled: 1, endTime: .seconds(3)))
    }

    @Test("maxEvents limits the events handled per call; handlers can schedule more")
    func eventLimit() {
        var queue = EventQueue<Int>()
        queue.schedule(0, at: .zero)
        // Each event schedules the next one second later: an endless chain.
        let handler: (inout EventQueue<Int>, SimTime, Int) -> Void = { queue, _, n in
            queue.schedule(n + 1, after: .seconds(1))
        }
        let summary = queue.run(maxEvents: 5, stopFlag: nil, handler)
        #expect(summary == RunSummary(reason: .eventLimitReached, eventsHandled: 5, endTime: .seconds(4)))
        #expect(queue.nextTime == .seconds(5))
        let more = queue.run(maxEvents: 2, stopFlag: nil, handler)
        #expect(more.endTime == .seconds(6))
    }

    @Test("a stop request is honoured before the next event")
    func stopFlag() {
        let flag = StopFlag()
        var queue = EventQueue<Int>()
        for id in 0 ..< 10 { queue.schedule(id, at: SimTime(ticks: Int64(id))) }
        var handled: [Int] = []
        let summary = queue.run(stopFlag: flag) { _, _, event in
            handled.append(event)
            if event == 2 { flag.request() }
        }
        #expect(handled == [0, 1, 2])
        #expect(summary.reason == .stopRequested)
        #expect(queue.nextTime == SimTime(ticks: 3))
        flag.reset()
        #expect(queue.run(stopFlag: flag) { _, _, _ in }.eventsHandled == 7)
    }

    @Test("handler errors propagate and leave the queue after the failing event")
    func throwingHandler() {
        struct Boom: Error, Equatable {}
        var queue = EventQueue<Int>()
        for id in 0 ..< 3 { queue.schedule(id, at: SimTime(ticks: Int64(id))) }
        #expect(throws: Boom()) {
            _ = try queue.run(stopFlag: nil) { (_, _, event) throws(Boom) in
                if event == 1 { throw Boom() }
            }
        }
        #expect(queue.now == SimTime(ticks: 1))
        #expect(queue.popNext()?.event == 2)
    }

    @Test("SIGTERM and SIGINT set the process stop flag once handlers are installed")
    func signals() async {
        await #expect(processExitsWith: .success) {
            // The exit-test child starts with SIGINT and SIGTERM blocked; install() unblocks them.
            guard StopSignals.install() else { exit(2) }
            raise(SIGTERM)
            guard StopFlag.process.isRequested else { exit(3) }
            StopFlag.process.reset()
            raise(SIGINT)
            guard StopFlag.process.isRequested else { exit(4) }
            var queue = EventQueue<Int>()
            queue.schedule(1, at: .zero)
            let summary = queue.run { _, _, _ in }
            exit(summary.reason == .stopRequested && summary.eventsHandled == 0 ? 0 : 5)
        }
    }
}

/// An M/M/1 queue as a `DiscreteEventModel`: arrivals at rate λ, one server at rate μ.
///
/// With ρ = λ/μ = 0.5, queueing theory gives server utilization ρ = 0.5 and mean number in
/// system L = ρ / (1 - ρ) = 1.
struct MM1: DiscreteEventModel {
    enum Event { case arrival, departure }

    var queue = EventQueue<Event>()
    var arrivals: RandomStream
    var services: RandomStream
    let interarrival: ExponentialDistribution
    let service: ExponentialDistribution
    var inSystem = 0
    var numberInSystem = TimeWeightedAverage()
    var busy = TimeWeightedAverage()

    init(seed: UInt64, arrivalRate: Double, serviceRate: Double) {
        arrivals = RandomStream(seed: seed, stream: StreamID(purpose: StreamPurpose(rawValue: 1)))
        services = RandomStream(seed: seed, stream: StreamID(purpose: StreamPurpose(rawValue: 2)))
        interarrival = ExponentialDistribution(rate: arrivalRate)
        service = ExponentialDistribution(rate: serviceRate)
        queue.schedule(.arrival, after: .seconds(interarrival.sample(&arrivals)))
    }

    mutating func handle(_ event: Event, at time: SimTime) {
        precondition(time == now)
        switch event {
        case .arrival:
            inSystem += 1
            if inSystem == 1 { queue.schedule(.departure, after: .seconds(service.sample(&services))) }
            queue.schedule(.arrival, after: .seconds(interarrival.sample(&arrivals)))
        case .departure:
            inSystem -= 1
            if inSystem > 0 { queue.schedule(.departure, after: .seconds(service.sample(&services))) }
        }
        numberInSystem.record(Double(inSystem), at: time)
        busy.record(inSystem > 0 ? 1 : 0, at: time)
    }
}

@Suite("DiscreteEventModel")
struct DiscreteEventModelTests {
    @Test("an M/M/1 model reproduces ρ and L = ρ / (1 - ρ), and runs identically twice")
    func mm1() {
        let horizon = SimTime.seconds(100_000)
        var model = MM1(seed: 42, arrivalRate: 0.5, serviceRate: 1)
        let summary = model.run(until: horizon, stopFlag: nil)
        #expect(summary.reason == .timeLimitReached)
        #expect(model.now == horizon)
        // About λT = 50 000 arrivals and as many departures.
        #expect(summary.eventsHandled > 95_000 && summary.eventsHandled < 105_000)
        let utilization = model.busy.average(until: horizon)
        let meanInSystem = model.numberInSystem.average(until: horizon)
        #expect(abs(utilization - 0.5) < 0.02, "utilization \(utilization)")
        #expect(abs(meanInSystem - 1.0) < 0.1, "L \(meanInSystem)")

        var again = MM1(seed: 42, arrivalRate: 0.5, serviceRate: 1)
        again.run(until: horizon, stopFlag: nil)
        #expect(again.numberInSystem.average(until: horizon) == meanInSystem)
        #expect(again.queue.scheduledCount == model.queue.scheduledCount)
    }

    @Test("a progress probe sees every event and the simulated time covered, and changes nothing")
    func progressProbe() {
        let horizon = SimTime.seconds(300_000)  // about 300 000 events: several reports of RunProgress.batch
        var plain = MM1(seed: 5, arrivalRate: 0.5, serviceRate: 1)
        let plainSummary = plain.run(until: horizon, stopFlag: nil)
        let progress = RunProgress()
        var probed = MM1(seed: 5, arrivalRate: 0.5, serviceRate: 1)
        let first = probed.run(until: .seconds(100_000), stopFlag: nil, progress: progress)
        let second = probed.run(until: horizon, stopFlag: nil, progress: progress)
        #expect(plainSummary.eventsHandled > 2 * RunProgress.batch)
        #expect(progress.events == plainSummary.eventsHandled)
        #expect(first.eventsHandled + second.eventsHandled == plainSummary.eventsHandled)
        #expect(progress.simulated == horizon - .zero)
        #expect(probed.numberInSystem == plain.numberInSystem)
        #expect(probed.queue.scheduledCount == plain.queue.scheduledCount)
    }

    @Test("a run split into pieces equals one run")
    func splitRun() {
        var whole = MM1(seed: 7, arrivalRate: 0.5, serviceRate: 1)
        whole.run(until: .seconds(1_000), stopFlag: nil)
        var pieces = MM1(seed: 7, arrivalRate: 0.5, serviceRate: 1)
        pieces.run(until: .seconds(300), stopFlag: nil)
        pieces.run(maxEvents: 17, stopFlag: nil)
        pieces.run(until: .seconds(1_000), stopFlag: nil)
        #expect(pieces.numberInSystem == whole.numberInSystem)
        #expect(pieces.queue.scheduledCount == whole.queue.scheduledCount)
    }
}
