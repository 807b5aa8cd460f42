using System.Runtime.InteropServices;

namespace Evaluator.Server.Hosting;

/// <summary>
/// Keeps the native heap's freed memory mapped (glibc on Linux), for SQLite. With 64 KB database pages SQLite
/// allocates and frees blocks of 64 KB to a few MB (page buffers, b-tree balancing) for every batch it stores, and
/// glibc gave them back to the kernel (blocks over 128 KB are mapped on their own and unmapped when freed; the heap's
/// free top is trimmed past 128 KB), so the next batch faulted them in again page by page. A profile of batches through
/// the API had SQLite zeroing new pages, and the page faults under it, at the top of the threads that store results:
/// on this 2-core VM a few percent of a batch's CPU, taken from grading. Blocks up to 32 MB now come from the heap,
/// and 64 MB of free top is kept before trimming. Switched in one build and run in alternating pairs, batches through
/// the API took about 0.02 less of the in-process time with it (1.275x -> 1.255x), inside this VM's run-to-run
/// noise (bench/README.md). Memory kept this way is bounded by the native heap's peak, a few MB here.
/// </summary>
public static partial class NativeHeap
{
    // mallopt's parameters (malloc.h).
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>Largest block kept in the heap rather than mapped on its own; glibc's maximum on 64-bit.</summary>
    public const int KeptBlockBytes = 32 * 1024 * 1024;

    /// <summary>Free memory at the heap's top kept before it is given back.</summary>
    public const int KeptFreeBytes = 64 * 1024 * 1024;

    /// <summary>Applies the settings; false where there is no glibc (other systems, musl) or it refused them.</summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // mallopt returns 1 on success, 0 on error.
            return Mallopt(MmapThreshold, KeptBlockBytes) == 1 & Mallopt(TrimThreshold, KeptFreeBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
