// SwiftPM links an executable's `main` to `<target>_main` on Linux; here that is libFuzzer's
// driver, run on the Swift target's LLVMFuzzerTestOneInput (make fuzz only; docs/testing.md).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int pitstop_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
