//! A flow: one flowchart (the blueprint, or a sub-flow such as the Meldcode) as a state machine.
//!
//! The YAML form ([`RawFlow`]) is what a VSV coordinator writes, with Dutch keys. It is read
//! leniently-but-strictly: unknown keys are refused by serde (typos surface at once), while
//! missing pieces are collected as [`Finding`]s so that one run of `zorgpad controleer` names
//! all of them. The typed form ([`Flow`], [`Node`]) is what the engine walks; it only exists
//! for nodes that converted cleanly.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::finding::Finding;

/// The flow file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlow {
    pub naam: String,
    pub versie: String,
    #[serde(default)]
    pub bron: Option<String>,
    #[serde(default)]
    pub datum: Option<String>,
    #[serde(default)]
    pub omschrijving: Option<String>,
    pub start: String,
    #[serde(default)]
    pub rollen: BTreeMap<String, String>,
    #[serde(default)]
    pub voetnoten: BTreeMap<u32, String>,
    pub knopen: Vec<RawNode>,
}

/// The kinds of node a flow can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A box that is shown and passed: nothing to answer (e.g. the entry "Signalen van PPM").
    Info,
    /// A box with a checklist of actions for one role.
    Actie,
    /// A question with options, each leading to a node.
    Beslissing,
    /// A referral to a category of the Sociale Kaart.
    Verwijzing,
    /// Something that happens later (appointment, birth); its options say how it turned out.
    Wachten,
    /// A call into another flow that returns here.
    Subflow,
    /// An end, with an outcome.
    Einde,
    /// A list of criteria; the professional ticks those that apply (e.g. footnote 1 at D2).
    Criteria,
}

impl Kind {
    pub fn dutch(self) -> &'static str {
        match self {
            Kind::Info => "info",
            Kind::Actie => "actie",
            Kind::Beslissing => "beslissing",
            Kind::Verwijzing => "verwijzing",
            Kind::Wachten => "wachten",
            Kind::Subflow => "subflow",
            Kind::Einde => "einde",
            Kind::Criteria => "criteria",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: String,
    pub soort: Kind,
    #[serde(default)]
    pub stap: Option<u8>,
    #[serde(default)]
    pub rol: Option<String>,
    pub titel: String,
    #[serde(default)]
    pub uitleg: Option<String>,
    #[serde(default)]
    pub blauwdruk: Option<String>,
    #[serde(default)]
    pub voetnoten: Vec<u32>,
    #[serde(default)]
    pub tekst: Option<String>,
    /// The question may be answered later: the session can pause here (e.g. the MDO).
    #[serde(default)]
    pub pauzeerbaar: bool,
    /// Shown prominently in the summary ("Let op") when the walk passes this node.
    #[serde(default)]
    pub letop: Option<String>,
    #[serde(default)]
    pub acties: Option<Vec<RawAction>>,
    #[serde(default)]
    pub vraag: Option<String>,
    #[serde(default)]
    pub opties: Option<Vec<RawOption>>,
    #[serde(default)]
    pub categorie: Option<String>,
    #[serde(default)]
    pub flow: Option<String>,
    #[serde(default)]
    pub uitkomst: Option<String>,
    #[serde(default)]
    pub criteria: Option<Vec<RawAction>>,
    #[serde(default)]
    pub voorstel: Option<RawProposal>,
    #[serde(default)]
    pub volgende: Option<String>,
}

/// A decision's proposal, computed from earlier answers: the first rule that holds names the
/// proposed option, otherwise `anders`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    pub regels: Vec<RawRule>,
    pub anders: String,
}

/// `dan: complex` with `een-van: [...]` (any condition holds) or `alle: [...]` (all hold).
/// A condition is `NODE = ID`: the option chosen at NODE, or a criterion ticked at NODE.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub dan: String,
    #[serde(default, rename = "een-van")]
    pub een_van: Option<Vec<String>>,
    #[serde(default)]
    pub alle: Option<Vec<String>>,
    /// The proposal of this rule cannot be overruled (e.g. doubt always takes the complex route).
    #[serde(default)]
    pub dwingend: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub tekst: String,
    #[serde(default)]
    pub rol: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub label: String,
    pub naar: String,
    #[serde(default)]
    pub toelichting: Option<String>,
    /// Shown prominently in the summary ("Let op") when this option is chosen.
    #[serde(default)]
    pub letop: Option<String>,
}

/// A flow ready to walk.
#[derive(Debug, Clone)]
pub struct Flow {
    /// The flow's id: its file name without `.yaml`; sub-flow calls use it.
    pub id: String,
    /// Where it came from, for messages ("flows/meldcode.yaml", or "(ingebouwd) …").
    pub file: String,
    pub naam: String,
    pub versie: String,
    pub bron: Option<String>,
    pub datum: Option<String>,
    pub omschrijving: Option<String>,
    pub start: String,
    pub rollen: BTreeMap<String, String>,
    pub voetnoten: BTreeMap<u32, String>,
    pub nodes: Vec<Node>,
    /// Every id the file declares, also of nodes that did not convert, so that a reference
    /// to a broken node is not reported a second time as a reference to an unknown one.
    pub declared: Vec<String>,
    /// The targets ('volgende', each option's 'naar') of the nodes that did not convert, so
    /// that the nodes behind a broken node are not also reported as unreachable.
    pub broken: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub stap: Option<u8>,
    pub rol: Option<String>,
    pub titel: String,
    pub uitleg: Option<String>,
    pub blauwdruk: Option<String>,
    pub voetnoten: Vec<u32>,
    /// Extra text shown with the box (its content as the blueprint words it).
    pub tekst: Option<String>,
    /// Whether the session can pause here ("nog niet — later verder"); always so for waits.
    pub pauzeerbaar: bool,
    /// Shown prominently in the summary when the walk passes this node.
    pub letop: Option<String>,
    pub line: Option<usize>,
    pub body: Body,
}

/// What a node does, with exactly the fields its kind needs.
#[derive(Debug, Clone)]
pub enum Body {
    Info {
        next: String,
    },
    Action {
        items: Vec<Action>,
        next: String,
    },
    Decision {
        question: String,
        options: Vec<Choice>,
        proposal: Option<Proposal>,
    },
    Criteria {
        question: String,
        items: Vec<Action>,
        next: String,
    },
    Referral {
        category: String,
        question: String,
        next: String,
    },
    Wait {
        question: String,
        options: Vec<Choice>,
    },
    Subflow {
        flow: String,
        next: String,
    },
    End {
        outcome: String,
    },
}

/// A proposal rule form, validated: see [`RawProposal`].
#[derive(Debug, Clone)]
pub struct Proposal {
    pub rules: Vec<Rule>,
    pub otherwise: String,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub then: String,
    /// True: any condition suffices; false: all must hold.
    pub any: bool,
    /// The proposal of this rule cannot be overruled.
    pub binding: bool,
    pub conditions: Vec<Condition>,
}

/// `NODE = ID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub node: String,
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: String,
    pub tekst: String,
    pub rol: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub target: String,
    pub toelichting: Option<String>,
    pub letop: Option<String>,
}

impl Body {
    pub fn kind(&self) -> Kind {
        match self {
            Body::Info { .. } => Kind::Info,
            Body::Action { .. } => Kind::Actie,
            Body::Decision { .. } => Kind::Beslissing,
            Body::Criteria { .. } => Kind::Criteria,
            Body::Referral { .. } => Kind::Verwijzing,
            Body::Wait { .. } => Kind::Wachten,
            Body::Subflow { .. } => Kind::Subflow,
            Body::End { .. } => Kind::Einde,
        }
    }

    /// The ids this node can lead to, with the option id that leads there (if any).
    pub fn targets(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Body::Info { next }
            | Body::Action { next, .. }
            | Body::Referral { next, .. }
            | Body::Criteria { next, .. }
            | Body::Subflow { next, .. } => {
                vec![(None, next.as_str())]
            }
            Body::Decision { options, .. } | Body::Wait { options, .. } => options
                .iter()
                .map(|o| (Some(o.id.as_str()), o.target.as_str()))
                .collect(),
            Body::End { .. } => Vec::new(),
        }
    }

    /// Whether reaching this node always asks the user something.
    pub fn asks(&self) -> bool {
        matches!(
            self,
            Body::Action { .. }
                | Body::Decision { .. }
                | Body::Referral { .. }
                | Body::Wait { .. }
                | Body::Criteria { .. }
        )
    }
}

impl Flow {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The label of a role id; unknown ids are shown as written.
    pub fn role_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.rollen.get(id).map(String::as_str).unwrap_or(id)
    }
}

/// Convert the file form into a flow. Nodes that lack what their kind needs are left out of
/// the flow and reported; everything the graph checks need is kept.
pub fn convert(id: &str, file: &str, text: &str, raw: RawFlow) -> (Flow, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut nodes = Vec::new();
    let mut broken = BTreeMap::new();
    let declared = raw.knopen.iter().map(|n| n.id.clone()).collect();
    for raw_node in raw.knopen {
        let line = line_of_id(text, &raw_node.id);
        let id = raw_node.id.clone();
        let targets: Vec<String> = raw_node
            .volgende
            .iter()
            .cloned()
            .chain(raw_node.opties.iter().flatten().map(|o| o.naar.clone()))
            .collect();
        match convert_node(file, line, raw_node) {
            Ok(node) => nodes.push(node),
            Err(mut f) => {
                findings.append(&mut f);
                broken.entry(id).or_insert(targets);
            }
        }
    }
    let flow = Flow {
        id: id.to_string(),
        file: file.to_string(),
        naam: raw.naam,
        versie: raw.versie,
        bron: raw.bron,
        datum: raw.datum,
        omschrijving: raw.omschrijving,
        start: raw.start,
        rollen: raw.rollen,
        voetnoten: raw.voetnoten,
        nodes,
        declared,
        broken,
    };
    (flow, findings)
}

fn convert_node(file: &str, line: Option<usize>, raw: RawNode) -> Result<Node, Vec<Finding>> {
    let id = raw.id.clone();
    let kind = raw.soort;
    let mut findings = Vec::new();
    let mut missing = |field: &str, what: &str| {
        findings.push(Finding::error(
            file,
            line,
            Some(&id),
            format!(
                "een knoop van soort '{}' heeft '{field}' nodig, maar die ontbreekt",
                kind.dutch()
            ),
            format!("voeg '{field}:' toe met {what}"),
        ));
    };
    // Which fields each kind uses; the rest must be absent, so that a misplaced key is noticed.
    let present: [(&str, bool); 10] = [
        ("criteria", raw.criteria.is_some()),
        ("voorstel", raw.voorstel.is_some()),
        ("pauzeerbaar", raw.pauzeerbaar),
        ("acties", raw.acties.is_some()),
        ("vraag", raw.vraag.is_some()),
        ("opties", raw.opties.is_some()),
        ("categorie", raw.categorie.is_some()),
        ("flow", raw.flow.is_some()),
        ("uitkomst", raw.uitkomst.is_some()),
        ("volgende", raw.volgende.is_some()),
    ];
    let allowed: &[&str] = match kind {
        Kind::Info => &["volgende"],
        Kind::Actie => &["acties", "volgende", "pauzeerbaar"],
        Kind::Beslissing => &["vraag", "opties", "pauzeerbaar", "voorstel"],
        Kind::Criteria => &["vraag", "criteria", "volgende", "pauzeerbaar"],
        Kind::Wachten => &["vraag", "opties", "pauzeerbaar"],
        Kind::Verwijzing => &["categorie", "vraag", "volgende", "pauzeerbaar"],
        Kind::Subflow => &["flow", "volgende"],
        Kind::Einde => &["uitkomst"],
    };
    let mut misplaced = Vec::new();
    for (field, is_there) in present {
        if is_there && !allowed.contains(&field) {
            misplaced.push(field);
        }
    }

    let no_way_out = |findings: &mut Vec<Finding>| {
        findings.push(Finding::error(
            file,
            line,
            Some(&id),
            format!("deze knoop (soort '{}') heeft geen uitweg: 'volgende' ontbreekt", kind.dutch()),
            "geef met 'volgende: <id>' aan waar het pad verdergaat, of maak er een knoop van soort 'einde' van".to_string(),
        ));
    };

    let body = match kind {
        Kind::Info => match raw.volgende {
            Some(next) => Some(Body::Info { next }),
            None => {
                no_way_out(&mut findings);
                None
            }
        },
        Kind::Actie => {
            let items = raw.acties.unwrap_or_default();
            if items.is_empty() {
                missing("acties", "een lijst van acties (id en tekst)");
            }
            let next = raw.volgende;
            if next.is_none() {
                no_way_out(&mut findings);
            }
            match next {
                Some(next) if !items.is_empty() => Some(Body::Action {
                    items: items
                        .into_iter()
                        .map(|a| Action {
                            id: a.id,
                            tekst: a.tekst,
                            rol: a.rol,
                        })
                        .collect(),
                    next,
                }),
                _ => None,
            }
        }
        Kind::Beslissing | Kind::Wachten => {
            let question = raw.vraag;
            if question.is_none() {
                missing("vraag", "de vraag die de gebruiker beantwoordt");
            }
            let options: Vec<Choice> = raw
                .opties
                .unwrap_or_default()
                .into_iter()
                .map(|o| Choice {
                    id: o.id,
                    label: o.label,
                    target: o.naar,
                    toelichting: o.toelichting,
                    letop: o.letop,
                })
                .collect();
            let minimum = if kind == Kind::Beslissing { 2 } else { 1 };
            if options.is_empty() {
                findings.push(Finding::error(
                    file,
                    line,
                    Some(&id),
                    format!(
                        "deze knoop (soort '{}') heeft geen opties en dus geen uitweg",
                        kind.dutch()
                    ),
                    "voeg 'opties:' toe, elk met id, label en naar".to_string(),
                ));
            } else if options.len() < minimum {
                findings.push(Finding::error(
                    file,
                    line,
                    Some(&id),
                    format!("een beslissing heeft minstens twee opties nodig, deze heeft er {}", options.len()),
                    "voeg een tweede optie toe, of maak er een knoop van soort 'actie' of 'info' met 'volgende' van".to_string(),
                ));
            }
            let proposal = raw
                .voorstel
                .map(|p| proposal(file, line, &id, p, &options, &mut findings));
            match question {
                Some(question) if options.len() >= minimum => Some(if kind == Kind::Beslissing {
                    Body::Decision {
                        question,
                        options,
                        proposal: proposal.flatten(),
                    }
                } else {
                    Body::Wait { question, options }
                }),
                _ => None,
            }
        }
        Kind::Criteria => {
            let items = raw.criteria.unwrap_or_default();
            if items.is_empty() {
                missing("criteria", "een lijst van criteria (id en tekst)");
            }
            if raw.volgende.is_none() {
                no_way_out(&mut findings);
            }
            match raw.volgende {
                Some(next) if !items.is_empty() => Some(Body::Criteria {
                    question: raw
                        .vraag
                        .unwrap_or_else(|| "Welke van deze criteria gelden?".to_string()),
                    items: items
                        .into_iter()
                        .map(|a| Action {
                            id: a.id,
                            tekst: a.tekst,
                            rol: a.rol,
                        })
                        .collect(),
                    next,
                }),
                _ => None,
            }
        }
        Kind::Verwijzing => {
            if raw.categorie.is_none() {
                missing(
                    "categorie",
                    "de categorie van de Sociale Kaart, bijvoorbeeld 'kwetsbare-zwangeren'",
                );
            }
            if raw.volgende.is_none() {
                no_way_out(&mut findings);
            }
            match (raw.categorie, raw.volgende) {
                (Some(category), Some(next)) => {
                    let question = raw.vraag.unwrap_or_else(|| {
                        "Naar welke hulpverlener of organisatie verwijst u?".to_string()
                    });
                    Some(Body::Referral {
                        category,
                        question,
                        next,
                    })
                }
                _ => None,
            }
        }
        Kind::Subflow => {
            if raw.flow.is_none() {
                missing("flow", "de naam van de sub-flow (de bestandsnaam zonder .yaml), bijvoorbeeld 'meldcode'");
            }
            if raw.volgende.is_none() {
                no_way_out(&mut findings);
            }
            match (raw.flow, raw.volgende) {
                (Some(flow), Some(next)) => Some(Body::Subflow { flow, next }),
                _ => None,
            }
        }
        Kind::Einde => match raw.uitkomst {
            Some(outcome) => Some(Body::End { outcome }),
            None => {
                missing("uitkomst", "de uitkomst van dit einde, in een zin");
                None
            }
        },
    };
    for field in misplaced {
        findings.push(Finding::error(
            file,
            line,
            Some(&id),
            format!(
                "het veld '{field}' hoort niet bij een knoop van soort '{}'",
                kind.dutch()
            ),
            format!(
                "haal '{field}' weg, of kies de soort die erbij past (velden van '{}': {})",
                kind.dutch(),
                allowed.join(", ")
            ),
        ));
    }
    match body {
        Some(body) if findings.is_empty() => Ok(Node {
            id: raw.id,
            stap: raw.stap,
            rol: raw.rol,
            titel: raw.titel,
            uitleg: raw.uitleg,
            blauwdruk: raw.blauwdruk,
            voetnoten: raw.voetnoten,
            tekst: raw.tekst,
            pauzeerbaar: raw.pauzeerbaar || kind == Kind::Wachten,
            letop: raw.letop,
            line,
            body,
        }),
        _ => Err(findings),
    }
}

/// The line on which node `id` starts, so that findings can point at the node.
/// serde_yaml keeps no positions for values that parsed fine, so this looks at the text.
pub fn line_of_id(text: &str, id: &str) -> Option<usize> {
    line_of_id_nth(text, id, 0)
}

/// The first line of the form `key: value` (optionally behind a list dash, optionally quoted).
pub fn line_of(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .position(|line| is_entry(line, key, value))
        .map(|i| i + 1)
}

/// The line of the `n`-th (0-based) node with this id, for reporting a duplicate where it
/// stands. Only `id:` lines in the column of the node fields count, so that an option or an
/// action with the same id (deeper in the file) is not taken for the node.
pub fn line_of_id_nth(text: &str, id: &str, n: usize) -> Option<usize> {
    let column = text
        .lines()
        .skip_while(|l| !l.starts_with("knopen:"))
        .skip(1)
        .find(|l| l.trim_start().starts_with("- "))
        .map(key_column);
    text.lines()
        .enumerate()
        .filter(|(_, line)| column.is_none_or(|c| key_column(line) == c))
        .filter(|(_, line)| is_entry(line, "id", id))
        .nth(n)
        .map(|(i, _)| i + 1)
}

/// Where the key of a (list) entry begins: 4 for both `  - id: A` and `    soort: info`.
fn key_column(line: &str) -> usize {
    line.len()
        - line
            .trim_start()
            .trim_start_matches("- ")
            .trim_start()
            .len()
}

fn is_entry(line: &str, key: &str, value: &str) -> bool {
    let l = line.trim_start().trim_start_matches("- ").trim_start();
    l.strip_prefix(key)
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .map(|v| {
            let v = v.split(" #").next().unwrap_or("").trim();
            v.trim_matches(|c| c == '"' || c == '\'') == value
        })
        .unwrap_or(false)
}

/// Check and convert a proposal. Options named by `dan`/`anders` must exist here; whether the
/// conditions refer to earlier questions is checked by the validator, which sees the graph.
fn proposal(
    file: &str,
    line: Option<usize>,
    id: &str,
    raw: RawProposal,
    options: &[Choice],
    findings: &mut Vec<Finding>,
) -> Option<Proposal> {
    let before = findings.len();
    let known = |o: &str| options.iter().any(|c| c.id == o);
    let ids = || {
        options
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rules = Vec::new();
    for rule in raw.regels {
        if !known(&rule.dan) {
            findings.push(Finding::error(
                file,
                line,
                Some(id),
                format!(
                    "de regel 'dan: {}' noemt geen optie van deze beslissing",
                    rule.dan
                ),
                format!("gebruik een van de opties: {}", ids()),
            ));
        }
        let (any, list) = match (rule.een_van, rule.alle) {
            (Some(list), None) => (true, list),
            (None, Some(list)) => (false, list),
            _ => {
                findings.push(Finding::error(
                    file,
                    line,
                    Some(id),
                    format!("de regel voor '{}' moet precies één van 'een-van:' of 'alle:' hebben", rule.dan),
                    "schrijf 'een-van: [KNOOP = ID, ...]' (één voorwaarde is genoeg) of 'alle: [...]' (alle voorwaarden)".to_string(),
                ));
                continue;
            }
        };
        let mut conditions = Vec::new();
        for text in list {
            match text.split_once('=') {
                Some((node, value)) if !node.trim().is_empty() && !value.trim().is_empty() => {
                    conditions.push(Condition {
                        node: node.trim().to_string(),
                        value: value.trim().to_string(),
                    })
                }
                _ => findings.push(Finding::error(
                    file,
                    line,
                    Some(id),
                    format!("de voorwaarde '{text}' heeft niet de vorm 'KNOOP = ID'"),
                    "schrijf bijvoorbeeld 'B2-toestemming = nee' (de gekozen optie) of 'D2-criteria = gevaar' (een aangevinkt criterium)".to_string(),
                )),
            }
        }
        if conditions.is_empty() {
            findings.push(Finding::error(
                file,
                line,
                Some(id),
                format!("de regel voor '{}' heeft geen voorwaarden", rule.dan),
                "geef minstens één voorwaarde 'KNOOP = ID'".to_string(),
            ));
        }
        rules.push(Rule {
            then: rule.dan,
            binding: rule.dwingend,
            any,
            conditions,
        });
    }
    if !known(&raw.anders) {
        findings.push(Finding::error(
            file,
            line,
            Some(id),
            format!(
                "'anders: {}' noemt geen optie van deze beslissing",
                raw.anders
            ),
            format!("gebruik een van de opties: {}", ids()),
        ));
    }
    (findings.len() == before).then_some(Proposal {
        rules,
        otherwise: raw.anders,
    })
}
