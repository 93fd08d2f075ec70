// HDF5's C API for Swift. HDF5's constants (H5P_DEFAULT, H5T_NATIVE_DOUBLE, H5F_ACC_EXCL, ...)
// are macros or globals behind macros, which Swift cannot import: this shim exposes them as functions.
// Only GCTTrajectory's internal call layer (HDF5Call.swift) uses this module.
#ifndef GCTSIM_CHDF5_SHIM_H
#define GCTSIM_CHDF5_SHIM_H
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Property defaults and classes.
static inline hid_t gct_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t gct_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t gct_H5P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t gct_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t gct_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t gct_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }

// File access flags.
static inline unsigned gct_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned gct_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline unsigned gct_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned gct_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }

// Native types.
static inline hid_t gct_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t gct_H5T_NATIVE_UINT64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t gct_H5T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t gct_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t gct_H5T_C_S1(void) { return H5T_C_S1; }
static inline size_t gct_H5T_VARIABLE(void) { return H5T_VARIABLE; }

// Dataspaces.
static inline hsize_t gct_H5S_UNLIMITED(void) { return H5S_UNLIMITED; }
static inline hid_t gct_H5S_ALL(void) { return H5S_ALL; }

// Errors: turn off HDF5's automatic printing of its error stack to stderr (errors are reported as
// typed Swift errors instead). The corresponding C call is `H5Eset_auto2(H5E_DEFAULT, NULL, NULL)`.
static inline herr_t gct_H5E_auto_print_off(void) { return H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

/// The description of the innermost (most specific: H5E_WALK_UPWARD starts there) error on the default error stack, copied into
/// `buffer` (NUL-terminated, truncated to `capacity`). Empty when the stack is empty.
static inline herr_t gct_H5E_walk_cb(unsigned n, const H5E_error2_t *err, void *client) {
    char *buffer = ((char **)client)[0];
    size_t capacity = (size_t)((char **)client)[1];
    if (n == 0 && err != NULL && capacity > 0) {
        const char *desc = err->desc ? err->desc : "";
        const char *func = err->func_name ? err->func_name : "";
        snprintf(buffer, capacity, "%s: %s", func, desc);
    }
    return 0;
}
static inline void gct_H5E_innermost(char *buffer, size_t capacity) {
    if (capacity == 0) return;
    buffer[0] = 0;
    void *client[2] = { buffer, (void *)capacity };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, gct_H5E_walk_cb, client);
}
#endif
