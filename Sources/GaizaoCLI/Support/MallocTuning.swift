#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator hands freed memory back to the kernel eagerly: a free leaving more than 128 KB at the top
/// of the heap trims it, and blocks of 128 KB and more are mapped and unmapped one by one. A batch allocates
/// and frees a proposal's worth of buffers (view model, rendered documents) for every enterprise, so each one
/// faulted fresh zeroed pages in again: about a third of the batch's kernel time.
enum MallocTuning {
    /// Keeps freed memory in the process for reuse. The heap then stays at its high-water mark, which for a
    /// batch is a few proposals' buffers per worker (peak RSS grows by about a megabyte).
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // <malloc.h> is not part of the Glibc module: look `mallopt` up in the process (absent from other C
        // libraries, where this does nothing).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(trimThreshold, 512 << 20)
        _ = mallopt(mmapThreshold, 64 << 20)
        #endif
    }
}
