// HDF5's C API for Swift. HDF5's constants (H5P_DEFAULT, H5T_NATIVE_DOUBLE, H5F_ACC_EXCL, ...)
// are macros or globals behind macros, which Swift cannot import: this shim exposes them as functions.
#ifndef GCTSIM_CHDF5_SHIM_H
#define GCTSIM_CHDF5_SHIM_H
#include <hdf5.h>
#endif
