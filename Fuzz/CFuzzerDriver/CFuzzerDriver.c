// Only the declaration in include/CFuzzerDriver.h is needed; libFuzzer (linked by -sanitize=fuzzer) defines it.
