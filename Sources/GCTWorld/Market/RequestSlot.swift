import GCTEconomics
import GCTEngine

/// A request between admission and completion. Slots are reused through a free list, so
/// a request costs no allocation; its slot index is the FLAME request id.
struct RequestSlot {
    var userClass: Int32 = 0
    var user: AccountID = AccountID(rawValue: 0)
    var operation: UInt8 = 0
    var arrival: SimTime = .zero
    var start: SimTime = .zero
    var service: SimDuration = .zero
    var willFail: Bool = false
    var measured: Bool = false
    var server: Int32 = -1
    var ticket: ExecutionTicket? = nil
    /// The request's kernel work × its noise factor, when the market is calibrated (a whale's
    /// request has none: it keeps `service`, sampled from the distribution).
    var work = KernelWork()
    var calibrated = false
}
