// GCTEngine: the generic discrete-event engine. It knows nothing of tokens.
//
//   Time/           SimTime, SimDuration: integer ticks of 1 µs.
//   Queue/          EventQueue: a 4-ary min-heap ordered by (time, insertion sequence), with cancellation.
//   Run/            the run loop (EventQueue.run, DiscreteEventModel.run), StopFlag and StopSignals.
//   Random/         Philox4x32-10 and RandomStream keyed by (seed, replication, stream).
//   Distributions/  value-type distributions sampled from an `inout RandomStream`.
//   Statistics/     Welford, TimeWeightedAverage, StudentT, ConfidenceInterval, Histogram.
//
// docs/engine.md explains the design.
