//! The Sociale Kaart: which providers (hulpverleners, organisaties) a VSV refers to, per
//! category and per gemeente.
//!
//! Why this exists: the blueprint says *where* in the path a referral happens ("verwijs door naar
//! de relevante hulpverlener"), but not *to whom*; that is local knowledge. Every VSV keeps its
//! own map of the region (Bijlage B, stap 2 and 3 of the blueprint), by hand, in a YAML file with
//! Dutch keys (the format is documented in `sociale-kaart/README.md`). A session looks up the
//! providers of a `verwijzing` node's category for the client's gemeente, ordered from light to
//! heavy care. A map with a typo in a phone number, or without any Veilig Thuis for one of its
//! gemeenten, would fail in the middle of an intake; [`check()`] finds those mistakes first.
//!
//! Reading follows the flow's pattern: the file is parsed with [`crate::yaml::parse`] into the
//! raw form ([`RawKaart`], all fields optional, unknown keys refused), then converted into
//! [`Kaart`], collecting every problem as a `Finding` with file and line so
//! that one run of `zorgpad kaart controleer` names all of them. Lookups go through an index
//! built at load time, so that a national map (hundreds of gemeenten, thousands of providers)
//! answers a referral in microseconds.
//!
//! The room, one concept per file, from the file to the session:
//! - `raw`: the file as written (Dutch keys); `write`: the same form written back as YAML;
//! - `parse`: the YAML text into the raw form, in parallel for a large map; `place`: the line
//!   of a field in the text, for findings;
//! - `category`: the known categories and those a flow requires;
//! - `rules`: the rules of every entry, shared with the importer; `contact`: phone, e-mail and
//!   website checks;
//! - `convert`: raw form to [`Kaart`] with findings; `load`: from a file or the embedded example;
//! - `model`: the [`Kaart`] and its lookups; `provider`: one provider; `index`: the lookup
//!   structure behind them;
//! - `check`: `zorgpad kaart controleer` (unknown categories, completeness); `upkeep`: which
//!   entries are not checked for a while, never checked, or hold example data, per owner;
//! - `template`: the spreadsheet template (`zorgpad kaart sjabloon`);
//! - `offer`: the map as one session sees it (the client's gemeente);
//! - `import`: a spreadsheet (xlsx, ods, csv) into the raw form.
//!
//! Names: the file's keys are Dutch and stay so in the raw form (`RawProvider::naam`), because
//! they are the format; the model is English (`Provider::name`), its comments naming the key.

mod category;
mod check;
mod contact;
mod convert;
pub(crate) mod import;
mod index;
mod load;
mod model;
mod offer;
mod parse;
mod place;
mod provider;
mod raw;
mod rules;
pub mod template;
mod upkeep;
mod write;

// What the tests, the benchmark and the rest of zorgpad use.
pub use category::{required_categories, CATEGORIES};
pub use check::{check, gaps, Gap, KaartReport};
pub use model::Kaart;
pub use offer::Offer;
pub use provider::Provider;
pub use raw::{RawKaart, RawMeta, RawProvider};
pub use upkeep::{upkeep, Upkeep, DEFAULT_MONTHS};

// What only the rest of zorgpad uses.
pub(crate) use category::{category_description, is_known_category, VEILIG_THUIS_NATIONAL};
pub(crate) use offer::no_provider;
pub(crate) use provider::reach_line;
pub(crate) use provider::Domain;

// Shared within the room.
use raw::{META_FIELDS, PROVIDER_FIELDS};
use rules::{check_meta, check_provider};
