// HDF5 trajectories (see docs/trajectory-format.md).
