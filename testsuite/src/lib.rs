//! Nothing here: this package holds the heavy tests (`tests/`), the benches (`benches/`) and
//! the memory probe (`examples/bench_memory.rs`) of `dintero-order`, apart from the package
//! users depend on, so that building its quickstart compiles none of their dependencies.
