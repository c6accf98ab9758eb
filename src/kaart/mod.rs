//! The Sociale Kaart: which providers (hulpverleners, organisaties) a VSV refers to, per
//! category and per gemeente.
//!
//! Why this exists: the blueprint says *where* in the path a referral happens ("verwijs door naar
//! de relevante hulpverlener"), but not *to whom*; that is local knowledge. Every VSV keeps its
//! own map of the region (Bijlage B, stap 2 and 3 of the blueprint), by hand, in a YAML file with
//! Dutch keys (the format is documented in `sociale-kaart/README.md`). A session looks up the
//! providers of a `verwijzing` node's category for the client's gemeente, ordered from light to
//! heavy care. A map with a typo in a phone number, or without any Veilig Thuis for one of its
//! gemeenten, would fail in the middle of an intake; [`check`] finds those mistakes first.
//!
//! Reading follows the flow's pattern: the file is parsed with [`crate::yaml::parse`] into the
//! raw form ([`RawKaart`], all fields optional, unknown keys refused), then converted into
//! [`Kaart`], collecting every problem as a [`Finding`] with file and line so that one run of
//! `zorgpad kaart controleer` names all of them. Lookups go through an index built at load time,
//! so that a national map (hundreds of gemeenten, thousands of providers) answers a referral in
//! microseconds.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{read_text, Error, Result};
use crate::finding::{Finding, Severity};
use crate::flow::Body;
use crate::flow_set::FlowSet;
use crate::store::Fingerprint;
use crate::yaml;

pub mod import;
mod offer;

pub use offer::Offer;

/// The example map shipped in the binary; used when no `--kaart` is given.
pub const EMBEDDED_TEXT: &str = include_str!("../../sociale-kaart/voorbeeld.yaml");

/// How the embedded map is named in messages.
pub const EMBEDDED_FILE: &str = "sociale-kaart/voorbeeld.yaml (ingebouwd)";

/// The categories zorgpad knows, with a description for people. A VSV may add its own; those
/// are reported as a warning (a typo looks the same), never as an error.
pub const CATEGORIES: &[(&str, &str)] = &[
    (
        "veilig-thuis",
        "Veilig Thuis: advies en melding bij huiselijk geweld en kindermishandeling",
    ),
    (
        "aandachtsfunctionaris",
        "aandachtsfunctionaris kindermishandeling en huiselijk geweld",
    ),
    (
        "kwetsbare-zwangeren",
        "gespecialiseerde zorg voor kwetsbare zwangeren",
    ),
    (
        "voorzorg",
        "VoorZorg of een lokaal programma met huisbezoeken",
    ),
    ("ggz", "psychopathologie: (perinatale) ggz, POH-GGZ"),
    (
        "psychosociaal",
        "psychosociale problemen: maatschappelijk werk, wijkteam",
    ),
    ("verslavingszorg", "middelengebruik: verslavingszorg"),
    ("kraamzorg", "kraamzorg"),
    ("cjg", "Centrum voor Jeugd en Gezin"),
    ("jgz", "jeugdgezondheidszorg (consultatiebureau)"),
];

/// The categories the Meldcode needs in every map, whatever the flow refers to.
pub const MELDCODE_CATEGORIES: [&str; 2] = ["veilig-thuis", "aandachtsfunctionaris"];

/// The fields of a provider, in the order of the file format (and of the importer's columns).
pub const PROVIDER_FIELDS: [&str; 12] = [
    "id",
    "naam",
    "categorieen",
    "gemeenten",
    "domein",
    "niveau",
    "telefoon",
    "email",
    "website",
    "adres",
    "aanmelden",
    "toelichting",
];

/// The fields of the `kaart:` block.
pub const META_FIELDS: [&str; 6] = ["naam", "vsv", "regio", "versie", "bijgewerkt", "gemeenten"];

/// Whether zorgpad knows this category.
pub fn is_known_category(category: &str) -> bool {
    CATEGORIES.iter().any(|(c, _)| *c == category)
}

/// The description of a known category.
pub fn category_description(category: &str) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(c, _)| *c == category)
        .map(|(_, d)| *d)
}

// ---------------------------------------------------------------------------------------------
// The file as written

/// The map file as written. Every field is optional here so that a missing one is reported
/// with all the others, not as the first serde error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKaart {
    pub kaart: RawMeta,
    #[serde(default)]
    pub aanbieders: Vec<RawAanbieder>,
}

/// The `kaart:` block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vsv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bijgewerkt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<String>>,
}

/// One entry under `aanbieders:`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAanbieder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorieen: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domein: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub niveau: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefoon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adres: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanmelden: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// The map ready to use

/// Formal care (professionals, organisations) or informal (volunteers, peers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Domein {
    Formeel,
    Informeel,
}

impl Domein {
    pub fn parse(text: &str) -> Option<Domein> {
        match text.trim().to_lowercase().as_str() {
            "formeel" => Some(Domein::Formeel),
            "informeel" => Some(Domein::Informeel),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Domein::Formeel => "formeel",
            Domein::Informeel => "informeel",
        }
    }
}

/// A provider as a session uses it: it has an id, a name and at least one category. Optional
/// fields that were malformed in the file are still kept as written (the finding says so),
/// except `niveau` and `domein`, which are `None` when they were not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aanbieder {
    pub id: String,
    pub naam: String,
    pub categorieen: Vec<String>,
    /// The gemeenten served; empty means the whole region.
    pub gemeenten: Vec<String>,
    pub domein: Option<Domein>,
    /// 1 (light) to 5 (heavy care).
    pub niveau: Option<u8>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub adres: Option<String>,
    pub aanmelden: Option<String>,
    pub toelichting: Option<String>,
    /// The line in the file where the entry starts.
    pub line: Option<usize>,
}

impl Aanbieder {
    /// Serves the whole region (no gemeenten listed).
    pub fn region_wide(&self) -> bool {
        self.gemeenten.is_empty()
    }

    /// Whether the provider serves this gemeente (case-insensitive), or the whole region.
    pub fn serves(&self, gemeente: &str) -> bool {
        let gemeente = gemeente.trim().to_lowercase();
        self.region_wide() || self.gemeenten.iter().any(|g| g.to_lowercase() == gemeente)
    }

    pub fn has_category(&self, category: &str) -> bool {
        self.categorieen.iter().any(|c| c == category)
    }

    /// "hele regio", or the gemeenten joined.
    pub fn werkgebied(&self) -> String {
        if self.region_wide() {
            "hele regio".to_string()
        } else {
            self.gemeenten.join(", ")
        }
    }

    /// The contact details that are there, in the order telefoon, e-mail, website.
    pub fn contact(&self) -> Vec<&str> {
        [&self.telefoon, &self.email, &self.website]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// A category without a provider in a gemeente (or, for a map without gemeenten, at all).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    pub category: String,
    /// `None` when the map lists no gemeenten: the category has no provider anywhere.
    pub gemeente: Option<String>,
}

/// The outcome of [`check`]: the findings and the gaps in coverage.
#[derive(Debug, Clone, Default)]
pub struct Check {
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
    /// The categories that were required (flow referrals plus the Meldcode's).
    pub required: Vec<String>,
}

impl Check {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// No errors and no gaps (warnings are allowed).
    pub fn is_ok(&self) -> bool {
        self.errors() == 0 && self.gaps.is_empty()
    }
}

/// A loaded Sociale Kaart.
#[derive(Debug, Clone)]
pub struct Kaart {
    /// How the file is named in messages: the path as given, or [`EMBEDDED_FILE`].
    pub file: String,
    /// The path it was read from; `None` for the embedded example.
    pub path: Option<PathBuf>,
    /// `kaart.naam`; empty when missing (a finding says so).
    pub naam: String,
    pub vsv: Option<String>,
    pub regio: Option<String>,
    /// `kaart.versie`; empty when missing (a finding says so).
    pub versie: String,
    /// `kaart.bijgewerkt` as written (a finding says when it is not a date JJJJ-MM-DD).
    pub bijgewerkt: Option<String>,
    /// The gemeenten of the region, in the file's order.
    pub gemeenten: Vec<String>,
    /// The exact text of the file, for the session's fingerprint.
    pub text: String,
    aanbieders: Vec<Aanbieder>,
    findings: Vec<Finding>,
    index: Index,
}

/// Provider positions by id and by (category, gemeente), each list already in the order
/// light → heavy, so that a lookup is a merge of two short sorted lists.
#[derive(Debug, Clone, Default)]
struct Index {
    by_id: HashMap<String, usize>,
    /// The position of each provider in the order light → heavy.
    rank: Vec<usize>,
    categories: HashMap<String, CategoryIndex>,
}

#[derive(Debug, Clone, Default)]
struct CategoryIndex {
    all: Vec<usize>,
    region_wide: Vec<usize>,
    /// Keyed by the lower-cased gemeente.
    by_gemeente: HashMap<String, Vec<usize>>,
}

impl Kaart {
    /// Load the map in `path`, or the embedded example when `None`. Fails (exit 2) only when
    /// the file cannot be read or is not a map at all (YAML errors, wrong types, unknown keys),
    /// naming file, line and column; everything else is a finding (see [`Kaart::findings`]).
    pub fn load(path: Option<&Path>) -> Result<Kaart> {
        match path {
            None => Kaart::from_text(EMBEDDED_FILE, EMBEDDED_TEXT.to_string(), None),
            Some(path) => {
                if let Some(ext) = spreadsheet_extension(path) {
                    return Err(Error::input(format!(
                        "'{}' is een spreadsheet ({ext}), geen Sociale Kaart in YAML",
                        path.display()
                    ))
                    .hint(format!(
                        "Zet het eerst om: zorgpad kaart importeer {} -o kaart.yaml\nen gebruik daarna --kaart kaart.yaml.",
                        path.display()
                    )));
                }
                let text = read_text("de sociale kaart", path)?;
                Kaart::from_text(&path.display().to_string(), text, Some(path.to_path_buf()))
            }
        }
    }

    /// Read a map from text; `file` names it in messages.
    pub fn from_text(file: &str, text: String, path: Option<PathBuf>) -> Result<Kaart> {
        let raw: RawKaart = parse(&text).map_err(|e| {
            let mut hint = String::new();
            if e.message.contains("een lijst verwacht") {
                hint.push_str(
                    "Een lijst schrijft u als [a, b], bijvoorbeeld 'categorieen: [ggz]'.\n",
                );
            }
            hint.push_str(
                "Dit is geen geldige Sociale Kaart; de opbouw staat in sociale-kaart/README.md.",
            );
            Error::input(format!("{}: {}", e.place(file), e.message)).hint(hint)
        })?;
        Ok(convert(file, path, text, raw))
    }

    /// Every usable provider, in the file's order.
    pub fn aanbieders(&self) -> &[Aanbieder] {
        &self.aanbieders
    }

    /// The problems found while reading (fields, duplicates, formats). [`check`] adds the
    /// checks that need the flow: unknown categories and completeness.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The providers of `category` that serve `gemeente` (case-insensitive), the region-wide
    /// ones included, ordered from light to heavy care: by `niveau` (providers without one
    /// last), then by name. With `None`, every provider of the category.
    pub fn providers(&self, category: &str, gemeente: Option<&str>) -> Vec<&Aanbieder> {
        let Some(cat) = self.index.categories.get(category) else {
            return Vec::new();
        };
        let Some(gemeente) = gemeente else {
            return cat.all.iter().map(|&i| &self.aanbieders[i]).collect();
        };
        let local: &[usize] = cat
            .by_gemeente
            .get(&gemeente.trim().to_lowercase())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let rank = &self.index.rank;
        let (mut a, mut b) = (0, 0);
        let regional = &cat.region_wide;
        let mut out = Vec::with_capacity(regional.len() + local.len());
        while a < regional.len() || b < local.len() {
            let take_regional = match (regional.get(a), local.get(b)) {
                (Some(&r), Some(&l)) => rank[r] < rank[l],
                (Some(_), None) => true,
                _ => false,
            };
            if take_regional {
                out.push(&self.aanbieders[regional[a]]);
                a += 1;
            } else {
                out.push(&self.aanbieders[local[b]]);
                b += 1;
            }
        }
        out
    }

    /// The provider with this id.
    pub fn provider(&self, id: &str) -> Option<&Aanbieder> {
        self.index.by_id.get(id).map(|&i| &self.aanbieders[i])
    }

    /// The gemeente of the map that `name` means (case and surrounding spaces ignored), in
    /// the map's spelling.
    pub fn gemeente(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        self.gemeenten
            .iter()
            .find(|g| g.to_lowercase() == name)
            .map(String::as_str)
    }

    /// The categories the providers use: known ones in the documented order, then the VSV's
    /// own, alphabetically.
    pub fn categories(&self) -> Vec<&str> {
        let used: BTreeSet<&str> = self.index.categories.keys().map(String::as_str).collect();
        let mut out: Vec<&str> = CATEGORIES
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| used.contains(c))
            .collect();
        out.extend(used.iter().filter(|c| !is_known_category(c)));
        out
    }

    /// Name, version and sha256 of the exact text, for the session record.
    pub fn fingerprint(&self) -> Fingerprint {
        crate::fingerprint::of_text(&self.naam, &self.versie, &self.text, self.path.as_deref())
    }

    pub fn is_embedded(&self) -> bool {
        self.path.is_none()
    }
}

/// The categories a map must cover for this flow set: every `verwijzing` category of every
/// flow in the set, then the Meldcode's (Veilig Thuis and the aandachtsfunctionaris).
pub fn required_categories(set: &FlowSet) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for flow in &set.flows {
        for node in &flow.nodes {
            if let Body::Referral { category, .. } = &node.body {
                if !out.contains(category) {
                    out.push(category.clone());
                }
            }
        }
    }
    for c in MELDCODE_CATEGORIES {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

/// Everything `zorgpad kaart controleer` reports: the findings of reading, unknown categories,
/// and the gaps against the flow set's categories.
pub fn check(kaart: &Kaart, set: &FlowSet) -> Check {
    let required = required_categories(set);
    Check {
        findings: validate(kaart, &required),
        gaps: gaps(kaart, &required),
        required,
    }
}

/// The findings of reading plus a warning for each category that zorgpad does not know and
/// the flow does not use (`flow_categories`), sorted by line.
pub fn validate(kaart: &Kaart, flow_categories: &[String]) -> Vec<Finding> {
    let mut findings = kaart.findings.clone();
    let lines: Vec<&str> = kaart.text.lines().collect();
    let mut starts: Option<Vec<usize>> = None;
    let mut warned: HashSet<&str> = HashSet::new();
    for p in &kaart.aanbieders {
        for c in &p.categorieen {
            if is_known_category(c) || flow_categories.iter().any(|f| f == c) {
                continue;
            }
            // One warning per category, at its first use.
            if !warned.insert(c.as_str()) {
                continue;
            }
            let known: Vec<String> = CATEGORIES
                .iter()
                .map(|(c, _)| c.to_string())
                .chain(flow_categories.iter().cloned())
                .collect();
            let starts = starts.get_or_insert_with(|| item_starts(&lines).unwrap_or_default());
            let line = p
                .line
                .and_then(|line| {
                    let end = starts
                        .iter()
                        .find(|&&s| s + 1 > line)
                        .copied()
                        .unwrap_or(lines.len());
                    field_line(&lines, line - 1, end, "categorieen")
                })
                .or(p.line);
            let uses = kaart
                .aanbieders
                .iter()
                .filter(|q| q.has_category(c))
                .count();
            findings.push(Finding::warning(
                &kaart.file,
                line,
                None,
                format!(
                    "aanbieder '{}': de categorie '{c}' is onbekend (gebruikt door {})",
                    p.id,
                    crate::finding::count(uses, "aanbieder", "aanbieders")
                ),
                crate::suggest::suggest(
                    c,
                    &known,
                    "is dit een eigen categorie van uw VSV, dan kan het zo blijven; anders: gebruik een bekende categorie (zie sociale-kaart/README.md)",
                ),
            ));
        }
    }
    findings.sort_by_key(|a| (a.line, a.severity));
    findings
}

/// For every required category and every gemeente of the map: is there a provider? A map
/// without gemeenten is checked for the region as a whole.
pub fn gaps(kaart: &Kaart, required: &[String]) -> Vec<Gap> {
    let mut out = Vec::new();
    for category in required {
        if kaart.gemeenten.is_empty() {
            if kaart.providers(category, None).is_empty() {
                out.push(Gap {
                    category: category.clone(),
                    gemeente: None,
                });
            }
            continue;
        }
        let cat = kaart.index.categories.get(category.as_str());
        for gemeente in &kaart.gemeenten {
            let covered = cat.is_some_and(|c| {
                !c.region_wide.is_empty()
                    || c.by_gemeente
                        .get(&gemeente.to_lowercase())
                        .is_some_and(|v| !v.is_empty())
            });
            if !covered {
                out.push(Gap {
                    category: category.clone(),
                    gemeente: Some(gemeente.clone()),
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Conversion

/// One problem with one entry, before it is given a place (a YAML line, or a sheet/row/column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The field the problem is about, if one.
    pub field: Option<&'static str>,
    pub problem: String,
    pub fix: String,
}

impl Problem {
    fn error(field: Option<&'static str>, problem: String, fix: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            field,
            problem,
            fix: fix.into(),
        }
    }

    fn warning(field: Option<&'static str>, problem: String, fix: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(field, problem, fix)
        }
    }
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

/// The checks of the `kaart:` block.
pub fn check_meta(meta: &RawMeta) -> Vec<Problem> {
    let mut out = Vec::new();
    if blank(&meta.naam) {
        out.push(Problem::error(
            Some("naam"),
            "de kaart heeft geen naam".to_string(),
            "zet onder 'kaart:' een regel 'naam: Sociale Kaart <uw VSV>'",
        ));
    }
    if blank(&meta.versie) {
        out.push(Problem::error(
            Some("versie"),
            "de kaart heeft geen versie".to_string(),
            "zet onder 'kaart:' een regel 'versie: \"2026.1\"' en hoog die op bij elke wijziging",
        ));
    }
    if let Some(date) = meta.bijgewerkt.as_deref().filter(|d| !d.trim().is_empty()) {
        if date.trim().parse::<jiff::civil::Date>().is_err() {
            out.push(Problem::error(
                Some("bijgewerkt"),
                format!("'bijgewerkt: {date}' is geen datum in de vorm JJJJ-MM-DD"),
                "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 'bijgewerkt: 2026-11-01'",
            ));
        }
    }
    let gemeenten = meta.gemeenten.as_deref().unwrap_or(&[]);
    if gemeenten.is_empty() {
        out.push(Problem::warning(
            Some("gemeenten"),
            "de kaart noemt geen gemeenten; de volledigheid wordt dan alleen voor de regio als geheel gecontroleerd".to_string(),
            "zet onder 'kaart:' de gemeenten van het VSV, bijvoorbeeld 'gemeenten: [Voorbeeldstad, Havendorp]'",
        ));
    }
    let mut seen = HashSet::new();
    for g in gemeenten {
        if g.trim().is_empty() {
            out.push(Problem::error(
                Some("gemeenten"),
                "de lijst 'gemeenten' bevat een lege naam".to_string(),
                "haal de lege naam weg (let op twee komma's achter elkaar)",
            ));
        } else if !seen.insert(g.to_lowercase()) {
            out.push(Problem::warning(
                Some("gemeenten"),
                format!("de gemeente '{g}' staat twee keer in 'gemeenten'"),
                "noem elke gemeente één keer",
            ));
        }
    }
    out
}

/// The checks of one provider. `gemeenten` are the map's gemeenten (exact spelling).
pub fn check_provider(
    raw: &RawAanbieder,
    gemeenten: &HashSet<&str>,
    all: &[String],
) -> Vec<Problem> {
    let mut out = Vec::new();
    if blank(&raw.id) {
        out.push(Problem::error(
            Some("id"),
            "deze aanbieder heeft geen id".to_string(),
            "geef elke aanbieder een eigen, korte id, bijvoorbeeld 'id: wijkteam-voorbeeldstad'",
        ));
    } else if let Some(id) = &raw.id {
        if id.chars().any(char::is_whitespace) {
            out.push(Problem::error(
                Some("id"),
                format!("de id '{id}' bevat een spatie"),
                "gebruik in een id alleen letters, cijfers en streepjes, bijvoorbeeld 'wijkteam-voorbeeldstad'",
            ));
        }
    }
    if blank(&raw.naam) {
        out.push(Problem::error(
            Some("naam"),
            "deze aanbieder heeft geen naam".to_string(),
            "zet de naam van de organisatie of hulpverlener bij 'naam:'",
        ));
    }
    let categories = raw.categorieen.as_deref().unwrap_or(&[]);
    if categories.iter().all(|c| c.trim().is_empty()) {
        out.push(Problem::error(
            Some("categorieen"),
            "deze aanbieder heeft geen categorie".to_string(),
            "zet bij 'categorieen:' minstens één categorie, bijvoorbeeld 'categorieen: [psychosociaal]' (zie sociale-kaart/README.md)",
        ));
    } else if categories.iter().any(|c| c.trim().is_empty()) {
        out.push(Problem::error(
            Some("categorieen"),
            "de lijst 'categorieen' bevat een lege naam".to_string(),
            "haal de lege naam weg (let op twee komma's achter elkaar)",
        ));
    }
    if blank(&raw.telefoon) && blank(&raw.email) && blank(&raw.website) {
        out.push(Problem::error(
            None,
            "deze aanbieder heeft geen contactgegevens".to_string(),
            "zet minstens één van 'telefoon', 'email' of 'website' erbij, zodat een verwijzer contact kan opnemen",
        ));
    }
    for g in raw.gemeenten.iter().flatten() {
        if !gemeenten.contains(g.as_str()) {
            let fix = if gemeenten.is_empty() {
                format!("zet '{g}' in 'gemeenten:' onder 'kaart:', of laat 'gemeenten' bij deze aanbieder weg (dan geldt hij voor de hele regio)")
            } else {
                crate::suggest::suggest(
                    g,
                    all,
                    &format!("gebruik een gemeente uit 'gemeenten:' onder 'kaart:' ({}), of voeg '{g}' daar toe", all.join(", ")),
                )
            };
            out.push(Problem::error(
                Some("gemeenten"),
                format!("de gemeente '{g}' staat niet in de gemeenten van de kaart"),
                fix,
            ));
        }
    }
    if let Some(d) = raw.domein.as_deref() {
        if Domein::parse(d).is_none() {
            out.push(Problem::error(
                Some("domein"),
                format!("'domein: {d}' bestaat niet"),
                "gebruik 'formeel' (beroepskrachten, organisaties) of 'informeel' (vrijwilligers, lotgenoten), of laat 'domein' weg",
            ));
        }
    }
    match raw.niveau {
        Some(n) if !(1..=5).contains(&n) => out.push(Problem::error(
            Some("niveau"),
            format!("'niveau: {n}' ligt niet tussen 1 en 5"),
            "gebruik 1 (lichte zorg) tot en met 5 (zware zorg); het niveau bepaalt de volgorde van licht naar zwaar",
        )),
        None if !blank(&raw.id) => out.push(Problem::warning(
            Some("niveau"),
            "deze aanbieder heeft geen niveau; hij staat daarom onderaan de lijst".to_string(),
            "zet 'niveau:' van 1 (lichte zorg) tot en met 5 (zware zorg)",
        )),
        _ => {}
    }
    if let Some(t) = raw.telefoon.as_deref().filter(|t| !t.trim().is_empty()) {
        if let Some(why) = phone_problem(t) {
            out.push(Problem::error(
                Some("telefoon"),
                format!("het telefoonnummer '{t}' klopt niet: {why}"),
                "schrijf een Nederlands nummer met cijfers, spaties en streepjes, bijvoorbeeld '010-1234567', '0800-2000' of '+31 10 123 4567'",
            ));
        }
    }
    if let Some(e) = raw.email.as_deref().filter(|t| !t.trim().is_empty()) {
        if let Some(why) = email_problem(e) {
            out.push(Problem::error(
                Some("email"),
                format!("het e-mailadres '{e}' klopt niet: {why}"),
                "schrijf een e-mailadres als 'naam@organisatie.nl'",
            ));
        }
    }
    if let Some(w) = raw.website.as_deref().filter(|t| !t.trim().is_empty()) {
        if let Some(why) = url_problem(w) {
            out.push(Problem::error(
                Some("website"),
                format!("de website '{w}' klopt niet: {why}"),
                "schrijf het volledige adres met http:// of https://, bijvoorbeeld 'https://www.organisatie.nl'",
            ));
        }
    }
    out
}

/// Why a phone number is not a Dutch one, or `None` when it is: digits, spaces and dashes,
/// optionally behind +31. Ten digits from 0 (010-1234567, 06-12345678), 0800/0900 numbers of
/// eight to eleven digits (0800-2000), the municipal 14 + area code (14 010), or +31 and nine
/// digits (+31 10 123 4567).
pub fn phone_problem(text: &str) -> Option<String> {
    let t = text.trim();
    let (international, rest) = match t.strip_prefix("+31") {
        Some(rest) => (true, rest),
        None if t.starts_with('+') => {
            return Some("alleen Nederlandse nummers (met +31) worden herkend".to_string())
        }
        None if t.starts_with("0031") => {
            return Some("schrijf +31 in plaats van 0031".to_string());
        }
        None => (false, t),
    };
    if rest.contains("(0)") {
        return Some("laat '(0)' weg: na +31 vervalt de 0 van het netnummer".to_string());
    }
    if let Some(c) = rest
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ' ' || *c == '-'))
    {
        return Some(format!(
            "het teken '{c}' hoort niet in een telefoonnummer (alleen cijfers, spaties en streepjes)"
        ));
    }
    let rest_trim = rest.trim();
    if rest_trim.starts_with('-') || rest_trim.ends_with('-') || rest.contains("--") {
        return Some("een streepje staat aan het begin, aan het eind of dubbel".to_string());
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if international {
        return match digits.len() {
            9 if !digits.starts_with('0') => None,
            _ if digits.starts_with('0') => {
                Some("na +31 vervalt de 0 van het netnummer (+31 10 …, niet +31 010 …)".to_string())
            }
            n => Some(format!("na +31 horen 9 cijfers, dit zijn er {n}")),
        };
    }
    let n = digits.len();
    let service = ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| digits.starts_with(p));
    if service {
        return (!(8..=11).contains(&n)).then(|| {
            format!(
                "een {}-nummer heeft 8 tot 11 cijfers, dit zijn er {n}",
                &digits[..4]
            )
        });
    }
    if digits.starts_with("14") {
        return (!(5..=6).contains(&n)).then(|| {
            format!("een gemeentenummer (14 + netnummer) heeft 5 of 6 cijfers, dit zijn er {n}")
        });
    }
    if !digits.starts_with('0') {
        return Some("een Nederlands nummer begint met 0 of met +31".to_string());
    }
    (n != 10).then(|| format!("een Nederlands nummer heeft 10 cijfers, dit zijn er {n}"))
}

/// Why an e-mail address is malformed, or `None`.
pub fn email_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.to_lowercase().starts_with("mailto:") {
        return Some("laat 'mailto:' weg".to_string());
    }
    if t.chars().any(char::is_whitespace) {
        return Some("er staat een spatie in".to_string());
    }
    let mut parts = t.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Some("er hoort precies één '@' in te staan".to_string());
    };
    if local.is_empty() {
        return Some("vóór de '@' staat niets".to_string());
    }
    host_problem(domain)
}

/// Why a website address is malformed, or `None`: it must be an http or https URL.
pub fn url_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.chars().any(char::is_whitespace) {
        return Some("er staat een spatie in".to_string());
    }
    let lower = t.to_lowercase();
    let rest = if lower.starts_with("https://") {
        &t[8..]
    } else if lower.starts_with("http://") {
        &t[7..]
    } else if lower.contains("://") {
        return Some("alleen http:// en https:// worden herkend".to_string());
    } else {
        return Some("'https://' ontbreekt aan het begin".to_string());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => authority,
    };
    if host.eq_ignore_ascii_case("localhost") {
        return None;
    }
    host_problem(host)
}

/// Why a domain name (after the '@', or in a URL) is malformed.
fn host_problem(host: &str) -> Option<String> {
    if host.is_empty() {
        return Some("de domeinnaam ontbreekt".to_string());
    }
    if !host.contains('.') {
        return Some(format!(
            "de domeinnaam '{host}' heeft geen punt (zoals in 'organisatie.nl')"
        ));
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Some(format!(
                "de domeinnaam '{host}' heeft twee punten achter elkaar, of een punt aan het begin of eind"
            ));
        }
        if label.starts_with('-')
            || label.ends_with('-')
            || !label.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            return Some(format!(
                "de domeinnaam '{host}' bevat een teken dat daar niet mag"
            ));
        }
    }
    let tld = host.rsplit('.').next().unwrap_or("");
    if tld.chars().count() < 2 || tld.chars().any(|c| c.is_ascii_digit()) {
        return Some(format!(
            "de domeinnaam '{host}' eindigt niet op een extensie zoals .nl of .org"
        ));
    }
    None
}

/// Turn the raw form into a map, collecting findings with their lines.
fn convert(file: &str, path: Option<PathBuf>, text: String, raw: RawKaart) -> Kaart {
    let lines: Vec<&str> = text.lines().collect();
    let starts = item_starts(&lines).filter(|s| s.len() == raw.aanbieders.len());
    let meta_block = block(&lines, "kaart");
    let mut findings = Vec::new();

    for p in check_meta(&raw.kaart) {
        let line = match (p.field, meta_block) {
            (Some(field), Some((start, end))) => field_line(&lines, start, end, field),
            _ => None,
        }
        .or(meta_block.map(|(s, _)| s + 1));
        findings.push(finding(
            file,
            line,
            p.severity,
            String::new(),
            p.problem,
            p.fix,
        ));
    }
    if raw.aanbieders.is_empty() {
        findings.push(Finding::error(
            file,
            block(&lines, "aanbieders").map(|(s, _)| s + 1),
            None,
            "de kaart heeft geen aanbieders".to_string(),
            "zet onder 'aanbieders:' de hulpverleners en organisaties van de regio (zie sociale-kaart/README.md)".to_string(),
        ));
    }

    let gemeenten: Vec<String> = raw.kaart.gemeenten.clone().unwrap_or_default();
    let known: HashSet<&str> = gemeenten.iter().map(String::as_str).collect();
    let mut aanbieders = Vec::with_capacity(raw.aanbieders.len());
    let mut first: HashMap<String, usize> = HashMap::with_capacity(raw.aanbieders.len());
    for (n, p) in raw.aanbieders.into_iter().enumerate() {
        let start = starts.as_ref().map(|s| s[n]);
        let end = starts
            .as_ref()
            .and_then(|s| s.get(n + 1).copied())
            .unwrap_or(lines.len());
        let line = start.map(|s| s + 1);
        let who = subject(&p, n);
        for problem in check_provider(&p, &known, &gemeenten) {
            let at = match (problem.field, start) {
                (Some(field), Some(s)) => field_line(&lines, s, end, field).or(line),
                _ => line,
            };
            findings.push(finding(
                file,
                at,
                problem.severity,
                format!("{who}: "),
                problem.problem,
                problem.fix,
            ));
        }
        let (Some(id), Some(naam), Some(categorieen)) = (
            p.id.filter(|v| !v.trim().is_empty()),
            p.naam.filter(|v| !v.trim().is_empty()),
            p.categorieen
                .map(|c| {
                    c.into_iter()
                        .filter(|c| !c.trim().is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|c| !c.is_empty()),
        ) else {
            continue;
        };
        if let Some(&earlier) = first.get(&id) {
            let at: &Aanbieder = &aanbieders[earlier];
            findings.push(Finding::error(
                file,
                line,
                None,
                format!(
                    "aanbieder '{id}': de id '{id}' komt al eerder voor{}",
                    at.line.map(|l| format!(" (regel {l}, '{}')", at.naam)).unwrap_or_default()
                ),
                "geef elke aanbieder een eigen id; staat dezelfde aanbieder er twee keer in, voeg dan de categorieën samen in één item".to_string(),
            ));
            continue;
        }
        first.insert(id.clone(), aanbieders.len());
        aanbieders.push(Aanbieder {
            id,
            naam,
            categorieen,
            gemeenten: p.gemeenten.unwrap_or_default(),
            domein: p.domein.as_deref().and_then(Domein::parse),
            niveau: p.niveau.filter(|n| (1..=5).contains(n)).map(|n| n as u8),
            telefoon: p.telefoon.filter(|v| !v.trim().is_empty()),
            email: p.email.filter(|v| !v.trim().is_empty()),
            website: p.website.filter(|v| !v.trim().is_empty()),
            adres: p.adres.filter(|v| !v.trim().is_empty()),
            aanmelden: p.aanmelden.filter(|v| !v.trim().is_empty()),
            toelichting: p.toelichting.filter(|v| !v.trim().is_empty()),
            line,
        });
    }
    let index = build_index(&aanbieders);
    findings.sort_by_key(|a| (a.line, a.severity));
    Kaart {
        file: file.to_string(),
        path,
        naam: raw.kaart.naam.unwrap_or_default().trim().to_string(),
        vsv: raw.kaart.vsv,
        regio: raw.kaart.regio,
        versie: raw.kaart.versie.unwrap_or_default().trim().to_string(),
        bijgewerkt: raw.kaart.bijgewerkt,
        gemeenten,
        text,
        aanbieders,
        findings,
        index,
    }
}

/// "aanbieder 'id'", or for one without an id its number and name.
fn subject(p: &RawAanbieder, n: usize) -> String {
    match (
        p.id.as_deref().filter(|i| !i.trim().is_empty()),
        p.naam.as_deref(),
    ) {
        (Some(id), _) => format!("aanbieder '{id}'"),
        (None, Some(naam)) if !naam.trim().is_empty() => {
            format!("aanbieder nr. {} ('{naam}')", n + 1)
        }
        _ => format!("aanbieder nr. {}", n + 1),
    }
}

fn finding(
    file: &str,
    line: Option<usize>,
    severity: Severity,
    lead: String,
    problem: String,
    fix: String,
) -> Finding {
    let problem = format!("{lead}{problem}");
    match severity {
        Severity::Error => Finding::error(file, line, None, problem, fix),
        Severity::Warning => Finding::warning(file, line, None, problem, fix),
    }
}

fn build_index(aanbieders: &[Aanbieder]) -> Index {
    let mut keys: Vec<(u8, String, &str, usize)> = aanbieders
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.niveau.unwrap_or(u8::MAX),
                p.naam.to_lowercase(),
                p.id.as_str(),
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    let mut rank = vec![0; aanbieders.len()];
    for (r, k) in keys.iter().enumerate() {
        rank[k.3] = r;
    }
    let mut categories: HashMap<String, CategoryIndex> = HashMap::new();
    for &(_, _, _, i) in &keys {
        let p = &aanbieders[i];
        for c in &p.categorieen {
            if !categories.contains_key(c) {
                categories.insert(c.clone(), CategoryIndex::default());
            }
            let Some(cat) = categories.get_mut(c) else {
                continue;
            };
            if cat.all.last() == Some(&i) {
                continue; // the category is listed twice
            }
            cat.all.push(i);
            if p.gemeenten.is_empty() {
                cat.region_wide.push(i);
            }
            for g in &p.gemeenten {
                let list = cat.by_gemeente.entry(g.trim().to_lowercase()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    Index {
        by_id: aanbieders
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect(),
        rank,
        categories,
    }
}

// ---------------------------------------------------------------------------------------------
// Places in the text. serde_yaml keeps no positions for values that parsed fine, so findings
// find their line in the text, in one pass for the whole file.

/// The 0-based line of each entry under `aanbieders:` (its `- `), or `None` when the list is
/// not written as a block list.
fn item_starts(lines: &[&str]) -> Option<Vec<usize>> {
    provider_list(lines).map(|(_, starts, _)| starts)
}

/// The block list under `aanbieders:`: the 0-based line of the key, of each entry, and the
/// first line after the list.
fn provider_list(lines: &[&str]) -> Option<(usize, Vec<usize>, usize)> {
    let top = lines.iter().position(|l| is_key(l, "aanbieders"))?;
    let mut starts = Vec::new();
    let mut dash: Option<usize> = None;
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(top + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ");
        match dash {
            None if is_item => {
                dash = Some(column);
                starts.push(i);
            }
            None => {
                end = i;
                break;
            }
            Some(c) if is_item && column == c => starts.push(i),
            Some(c) if column <= c && !is_item => {
                end = i;
                break;
            }
            Some(_) => {}
        }
    }
    Some((top, starts, end))
}

/// Parse the map. A large map written as a block list is parsed in pieces, one per core: the
/// file without its providers, and the providers in equal runs of whole entries (each run is
/// a YAML list of its own). Entries of a block list are independent nodes, so the pieces mean
/// what the whole means; should any piece fail (an error, or an alias to an anchor in another
/// piece), the whole file is parsed again in one go, which gives the exact error and place.
fn parse(text: &str) -> std::result::Result<RawKaart, yaml::YamlError> {
    const PARALLEL_FROM: usize = 512 * 1024;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_FROM || threads < 2 {
        return yaml::parse(text);
    }
    parse_in_pieces(text, threads).map_or_else(|| yaml::parse(text), Ok)
}

fn parse_in_pieces(text: &str, threads: usize) -> Option<RawKaart> {
    // Byte offset of the start of each line (and of the end).
    let mut offsets = Vec::with_capacity(text.len() / 30);
    let mut lines = Vec::with_capacity(text.len() / 30);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        offsets.push(at);
        lines.push(line.trim_end_matches(['\n', '\r']));
        at += line.len();
    }
    offsets.push(text.len());
    let (top, starts, end) = provider_list(&lines)?;
    if starts.len() < threads * 4 {
        return None;
    }
    let mut head = String::with_capacity(offsets[top] + 32 + (text.len() - offsets[end]));
    head.push_str(&text[..offsets[top]]);
    head.push_str("aanbieders: []\n");
    head.push_str(&text[offsets[end]..]);
    let per = starts.len().div_ceil(threads);
    let pieces: Vec<&str> = (0..starts.len())
        .step_by(per)
        .map(|a| {
            let from = offsets[starts[a]];
            let to = starts
                .get(a + per)
                .map_or(offsets[end], |&next| offsets[next]);
            &text[from..to]
        })
        .collect();
    std::thread::scope(|scope| {
        let parts: Vec<_> = pieces
            .iter()
            .map(|piece| scope.spawn(move || yaml::parse::<Vec<RawAanbieder>>(piece).ok()))
            .collect();
        let mut raw: RawKaart = yaml::parse(&head).ok()?;
        for part in parts {
            raw.aanbieders.extend(part.join().ok()??);
        }
        Some(raw)
    })
}

/// The 0-based range of lines of a top-level block `key:` (from its line to the next key).
fn block(lines: &[&str], key: &str) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| is_key(l, key))?;
    let end = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .find(|(_, l)| {
            !l.is_empty() && !l.starts_with(' ') && !l.starts_with('#') && !l.starts_with('-')
        })
        .map_or(lines.len(), |(i, _)| i);
    Some((start, end))
}

fn is_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The 1-based line of `field:` within the 0-based lines `start..end`.
fn field_line(lines: &[&str], start: usize, end: usize, field: &str) -> Option<usize> {
    (start..end.min(lines.len()))
        .find(|&i| {
            let l = lines[i].trim_start();
            let l = l.strip_prefix("- ").unwrap_or(l).trim_start();
            is_key(l, field)
        })
        .map(|i| i + 1)
}

fn spreadsheet_extension(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    ["xlsx", "xlsm", "xls", "ods", "csv"]
        .contains(&ext.as_str())
        .then(|| format!(".{ext}"))
}

// ---------------------------------------------------------------------------------------------
// Writing a map (the importer's output)

impl RawKaart {
    /// The map as YAML in the documented layout: the `kaart:` block, then one entry per
    /// provider with the fields in the documented order and a blank line between entries.
    /// Reading the result back gives the same `RawKaart`.
    pub fn to_yaml(&self) -> String {
        let mut out = String::with_capacity(256 + self.aanbieders.len() * 400);
        out.push_str("kaart:\n");
        let m = &self.kaart;
        scalar_field(&mut out, "  ", "naam", m.naam.as_deref(), false);
        scalar_field(&mut out, "  ", "vsv", m.vsv.as_deref(), false);
        scalar_field(&mut out, "  ", "regio", m.regio.as_deref(), false);
        scalar_field(&mut out, "  ", "versie", m.versie.as_deref(), true);
        scalar_field(&mut out, "  ", "bijgewerkt", m.bijgewerkt.as_deref(), false);
        list_field(&mut out, "  ", "gemeenten", m.gemeenten.as_deref());
        if self.aanbieders.is_empty() {
            out.push_str("\naanbieders: []\n");
            return out;
        }
        out.push_str("\naanbieders:\n");
        for (i, p) in self.aanbieders.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let mut entry = String::new();
            scalar_field(&mut entry, "    ", "id", p.id.as_deref(), false);
            scalar_field(&mut entry, "    ", "naam", p.naam.as_deref(), false);
            list_field(&mut entry, "    ", "categorieen", p.categorieen.as_deref());
            list_field(&mut entry, "    ", "gemeenten", p.gemeenten.as_deref());
            scalar_field(&mut entry, "    ", "domein", p.domein.as_deref(), false);
            if let Some(n) = p.niveau {
                entry.push_str(&format!("    niveau: {n}\n"));
            }
            scalar_field(&mut entry, "    ", "telefoon", p.telefoon.as_deref(), true);
            scalar_field(&mut entry, "    ", "email", p.email.as_deref(), false);
            scalar_field(&mut entry, "    ", "website", p.website.as_deref(), false);
            scalar_field(&mut entry, "    ", "adres", p.adres.as_deref(), false);
            scalar_field(
                &mut entry,
                "    ",
                "aanmelden",
                p.aanmelden.as_deref(),
                false,
            );
            scalar_field(
                &mut entry,
                "    ",
                "toelichting",
                p.toelichting.as_deref(),
                false,
            );
            if entry.is_empty() {
                out.push_str("  - {}\n");
            } else {
                out.push_str("  - ");
                out.push_str(&entry[4..]);
            }
        }
        out
    }
}

fn scalar_field(out: &mut String, indent: &str, key: &str, value: Option<&str>, quote: bool) {
    if let Some(v) = value {
        out.push_str(indent);
        out.push_str(key);
        out.push_str(": ");
        if quote {
            out.push_str(&quoted(v));
        } else {
            out.push_str(&scalar(v, false));
        }
        out.push('\n');
    }
}

fn list_field(out: &mut String, indent: &str, key: &str, value: Option<&[String]>) {
    if let Some(items) = value {
        out.push_str(indent);
        out.push_str(key);
        out.push_str(": [");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&scalar(item, true));
        }
        out.push_str("]\n");
    }
}

/// A string as a YAML scalar: plain when that reads back as the same string, else quoted.
fn scalar(s: &str, in_list: bool) -> String {
    const WORDS: [&str; 12] = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no",
    ];
    let first = s.chars().next();
    let plain = !s.is_empty()
        && s.trim() == s
        && !WORDS.contains(&s)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control())
        && first.is_some_and(|c| !"-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !(in_list && s.contains([',', '[', ']', '{', '}', ':']))
        && !(s
            .chars()
            .all(|c| c.is_ascii_digit() || ".+-eE_xob".contains(c)));
    if plain {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_phone_numbers() {
        for ok in [
            "0800-2000",
            "010-1234567",
            "+31 10 123 4567",
            "06-12345678",
            "0900 1234",
            "14 010",
            "088 123 45 67",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        for bad in [
            "010-123456",
            "+32 2 123 45 67",
            "+31 (0)10 1234567",
            "+31 010 1234567",
            "010/1234567",
            "12345",
            "010--1234567",
            "bel ons",
        ] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn emails_and_urls() {
        assert_eq!(email_problem("info@example.org"), None);
        for bad in [
            "info@example",
            "info.example.org",
            "a@@b.nl",
            "mailto:a@b.nl",
            "a b@c.nl",
            "a@b..nl",
            "@b.nl",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c",
            "https://www.example.org:8443/x",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "www.example.org",
            "ftp://example.org",
            "https://",
            "https://example",
            "https://exa mple.org",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn yaml_written_reads_back_the_same() {
        let raw: RawKaart = yaml::parse(EMBEDDED_TEXT).unwrap();
        let mut tricky = raw.clone();
        tricky.aanbieders[0].toelichting = Some("Let op: #1, \"quotes\" en\nregels".to_string());
        tricky.aanbieders[0].naam = Some("- null".to_string());
        tricky.aanbieders[0].gemeenten = Some(vec!["A, B".to_string(), "yes".to_string()]);
        tricky.kaart.versie = Some("2026.10".to_string());
        for k in [raw, tricky] {
            let back: RawKaart = yaml::parse(&k.to_yaml()).unwrap();
            assert_eq!(back, k);
        }
    }

    /// A map large enough to be parsed in pieces.
    fn large() -> RawKaart {
        let mut raw: RawKaart = yaml::parse(EMBEDDED_TEXT).unwrap();
        let base = raw.aanbieders.clone();
        for i in 0..200 {
            for p in &base {
                let mut p = p.clone();
                p.id = Some(format!("{}-{i}", p.id.unwrap()));
                raw.aanbieders.push(p);
            }
        }
        raw
    }

    #[test]
    fn large_maps_parsed_in_pieces_mean_the_same() {
        let raw = large();
        let text = raw.to_yaml();
        assert!(text.len() > 512 * 1024, "{}", text.len());
        assert!(parse_in_pieces(&text, 2).is_some());
        assert_eq!(parse(&text).unwrap(), raw);

        // An alias to an anchor in another piece: the pieces fail, the whole file is read.
        let aliased = text
            .replacen(
                "    naam: Veilig Thuis Voorbeeldregio\n",
                "    naam: &vt Veilig Thuis Voorbeeldregio\n",
                1,
            )
            .replace(
                "    naam: Jeugdgezondheidszorg Voorbeeldregio\n",
                "    naam: *vt\n",
            );
        assert!(parse_in_pieces(&aliased, 2).is_none());
        let whole: RawKaart = yaml::parse(&aliased).unwrap();
        assert_eq!(parse(&aliased).unwrap(), whole);
        assert_eq!(
            whole.aanbieders.last().unwrap().naam.as_deref(),
            Some("Veilig Thuis Voorbeeldregio")
        );

        // An error far down is reported at its place in the whole file.
        let broken = format!("{text}  - id: kapot\n    niveau: drie\n");
        let e = parse(&broken).unwrap_err();
        assert_eq!(e.line, Some(broken.lines().count()));
        assert!(e.message.contains("heel getal"), "{}", e.message);
    }

    #[test]
    fn items_are_located() {
        let text = "kaart:\n  naam: x\naanbieders:\n  # c\n  - id: a\n    naam: A\n\n  - naam: B\n    id: b\nnog: 1\n";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(item_starts(&lines), Some(vec![4, 7]));
        assert_eq!(field_line(&lines, 7, 9, "id"), Some(9));
        assert_eq!(block(&lines, "kaart"), Some((0, 2)));
    }
}
