import Foundation
import GCTEconomics
import GCTEngine

/// A user class's fixed description at run time: samplers and limits. A `final class`, so the
/// hot path reads its fields through one reference instead of copying a large array element.
final class UserClass: @unchecked Sendable {
    let name: String
    /// Accounts of the class's users are `firstUser ..< firstUser + count`.
    let firstUser: Int32
    let count: Int32
    /// Mean arrival rate per second (daily average).
    let ratePerSecond: Double
    /// Hourly weights scaled to mean 1, or empty for a constant rate.
    let profile: [Double]
    /// The largest hourly rate factor (thinning bound); 1 without a profile.
    let profileMax: Double
    /// Operations of the mix (indices into `ComputeOperation.known`) and their distribution.
    let operations: [UInt8]
    let operationChoice: CategoricalDistribution
    let memory: Sampler
    let computeUnits: Sampler
    let minutes: Sampler
    let budget: TokenAmount
    let topUp: TopUpConfiguration?
    let maxPrice: TokenAmount?
    let payment: TokenAmount?

    init(_ c: UserClassConfiguration, firstUser: Int32) {
        name = c.name
        self.firstUser = firstUser
        count = Int32(c.count)
        ratePerSecond = c.arrival.ratePerSecond
        if let p = c.arrival.dailyProfile, !p.isEmpty {
            let mean = p.reduce(0, +) / Double(p.count)
            profile = p.map { $0 / mean }
            profileMax = profile.max()!
        } else {
            profile = []
            profileMax = 1
        }
        let mix = c.operations.filter { $0.weight > 0 }
        operations = mix.map { UInt8($0.operation.tableIndex) }
        operationChoice = CategoricalDistribution(weights: mix.map(\.weight))
        memory = Sampler(c.resources.memoryGB)
        computeUnits = Sampler(c.resources.computeUnits)
        minutes = Sampler(c.resources.minutes)
        budget = c.budget
        topUp = c.topUp
        maxPrice = c.maxPrice
        payment = c.payment
    }
}

/// A user class's own random streams (plain values: an array of them is updated in place).
struct ClassStreams {
    var arrivals: RandomStream
    var shape: RandomStream
    var service: RandomStream
    var failures: RandomStream
    var fairness: RandomStream

    /// Streams keyed by (seed, replication) and a hash of the class name, so adding or reordering
    /// classes does not shift this class's draws.
    init(className: String, seed: UInt64, replication: UInt32) {
        let index = stableIndex(of: className)
        func stream(_ p: StreamPurpose) -> RandomStream {
            RandomStream(seed: seed, replication: replication, stream: StreamID(purpose: p, index: index))
        }
        arrivals = stream(Purpose.arrivals)
        shape = stream(Purpose.requestShape)
        service = stream(Purpose.service)
        failures = stream(Purpose.failures)
        fairness = stream(Purpose.fairness)
    }

    /// The time to the next candidate arrival: exponential at the peak rate (thinning when a
    /// daily profile is set).
    mutating func nextCandidateDelay(_ c: UserClass) -> SimDuration {
        .seconds(-log(arrivals.uniform()) / (c.ratePerSecond * c.profileMax))
    }

    /// Whether a candidate at `time` is a real arrival (Lewis–Shedler thinning); always true without a profile.
    mutating func accepts(_ c: UserClass, at time: SimTime) -> Bool {
        guard !c.profile.isEmpty else { return true }
        let hour = Int((time.ticks / (3_600 * SimTime.ticksPerSecond)) % 24)
        return arrivals.uniform() * c.profileMax < c.profile[hour]
    }
}
