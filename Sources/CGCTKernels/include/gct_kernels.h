// C ABI of the GCTSim kernels (CPU twins here; the same functions built by hipcc for the GPU).
#ifndef GCT_KERNELS_H
#define GCT_KERNELS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
/// ABI version of this header; the GPU library must report the same.
int32_t gct_kernels_abi_version(void);
#ifdef __cplusplus
}
#endif
#endif
