#if canImport(Glibc)
    import Glibc
#endif

/// How glibc's allocator gives memory back: large blocks, at once.
///
/// A generation hands its data from thread to thread: the description is read on two, the model translated in
/// chunks on others and merged on the first, the files rendered on two more. glibc gives each thread that allocates
/// at once an arena of its own, and memory freed in one arena is reused only by the threads that allocate from it;
/// and it raises its threshold for serving a large block by `mmap` each time one is freed, so the large blocks that
/// follow (the tables and arrays of the description and the model) are carved out of an arena and stay there when
/// freed. Stripe's description peaked at 54.6 MB. A fixed threshold of 128 KiB (glibc's initial one) keeps every
/// large block mapped on its own and unmapped when freed: 48.1 MB, in the same time (medians of nine interleaved
/// runs each, 2026-12-07). One arena for all threads (`M_ARENA_MAX` 1) gave 47.8 MB, but the threads then wait for
/// each other's allocations: 22% more wall time.
enum MallocSettings {
    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which Swift's Glibc module does not import.
    private static let mmapThreshold: Int32 = -3

    /// Sets the fixed threshold, before the generation starts its threads; nothing where the C library is not
    /// glibc. `mallopt` is looked up, since Swift's Glibc module does not import `<malloc.h>`.
    static func returnLargeBlocksAtOnce() {
        #if canImport(Glibc)
            guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
        #endif
    }
}
