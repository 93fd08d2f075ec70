import GCTEngine

/// The world's random-stream purposes. Each (agent, purpose) pair has its own Philox stream
/// keyed by (seed, replication), so adding an agent or a user class does not shift anyone
/// else's draws (common random numbers across baseline and proposal runs).
enum Purpose {
    static let arrivals = StreamPurpose(rawValue: 1)
    static let requestShape = StreamPurpose(rawValue: 2)
    static let service = StreamPurpose(rawValue: 3)
    static let failures = StreamPurpose(rawValue: 4)
    static let fairness = StreamPurpose(rawValue: 5)
    static let validatorReports = StreamPurpose(rawValue: 10)
    static let validatorSetup = StreamPurpose(rawValue: 11)
    static let stakerDecisions = StreamPurpose(rawValue: 12)
    static let voting = StreamPurpose(rawValue: 13)
    static let whales = StreamPurpose(rawValue: 14)
    static let washTrading = StreamPurpose(rawValue: 15)
    static let sybilReports = StreamPurpose(rawValue: 16)
}

/// A stable 24-bit index for a named entity (FNV-1a of its name), so a user class keeps its
/// streams when other classes are added or reordered.
func stableIndex(of name: String) -> Int {
    var h: UInt32 = 0x811C_9DC5
    for b in name.utf8 {
        h ^= UInt32(b)
        h = h &* 0x0100_0193
    }
    return Int((h ^ (h >> 24)) & StreamID.maxIndex)
}
