pub mod check;
pub mod kaart;
pub mod sessions;
pub mod start;
