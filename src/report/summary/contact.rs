//! Whom a box with `kaart:` tells the professional to reach, as the summary records it: the
//! organisations of the Sociale Kaart (or typed by hand) at the referral of that category, or
//! every provider of the category for the client's gemeente. Apart from [`super`] so that each
//! file stays short.

use serde::Serialize;

use crate::kaart::Kaart;
use crate::kaart::Offer;

/// The organisations of the Sociale Kaart a box with `kaart:` shows: those chosen at the
/// earlier referral of the category, or else every provider of it for the client's gemeente.
#[derive(Debug, Clone, Serialize)]
pub struct RouteContact {
    pub categorie: String,
    /// The referral (its node id) the providers were chosen at; `None`: no referral of this
    /// category came before, so these are all providers of it for the client's gemeente.
    pub gekozen_bij: Option<String>,
    /// Empty when the map has none: [`RouteContact::lines`] then says so.
    pub aanbieders: Vec<Contact>,
    /// Organisations typed by hand at the referral (not on the map), by name (added later to
    /// `zorgpad.samenvatting/1`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub andere: Vec<String>,
    /// What to do when `aanbieders` is empty (the national number for Veilig Thuis).
    #[serde(skip)]
    none: String,
    /// The title of the referral at `gekozen_bij`, for people.
    #[serde(skip)]
    chosen_at_title: Option<String>,
}

impl RouteContact {
    /// What a box with `kaart:` shows, looked up on the map of the session; `None` without a
    /// map (nothing to look up) unless providers were chosen (then named by their id).
    pub(crate) fn of(
        contacts: &crate::engine::contact::Contacts<'_>,
        offer: Option<Offer<'_>>,
    ) -> Option<RouteContact> {
        let aanbieders: Vec<Contact> =
            if contacts.providers.is_empty() && !contacts.typed.is_empty() {
                Vec::new()
            } else if contacts.providers.is_empty() {
                offer?
                    .providers_for(&contacts.category)
                    .into_iter()
                    .map(Contact::from_provider)
                    .collect()
            } else {
                let kaart = offer.map(|o| o.kaart);
                contacts
                    .providers
                    .iter()
                    .map(|id| Contact::of(id, kaart))
                    .collect()
            };
        Some(RouteContact {
            categorie: contacts.category.clone(),
            gekozen_bij: contacts.chosen_at.map(|n| n.id.clone()),
            chosen_at_title: contacts.chosen_at.map(|n| n.title.clone()),
            aanbieders,
            andere: contacts.typed.clone(),
            none: crate::kaart::no_provider(&contacts.category, offer.and_then(|o| o.gemeente)),
        })
    }

    /// Where the organisations come from, for people: "gekozen bij 'Meldcode stap 5: …'", or
    /// "Sociale Kaart" (all of the category for the client's gemeente).
    pub fn whence(&self) -> String {
        match &self.chosen_at_title {
            Some(title) => format!("gekozen bij '{title}'"),
            None => "Sociale Kaart".to_string(),
        }
    }

    /// One line per organisation, "Naam · tel. … · e-mail · website", or that there is none.
    pub fn lines(&self) -> Vec<String> {
        if self.aanbieders.is_empty() && self.andere.is_empty() {
            return vec![self.none.clone()];
        }
        self.aanbieders
            .iter()
            .map(Contact::reach)
            .chain(
                self.andere
                    .iter()
                    .map(|a| format!("{a} (zelf ingevuld, niet op de Sociale Kaart)")),
            )
            .collect()
    }
}

/// A provider of the Sociale Kaart as the client's file needs it.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub id: String,
    pub naam: String,
    pub domein: Option<String>,
    pub niveau: Option<u8>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub adres: Option<String>,
    pub aanmelden: Option<String>,
}

impl Contact {
    pub(crate) fn of(id: &str, kaart: Option<&Kaart>) -> Contact {
        match kaart.and_then(|k| k.provider(id)) {
            Some(a) => Contact::from_provider(a),
            None => Contact {
                id: id.to_string(),
                naam: format!("{id} (staat niet meer op de Sociale Kaart)"),
                domein: None,
                niveau: None,
                telefoon: None,
                email: None,
                website: None,
                adres: None,
                aanmelden: None,
            },
        }
    }

    fn from_provider(a: &crate::kaart::Provider) -> Contact {
        Contact {
            id: a.id.clone(),
            naam: a.name.clone(),
            domein: a.domain.map(|d| d.label().to_string()),
            niveau: a.level,
            telefoon: a.phone.clone(),
            email: a.email.clone(),
            website: a.website.clone(),
            adres: a.address.clone(),
            aanmelden: a.how_to_refer.clone(),
        }
    }

    /// "Naam · tel. … · e-mail · website": whom to call and how, as the terminal showed it.
    pub fn reach(&self) -> String {
        crate::kaart::reach_line(
            &self.naam,
            self.telefoon.as_deref(),
            self.email.as_deref(),
            self.website.as_deref(),
        )
    }

    /// Phone, e-mail and website, as one line.
    pub fn line(&self) -> String {
        [&self.telefoon, &self.email, &self.website]
            .iter()
            .filter_map(|c| c.as_deref())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}
