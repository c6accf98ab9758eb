//! Parsing the YAML text of a map, in parallel for a large one.
//!
//! Why this exists: a national map is megabytes of YAML, and the YAML reader parses on one core.
//! The entries of a block list are independent, so the text is cut at entry boundaries and the
//! pieces are parsed on several threads; the whole is parsed again only when a piece fails,
//! so that errors are always reported as for the whole file.

use crate::yaml;

use super::place::provider_list;
use super::{RawKaart, RawProvider};

/// Parse the map. A large map written as a block list is parsed in pieces, one per core: the
/// file without its providers, and the providers in equal runs of whole entries (each run is
/// a YAML list of its own). Entries of a block list are independent nodes, so the pieces mean
/// what the whole means; should any piece fail (an error, or an alias to an anchor in another
/// piece), the whole file is parsed again in one go, which gives the exact error and place.
pub(super) fn parse(text: &str) -> std::result::Result<RawKaart, yaml::YamlError> {
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
            .map(|piece| scope.spawn(move || yaml::parse::<Vec<RawProvider>>(piece).ok()))
            .collect();
        let mut raw: RawKaart = yaml::parse(&head).ok()?;
        for part in parts {
            raw.aanbieders.extend(part.join().ok()??);
        }
        Some(raw)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaart::load::EMBEDDED_TEXT;

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
}
