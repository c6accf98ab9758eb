pub mod model;
pub mod set;
pub mod validate;
