//! Which fields of a node each kind uses: the rest must be absent from the file, so that a
//! misplaced key (a `volgende` on a decision, an `opvolging` on an action) is noticed rather
//! than silently ignored.

use crate::flow::model::Kind;
use crate::flow::raw::RawNode;

/// Which fields each kind uses; the rest must be absent, so that a misplaced key is noticed.
pub(crate) fn allowed_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Info => &["volgende"],
        Kind::Actie => &["acties", "volgende", "pauzeerbaar", "kaart"],
        Kind::Beslissing => &["vraag", "opties", "pauzeerbaar", "voorstel", "kaart"],
        Kind::Criteria => &["vraag", "criteria", "volgende", "pauzeerbaar", "kaart"],
        Kind::Wachten => &["vraag", "opties", "pauzeerbaar", "kaart", "opvolging"],
        Kind::Verwijzing => &[
            "categorie",
            "vraag",
            "volgende",
            "pauzeerbaar",
            "uitgevoerd-als",
        ],
        Kind::Subflow => &["flow", "volgende", "ingang", "uitgangen"],
        Kind::Einde => &["uitkomst", "uitkomst-als", "vervolg"],
        Kind::Tekst => &["vraag", "volgende", "pauzeerbaar"],
    }
}

/// The fields given in the file that this kind does not use.
pub(crate) fn misplaced_fields(raw: &RawNode, allowed: &[&str]) -> Vec<&'static str> {
    let present: [(&str, bool); 17] = [
        ("opvolging", raw.opvolging.is_some()),
        ("vervolg", raw.vervolg.is_some()),
        ("ingang", raw.ingang.is_some()),
        ("uitgangen", !raw.uitgangen.is_empty()),
        ("uitkomst-als", raw.uitkomst_als.is_some()),
        ("uitgevoerd-als", raw.uitgevoerd_als.is_some()),
        ("criteria", raw.criteria.is_some()),
        ("voorstel", raw.voorstel.is_some()),
        ("pauzeerbaar", raw.pauzeerbaar),
        ("acties", raw.acties.is_some()),
        ("vraag", raw.vraag.is_some()),
        ("opties", raw.opties.is_some()),
        ("categorie", raw.categorie.is_some()),
        ("kaart", raw.kaart.is_some()),
        ("flow", raw.flow.is_some()),
        ("uitkomst", raw.uitkomst.is_some()),
        ("volgende", raw.volgende.is_some()),
    ];
    present
        .into_iter()
        .filter(|(field, is_there)| *is_there && !allowed.contains(field))
        .map(|(field, _)| field)
        .collect()
}
