//! One provider on the map, as a session uses it.
//!
//! Why this exists: after reading, a provider is known to have an id, a name and a category,
//! its level and domain are parsed; the questions a session and `zorgpad kaart toon` ask of
//! it (does it serve this gemeente, how to contact it) live here.

/// Formal care (professionals, organisations) or informal (volunteers, peers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Domain {
    Formal,
    Informal,
}

impl Domain {
    pub(crate) fn parse(text: &str) -> Option<Domain> {
        match text.trim().to_lowercase().as_str() {
            "formeel" => Some(Domain::Formal),
            "informeel" => Some(Domain::Informal),
            _ => None,
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Domain::Formal => "formeel",
            Domain::Informal => "informeel",
        }
    }
}

/// A provider as a session uses it: it has an id, a name and at least one category. Optional
/// fields that were malformed in the file are still kept as written (the finding says so),
/// except `level` and `domain`, which are `None` when they were not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub id: String,
    /// `naam` in the file.
    pub name: String,
    /// `categorieen` in the file, without empty names.
    pub(crate) categories: Vec<String>,
    /// The gemeenten served; empty means the whole region.
    pub(crate) gemeenten: Vec<String>,
    /// `domein` in the file.
    pub(crate) domain: Option<Domain>,
    /// `niveau` in the file: 1 (light) to 5 (heavy care).
    pub(crate) level: Option<u8>,
    /// `telefoon` in the file.
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// `adres` in the file.
    pub(crate) address: Option<String>,
    /// `aanmelden` in the file: how to refer a client.
    pub(crate) how_to_refer: Option<String>,
    /// `toelichting` in the file: what the provider offers.
    pub(crate) description: Option<String>,
    /// `gecontroleerd` in the file, as written: the day the entry was last checked (a date
    /// that cannot be read is a finding of its own).
    pub(crate) checked: Option<String>,
    /// `beheerder` in the file: who keeps the entry up to date.
    pub(crate) owner: Option<String>,
    /// The line in the file where the entry starts.
    pub(crate) line: Option<usize>,
}

impl Provider {
    /// Serves the whole region (no gemeenten listed).
    pub(crate) fn region_wide(&self) -> bool {
        self.gemeenten.is_empty()
    }

    /// Whether the provider serves this gemeente (case-insensitive), or the whole region.
    pub fn serves(&self, gemeente: &str) -> bool {
        let gemeente = gemeente.trim().to_lowercase();
        self.region_wide() || self.gemeenten.iter().any(|g| g.to_lowercase() == gemeente)
    }

    pub(crate) fn has_category(&self, category: &str) -> bool {
        self.categories.iter().any(|c| c == category)
    }

    /// "hele regio", or the gemeenten joined.
    pub(crate) fn area(&self) -> String {
        if self.region_wide() {
            "hele regio".to_string()
        } else {
            self.gemeenten.join(", ")
        }
    }

    /// "Veilig Thuis Voorbeeldregio · tel. 0800-2000 · https://…": whom to call and how to
    /// reach them, in one line ([`reach_line`]).
    pub(crate) fn reach(&self) -> String {
        reach_line(
            &self.name,
            self.phone.as_deref(),
            self.email.as_deref(),
            self.website.as_deref(),
        )
    }

    /// The contact details that are there, in the order phone, e-mail, website.
    pub(crate) fn contact(&self) -> Vec<&str> {
        [&self.phone, &self.email, &self.website]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// A name with the contact details that are there: "Naam · tel. 010-… · mail@… · https://…".
/// One wording for the terminal and the summary, so a colleague reads what was on screen.
pub(crate) fn reach_line(
    name: &str,
    phone: Option<&str>,
    email: Option<&str>,
    website: Option<&str>,
) -> String {
    let mut parts = vec![name.to_string()];
    parts.extend(phone.map(|p| format!("tel. {p}")));
    parts.extend(email.map(str::to_string));
    parts.extend(website.map(str::to_string));
    parts.join(" · ")
}
