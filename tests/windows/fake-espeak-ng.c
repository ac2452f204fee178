/* A stand-in for espeak-ng.exe, for the audio guide in the Windows smoke test: installed where
 * espeak-ng's Windows installer puts it (C:\Program Files\eSpeak NG\), it answers --version and,
 * for --stdout, writes a WAV as espeak-ng does (22,050 Hz, mono, 16-bit), a soft tone lasting
 * 0.3 s per word of the text. Built by tests/windows_smoke.rs with mingw; never shipped. */
#include <fcntl.h>
#include <io.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void le(unsigned v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        putchar((v >> (8 * i)) & 0xff);
}

int main(int argc, char **argv)
{
    const char *text = "";
    int to_stdout = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--version")) {
            puts("eSpeak NG text-to-speech: 1.51 (a stand-in for pijat's tests)");
            return 0;
        }
        if (!strcmp(argv[i], "--stdout"))
            to_stdout = 1;
        if (!strcmp(argv[i], "--") && i + 1 < argc)
            text = argv[i + 1];
    }
    if (!to_stdout)
        return 0;
    unsigned words = 0;
    for (const char *p = text; *p; p++)
        if (*p != ' ' && (p == text || p[-1] == ' '))
            words++;
    const unsigned rate = 22050, n = rate * 3 / 10 * (words ? words : 1);
    _setmode(_fileno(stdout), _O_BINARY);
    fputs("RIFF", stdout);
    le(36 + 2 * n, 4);
    fputs("WAVEfmt ", stdout);
    le(16, 4), le(1, 2), le(1, 2), le(rate, 4), le(2 * rate, 4), le(2, 2), le(16, 2);
    fputs("data", stdout);
    le(2 * n, 4);
    for (unsigned i = 0; i < n; i++)
        le((unsigned)(short)(6000 * sin(6.283185307 * 300 * i / rate)) & 0xffff, 2);
    return 0;
}
