// GPU offload: loads the HIP kernel library at run time, with CPU twins.
import CGCTKernels
