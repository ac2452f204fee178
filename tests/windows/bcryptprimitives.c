/* A stand-in for bcryptprimitives.dll, for running pijat.exe under Wine 8 in the tests only.
 * Rust's standard library takes its random numbers from ProcessPrng in that DLL, which Windows
 * 10 and 11 have and Wine 8 lacks. This forwards to RtlGenRandom (advapi32's SystemFunction036).
 * Built by tests/windows_smoke.rs with mingw and copied into the Wine prefix's system32; it is
 * never shipped. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
