#if canImport(Glibc)
    import Glibc
#endif

/// How many arenas glibc's allocator uses: one.
///
/// By default glibc gives the threads that allocate at once arenas of their own (up to eight per core), and
/// memory freed in one arena is reused only by the threads that allocate from it. A generation hands its data from
/// thread to thread (the description is read on one, the model is translated in chunks on two others and merged on
/// the first, the files are rendered on two more), so each arena kept free memory the others could not use: on
/// Stripe's description the process peaked at 64 MB, and at 49 MB with one arena, in the same time (two threads
/// share it; each keeps a cache of small blocks of its own).
enum MallocArenas {
    /// `M_ARENA_MAX` of glibc's `<malloc.h>`, which Swift's Glibc module does not import.
    private static let maximumParameter: Int32 = -8

    /// Makes the allocator use one arena, before the generation starts its threads; nothing where the C library is
    /// not glibc. `mallopt` is looked up, since Swift's Glibc module does not import `<malloc.h>`.
    static func useOne() {
        #if canImport(Glibc)
            guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: Mallopt.self)(maximumParameter, 1)
        #endif
    }
}
