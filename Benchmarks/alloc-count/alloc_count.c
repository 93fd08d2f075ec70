// LD_PRELOAD allocation counter for Benchmarks/alloc-count.sh: counts malloc, calloc, realloc and
// posix_memalign calls (Swift allocates through these) and prints the totals on stderr at exit.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <unistd.h>
static atomic_long n_malloc, n_calloc, n_realloc, n_memalign, n_free;
static void* (*real_malloc)(size_t); static void* (*real_calloc)(size_t, size_t);
static void* (*real_realloc)(void*, size_t); static int (*real_pm)(void**, size_t, size_t);
static void (*real_free)(void*);
static char bootstrap[1 << 16]; static size_t boot_used;
static void init(void) {
  real_malloc = dlsym(RTLD_NEXT, "malloc"); real_calloc = dlsym(RTLD_NEXT, "calloc");
  real_realloc = dlsym(RTLD_NEXT, "realloc"); real_pm = dlsym(RTLD_NEXT, "posix_memalign"); real_free = dlsym(RTLD_NEXT, "free");
}
void* malloc(size_t n) { if (!real_malloc) init(); atomic_fetch_add(&n_malloc, 1); return real_malloc(n); }
void* calloc(size_t a, size_t b) {
  if (!real_calloc) { void* p = bootstrap + boot_used; boot_used += (a * b + 15) & ~15ul; return p; }
  atomic_fetch_add(&n_calloc, 1); return real_calloc(a, b); }
void* realloc(void* p, size_t n) { if (!real_realloc) init(); atomic_fetch_add(&n_realloc, 1); return real_realloc(p, n); }
int posix_memalign(void** p, size_t a, size_t n) { if (!real_pm) init(); atomic_fetch_add(&n_memalign, 1); return real_pm(p, a, n); }
void free(void* p) { if ((char*)p >= bootstrap && (char*)p < bootstrap + sizeof bootstrap) return; if (!real_free) init(); atomic_fetch_add(&n_free, 1); real_free(p); }
__attribute__((destructor)) static void report(void) {
  char b[256]; int k = snprintf(b, sizeof b, "alloc-count: malloc %ld calloc %ld realloc %ld memalign %ld free %ld total_alloc %ld\n",
    n_malloc, n_calloc, n_realloc, n_memalign, n_free, n_malloc + n_calloc + n_realloc + n_memalign);
  write(2, b, k);
}
