pub mod model;
pub mod preview;
pub mod set;
pub mod validate;
