// The generic discrete-event engine (see EventQueue.swift, Philox.swift).
