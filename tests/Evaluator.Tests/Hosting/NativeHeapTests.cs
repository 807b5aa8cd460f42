using System.Runtime.InteropServices;
using Evaluator.Server.Hosting;

namespace Evaluator.Tests.Hosting;

public sealed class NativeHeapTests
{
    [Fact]
    public void A_block_of_megabytes_comes_from_the_heap_instead_of_a_mapping_of_its_own()
    {
        // Linux here means glibc (Debian, as CI runs); elsewhere the settings are left alone.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.KeepFreedMemory());
        if (!OperatingSystem.IsLinux()) return;

        var mappedBefore = MallocInfo().MappedBlocks;
        // malloc: glibc's default (and its own adjustment, at most 32 MB) maps 24 MB by itself and unmaps it on free.
        var block = Marshal.AllocHGlobal(24 * 1024 * 1024);
        var mappedWhileHeld = MallocInfo().MappedBlocks;
        Marshal.FreeHGlobal(block);

        Assert.Equal(mappedBefore, mappedWhileHeld);
    }

    /// <summary>glibc's struct mallinfo2 (malloc.h), every field a size_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Mallinfo2(
        nuint Arena, nuint OrdinaryBlocks, nuint FastBins, nuint MappedBlocks, nuint MappedBytes,
        nuint MaxTotal, nuint FastBytes, nuint Used, nuint Free, nuint TopReleasable);

    [DllImport("libc.so.6", EntryPoint = "mallinfo2")]
    private static extern Mallinfo2 MallocInfo();
}
