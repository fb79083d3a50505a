#if canImport(Glibc)
    import Glibc
#endif

/// How glibc's allocator gets memory from the system and gives it back: large blocks mapped on their own and
/// unmapped when freed, and the top of each heap kept with a few megabytes to spare.
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
///
/// Each page a run touches for the first time costs a page fault, and the small blocks' heaps grew and shrank by
/// little steps, giving pages back that were soon asked for again: GitHub took 10,000 faults for a peak of 33 MB,
/// Stripe 20,000 for 48 MB. Keeping 4 MiB to spare at the top of a heap (`M_TOP_PAD`, glibc's default 128 KiB)
/// cuts them to 7,800 and 16,600. In three sets of interleaved runs (11 to 25 of each, 2026-12-07, in a noisy hour)
/// wall time went from +3% to -11% for GitHub (-6% in the median set) and from -2% to -10% for Stripe (-3% in it), CPU
/// time from 0 to -11% and from 0 to -5%; peak memory grew by 0.1 to 0.3 MB. 8 MiB saved a little more time for 2
/// to 3 MB more memory.
enum MallocSettings {
    /// `M_TOP_PAD` and `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which Swift's Glibc module does not import.
    private static let topPad: Int32 = -2
    private static let mmapThreshold: Int32 = -3

    /// Sets both, before the generation starts its threads; nothing where the C library is not glibc. `mallopt` is
    /// looked up, since Swift's Glibc module does not import `<malloc.h>`.
    static func tune() {
        #if canImport(Glibc)
            guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(mmapThreshold, 128 * 1024)
            _ = mallopt(topPad, 4 * 1024 * 1024)
        #endif
    }
}
