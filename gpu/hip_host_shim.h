// A HIP-free stand-in for the part of the HIP runtime gct_kernels.hip uses, so that the very same .hip
// source builds with a plain C++ compiler (g++ -x c++ -DGCT_HIP_HOST_SHIM) into a library that runs
// every kernel on the host, thread by thread. It exercises the GPU library's C ABI, its chunking and
// its memory handling on machines without a GPU (CI); it is not a HIP implementation.
#ifndef GCT_HIP_HOST_SHIM_H
#define GCT_HIP_HOST_SHIM_H
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <math.h>

#define __host__
#define __device__
#define __global__

struct dim3 {
    unsigned x, y, z;
    dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};
static thread_local dim3 blockIdx, threadIdx, blockDim, gridDim;

typedef int hipError_t;
enum { hipSuccess = 0, hipErrorOutOfMemory = 2, hipErrorInvalidValue = 1 };
enum hipMemcpyKind { hipMemcpyHostToHost, hipMemcpyHostToDevice, hipMemcpyDeviceToHost, hipMemcpyDeviceToDevice };

static inline const char* hipGetErrorString(hipError_t e) {
    return e == hipSuccess ? "no error" : e == hipErrorOutOfMemory ? "out of memory" : "invalid value";
}
static inline hipError_t hipGetLastError() { return hipSuccess; }
static inline hipError_t hipDeviceSynchronize() { return hipSuccess; }
static inline hipError_t hipSetDevice(int) { return hipSuccess; }
static inline hipError_t hipGetDeviceCount(int* n) {
    *n = 1;
    return hipSuccess;
}
static inline hipError_t hipMalloc(void** p, size_t n) {
    *p = std::malloc(n ? n : 1);
    return *p ? hipSuccess : hipErrorOutOfMemory;
}
template <class T> static inline hipError_t hipMalloc(T** p, size_t n) { return hipMalloc((void**)p, n); }
static inline hipError_t hipFree(void* p) {
    std::free(p);
    return hipSuccess;
}
static inline hipError_t hipMemcpy(void* d, const void* s, size_t n, hipMemcpyKind) {
    if (n) std::memcpy(d, s, n);
    return hipSuccess;
}

struct hipDeviceProp_t {
    char name[256];
    char gcnArchName[256];
    size_t totalGlobalMem;
    int multiProcessorCount;
    int clockRate;
};
static inline hipError_t hipGetDeviceProperties(hipDeviceProp_t* p, int) {
    std::memset(p, 0, sizeof *p);
    std::strncpy(p->name, "host emulation of the HIP kernels (no GPU)", sizeof p->name - 1);
    std::strncpy(p->gcnArchName, "host", sizeof p->gcnArchName - 1);
    p->totalGlobalMem = 0;
    p->multiProcessorCount = 1;
    return hipSuccess;
}

typedef std::chrono::steady_clock::time_point* hipEvent_t;
static inline hipError_t hipEventCreate(hipEvent_t* e) {
    *e = new std::chrono::steady_clock::time_point();
    return hipSuccess;
}
static inline hipError_t hipEventRecord(hipEvent_t e, int = 0) {
    *e = std::chrono::steady_clock::now();
    return hipSuccess;
}
static inline hipError_t hipEventSynchronize(hipEvent_t) { return hipSuccess; }
static inline hipError_t hipEventElapsedTime(float* ms, hipEvent_t a, hipEvent_t b) {
    *ms = (float)std::chrono::duration<double, std::milli>(*b - *a).count();
    return hipSuccess;
}
static inline hipError_t hipEventDestroy(hipEvent_t e) {
    delete e;
    return hipSuccess;
}

/// Runs every thread of every block, in order (block-major, then thread).
template <class K, class... A>
static inline void gct_shim_launch(K kernel, dim3 grid, dim3 block, A... args) {
    gridDim = grid;
    blockDim = block;
    for (unsigned b = 0; b < grid.x; ++b)
        for (unsigned t = 0; t < block.x; ++t) {
            blockIdx = dim3(b);
            threadIdx = dim3(t);
            kernel(args...);
        }
}
#define hipLaunchKernelGGL(kernel, grid, block, shmem, stream, ...) gct_shim_launch(kernel, grid, block, __VA_ARGS__)

#endif
