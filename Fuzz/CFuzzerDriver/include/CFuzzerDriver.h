#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11+): runs the fuzzing loop with `callback` as the target, taking libFuzzer's flags
/// from argc/argv. The fuzz executables call it from their own `main`, which SwiftPM requires of an executable.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
