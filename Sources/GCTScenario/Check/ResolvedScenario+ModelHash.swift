extension ResolvedScenario {
    /// The hash of the model without its sample: `hash` of the configuration with `seed` set to 0
    /// and `replications` to 1. A baseline of `gctsim check` is keyed by it, so a new seed or more
    /// replications compare with the same baseline while any change of the model makes it stale.
    public var modelHashHex: String {
        var c = configuration
        c.seed = 0
        c.replications = 1
        return ResolvedScenario(configuration: c).hashHex
    }
}
