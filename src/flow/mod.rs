//! The flow side: files in, a checked model out. A flow file is read in its raw form, converted
//! into the typed model (collecting every finding on the way), gathered with its sub-flows into
//! a set, and validated as a graph. The engine only walks what this side has checked.

pub(crate) mod convert;
pub(crate) mod fields;
pub(crate) mod graph;
pub mod letters;
pub(crate) mod lines;
pub mod model;
pub(crate) mod preview;
pub(crate) mod raw;
pub mod routes;
pub mod set;
pub mod trace;
pub mod validate;
