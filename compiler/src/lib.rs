//! bodoc: an ahead-of-time compiler from a subset of Python (with NumPy and
//! pandas) to standalone SPMD executables that run under MPI.
//!
//! The pipeline, in order (see `driver::pipeline` where it is chained):
//! `syntax` (parse) -> `hir` (resolve names, remove sugar) -> `types`
//! (inference, one instance per argument types) -> `ir` (typed CFG with
//! explicit reference counting) -> `passes` -> `codegen` (LLVM) -> `driver`
//! (link with the runtime and MPI, cache).

pub mod codegen;
pub mod diagnostics;
pub mod driver;
pub mod explain;
pub mod hir;
pub mod ir;
pub mod passes;
pub mod syntax;
pub mod types;
