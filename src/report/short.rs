//! The short text for the electronic health record (`--formaat tekst`): the summary's facts in
//! plain lines that can be pasted as they are into a free-text field — no tables, no markup, at
//! most [`WIDTH`](crate::report::write::lines::WIDTH) columns, never a word (a link, an e-mail address) broken. It names what a
//! colleague opening the record must know: the reference, the date, the flow and the map, the
//! outcome or what the session waits for, "Let op", the referrals with whom to call and how to
//! refer, the open actions per role, the open follow-ups, who filled it in, and the route as the
//! blueprint's labels. Internal node ids stay out: the record is read by people.
//!
//! A writer of its own, fed by the [`Summary`] rather than by the summary's document: the
//! document is the full account, this is a digest of it.

use jiff::tz::TimeZone;

use crate::report::summary::{
    OpenAction, Referral, RouteRow, Summary, Who, FOLLOW_UP_OPEN, FOLLOW_UP_TODO, NEXT_STEP,
    REFERRED, STILL_OPEN,
};

/// The short text of a summary; dates in `zone`.
pub(crate) fn text(s: &Summary, zone: &TimeZone) -> String {
    let mut out = crate::report::write::lines::Lines::default();
    let date = |at: jiff::Timestamp| at.to_zoned(zone.clone()).strftime("%d-%m-%Y").to_string();
    let day = |d: jiff::civil::Date| d.strftime("%d-%m-%Y").to_string();

    let mut head = vec!["zorgpad psychosociaal".to_string()];
    if let Some(k) = s.sessie.as_ref().and_then(|i| i.kenmerk.as_ref()) {
        head.push(format!("kenmerk {k}"));
    }
    match (s.gestart, s.bijgewerkt) {
        (Some(from), Some(to)) if date(from) != date(to) => {
            head.push(format!("{} t/m {}", date(from), date(to)));
        }
        (Some(at), _) | (None, Some(at)) => head.push(date(at)),
        (None, None) => {}
    }
    out.line(&head.join(" · "));
    let mut sources = format!("Flow: {} {}", s.flow.naam, s.flow.versie);
    if let Some(kaart) = s.sessie.as_ref().and_then(|i| i.kaart.as_ref()) {
        sources.push_str(&format!("; Sociale Kaart: {} {}", kaart.naam, kaart.versie));
        if kaart.bron.is_some() {
            sources.push_str(" (voorbeeld, verzonnen aanbieders)");
        }
    }
    out.line(&sources);

    // Where it stands.
    let open: Vec<_> = s.opvolgingen.iter().filter(|f| f.open).collect();
    if s.afgerond {
        out.line(&format!(
            "Uitkomst: {}",
            s.uitkomst.as_deref().unwrap_or("—")
        ));
    } else if let Some(w) = s.sessie.as_ref().and_then(|i| i.wacht_op.as_ref()) {
        let mut l = format!("Wacht op: {} (sinds {}", w.vraag, date(w.sinds));
        if let Some(d) = w.verwacht {
            l.push_str(&format!(", verwacht {}", day(d)));
        }
        l.push(')');
        out.line(&l);
    } else {
        out.line(&format!(
            "Nog niet afgerond; volgende vraag: {}",
            s.huidige_vraag.as_deref().unwrap_or("—")
        ));
    }
    for f in &open {
        let mut l = format!("Opvolging open: {}", f.vraag);
        if let Some(d) = f.verwacht {
            l.push_str(&format!("; verwacht {}", day(d)));
        }
        if let Some(who) = &f.door {
            l.push_str(&format!(" (uitgesteld door {who})"));
        }
        out.line(&l);
    }

    // What says the same as the lines above (the wait, the open follow-ups) is left out below.
    let said = |line: &str| line.starts_with(STILL_OPEN) || line.starts_with(FOLLOW_UP_OPEN);
    let let_op: Vec<&str> = s
        .let_op
        .iter()
        .filter(|l| !said(l))
        .map(|l| without_whence(l))
        .collect();
    if !let_op.is_empty() {
        out.line(&format!("Let op: {}", let_op.join(" · ")));
    }
    for v in &s.verwijzingen {
        out.line(&referral(v));
    }
    for (role, actions) in &s.open_acties {
        let actions: Vec<String> = actions
            .iter()
            .filter(|a| a.waar != NEXT_STEP && !a.tekst.starts_with(FOLLOW_UP_TODO))
            .map(short_where)
            .collect();
        if !actions.is_empty() {
            out.line(&format!("Open ({role}): {}", actions.join("; ")));
        }
    }
    let who = filled_in_by(s);
    if !who.is_empty() {
        out.line(&format!("Ingevuld door: {}", who.join("; ")));
    }
    out.line(&format!("Route: {}", route(s)));
    out.text
}

/// A "Let op" line without where it was raised and by whom (" (vanuit B2, Rol)"): the route
/// says where, the line what.
fn without_whence(line: &str) -> &str {
    match line.rfind(" (vanuit ") {
        Some(i) if line.ends_with(')') => &line[..i],
        _ => line,
    }
}

/// An open action with where it comes from in short: "(B6)" for a box of the blueprint,
/// "(Meldcode stap 1, vanuit B2)" for a step of a sub-flow called there.
fn short_where(action: &OpenAction) -> String {
    let short = match (action.waar.split_once(", vanuit "), &action.blauwdruk) {
        (Some((here, _)), Some(b)) => {
            format!("{}, vanuit {b}", here.split(':').next().unwrap_or(here))
        }
        (None, Some(b)) => b.clone(),
        (_, None) => action.waar.clone(),
    };
    if short.is_empty() {
        action.tekst.clone()
    } else {
        format!("{} ({short})", action.tekst)
    }
}

/// A referral on one line: to whom, with the phone number and how to refer.
fn referral(v: &Referral) -> String {
    let mut whom: Vec<String> = v
        .kaart
        .iter()
        .map(|c| {
            let mut p = c.naam.clone();
            if let Some(reach) = c.telefoon.as_ref().or(c.email.as_ref()) {
                p.push_str(&format!(" ({reach})"));
            }
            if let Some(how) = &c.aanmelden {
                p.push_str(&format!(": {}", how.trim().trim_end_matches('.')));
            }
            p
        })
        .collect();
    whom.extend(v.andere.iter().map(|a| format!("{a} (niet op de kaart)")));
    if v.geen_passend_aanbod {
        whom.push("GEEN PASSEND AANBOD".to_string());
    }
    let status = if v.status == REFERRED {
        "Verwezen".to_string()
    } else {
        format!("Verwijzing {}", v.status)
    };
    let mut l = format!("{status}: {}", whom.join(" · "));
    if let Some(n) = &v.notitie {
        l.push_str(&format!(" ({n})"));
    }
    l
}

/// Who answered, in the order they first did, with the day of their first answer.
fn filled_in_by(s: &Summary) -> Vec<String> {
    let rows = s
        .route
        .iter()
        .chain(s.opvolgingen.iter().flat_map(|f| f.stappen.iter()));
    let mut seen: Vec<&Who> = Vec::new();
    let mut out = Vec::new();
    for r in rows {
        if let Some(w) = &r.door {
            if !seen.contains(&w) {
                seen.push(w);
                out.push(w.to_string());
            }
        }
    }
    out
}

/// The main path as the blueprint's labels, a sub-flow run with its name, repeats of a label
/// in a row once; "…" when the path is not at an end.
fn route(s: &Summary) -> String {
    let mut labels: Vec<String> = Vec::new();
    let mut last: Option<&str> = None;
    let mut runs = s.subflows.iter();
    for r in s.route.iter().filter(|r| r.binnen.is_none()) {
        let Some(b) = r.blauwdruk.as_deref() else {
            continue;
        };
        let called = is_call(r).then(|| runs.next()).flatten();
        if last == Some(b) && called.is_none() {
            continue;
        }
        last = Some(b);
        labels.push(match called {
            Some(run) => format!("{b} ({})", run.naam),
            None => b.to_string(),
        });
    }
    if !s.afgerond {
        labels.push("…".to_string());
    }
    labels.join(" › ")
}

fn is_call(r: &RouteRow) -> bool {
    r.soort == "subflow"
}
