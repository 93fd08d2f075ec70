// The world model: agents, compute market, metrics, invariants.
import GCTEconomics
import GCTEngine
