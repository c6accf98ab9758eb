//! The prompters: the ways a question of the engine gets its answer. A person in a terminal
//! ([`terminal`]), an answers file ([`script`]), and the cooperation scan's own questions
//! ([`scan`]).

pub(crate) mod scan;
pub mod script;
pub(crate) mod terminal;

/// A referral asked of a prompter that was given no Sociale Kaart: a mistake in zorgpad, not in
/// what the user did.
pub(crate) fn no_offer() -> crate::error::Error {
    crate::error::Error::input("bij deze verwijzing is geen Sociale Kaart beschikbaar")
}
