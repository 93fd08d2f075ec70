// YAML scenarios.
import GCTWorld
