#include "gct_kernels.h"
extern "C" int32_t gct_kernels_abi_version(void) { return 1; }
