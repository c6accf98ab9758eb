//! The contact block of a box with `kaart:` in the flow, as text for both people's prompters
//! (the terminal and the plain one): the organisation chosen at the earlier referral of that
//! category (the Veilig Thuis reported to), or every provider of the category for the client's
//! gemeente, with phone, e-mail, website, address and how to refer, as the Sociale Kaart has
//! them.

use crate::engine::contact::Contacts;
use crate::kaart::Offer;

/// The block as text: a heading, then a line per provider (after `bullet`) with its address
/// and how to refer.
pub(crate) fn contacts_text(contacts: &Contacts<'_>, offer: &Offer<'_>, bullet: &str) -> String {
    let category = &contacts.category;
    let (providers, gone) = offer.contacts(contacts);
    let mut text = String::from("\n");
    if providers.is_empty() && gone.is_empty() && contacts.typed.is_empty() {
        text.push_str(&offer.none_for(category));
    } else {
        let whence = match (contacts.chosen_at, offer.gemeente) {
            (Some(node), _) => format!(", gekozen bij '{}'", node.title),
            (None, Some(g)) => format!(" in {g}"),
            (None, None) => String::new(),
        };
        text.push_str(&format!(
            "Contact (Sociale Kaart, categorie '{category}'{whence}):"
        ));
        for p in providers {
            text.push_str(&format!("\n  {bullet} {}", p.reach()));
            if let Some(address) = &p.address {
                text.push_str(&format!("\n      adres: {}", address.trim()));
            }
            if let Some(how) = &p.how_to_refer {
                text.push_str(&format!("\n      aanmelden: {}", how.trim()));
            }
        }
        for id in gone {
            text.push_str(&format!(
                "\n  {bullet} {id} (staat niet meer op de Sociale Kaart)"
            ));
        }
        for name in &contacts.typed {
            text.push_str(&format!(
                "\n  {bullet} {name} (zelf ingevuld, niet op de Sociale Kaart: geen contactgegevens)"
            ));
        }
    }
    if offer.kaart.is_embedded() {
        text.push_str("\n  (LET OP: ingebouwde VOORBEELDKAART; deze gegevens zijn verzonnen.)");
    }
    text
}
