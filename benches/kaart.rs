//! The Sociale Kaart at national scale: 342 gemeenten and more than 13,000 providers.
//!
//! Targets (a 2-core machine): loading the YAML text, validating and checking completeness
//! well under 0.3 s; resolving one referral (`providers_for(category, gemeente)`) under 1 ms.
//!
//! Run: `cargo bench --bench kaart` (or `-- --quick` for a short run).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use zorgpad::flow::set::FlowSet;
use zorgpad::kaart::{self, Kaart, RawKaart, RawMeta, RawProvider, CATEGORIES};

const GEMEENTEN: usize = 342;
/// Providers per category per gemeente.
const PER_GEMEENTE: usize = 4;

/// A generated national map: for every gemeente and every known category four local
/// providers, plus three region-wide ones per category.
fn national() -> String {
    let gemeenten: Vec<String> = (1..=GEMEENTEN)
        .map(|i| format!("Gemeente {i:03}"))
        .collect();
    let mut aanbieders = Vec::new();
    let mut n = 0;
    let mut provider = |categorie: &str, gemeenten: Option<Vec<String>>, niveau: i64| {
        n += 1;
        RawProvider {
            id: Some(format!("aanbieder-{n:05}")),
            naam: Some(format!("Aanbieder {n:05} {categorie}")),
            categorieen: Some(vec![categorie.to_string()]),
            gemeenten,
            domein: Some(if n % 3 == 0 { "informeel" } else { "formeel" }.to_string()),
            niveau: Some(niveau),
            telefoon: Some(format!("010-{:07}", n)),
            email: Some(format!("aanbieder{n}@example.org")),
            website: Some(format!("https://example.org/aanbieder/{n}")),
            adres: Some(format!("Voorbeeldstraat {n}, Voorbeeldstad")),
            aanmelden: Some(
                "Bellen of mailen met toestemming van de cliënt; binnen een week een intake."
                    .to_string(),
            ),
            toelichting: Some(
                "Hulp en begeleiding rond zwangerschap en de eerste jaren met een kind."
                    .to_string(),
            ),
            gecontroleerd: None,
            beheerder: None,
        }
    };
    for (c, _) in CATEGORIES {
        for k in 0..3 {
            aanbieders.push(provider(c, None, 3 + k));
        }
    }
    for g in &gemeenten {
        for (c, _) in CATEGORIES {
            for k in 0..PER_GEMEENTE {
                aanbieders.push(provider(c, Some(vec![g.clone()]), 1 + (k as i64 % 5)));
            }
        }
    }
    RawKaart {
        kaart: RawMeta {
            naam: Some("Sociale Kaart Nederland (gegenereerd)".to_string()),
            vsv: None,
            regio: Some("Nederland".to_string()),
            versie: Some("1".to_string()),
            bijgewerkt: Some("2026-11-01".to_string()),
            gemeenten: Some(gemeenten),
        },
        aanbieders,
    }
    .to_yaml()
}

fn bench(c: &mut Criterion) {
    let text = national();
    let set = FlowSet::load(None).expect("embedded flow");
    let kaart = Kaart::from_text("landelijk.yaml", text.clone(), None).expect("map");
    assert!(
        kaart.all_providers().len() >= 13_000,
        "{}",
        kaart.all_providers().len()
    );
    let check = kaart::check(&kaart, &set);
    assert!(check.is_ok(), "{:?}", check.findings.first());
    assert_eq!(check.warnings(), 0);
    eprintln!(
        "landelijke kaart: {} gemeenten, {} aanbieders, {:.1} MB YAML",
        kaart.gemeenten.len(),
        kaart.all_providers().len(),
        text.len() as f64 / 1e6
    );

    let mut group = c.benchmark_group("kaart");
    group.sample_size(10);
    group.bench_function("laden, valideren en volledigheid (landelijk)", |b| {
        b.iter(|| {
            let kaart = Kaart::from_text("landelijk.yaml", black_box(text.clone()), None).unwrap();
            let check = kaart::check(&kaart, &set);
            black_box((kaart.all_providers().len(), check.gaps.len()))
        })
    });
    group.finish();

    c.bench_function("één verwijzing: providers(categorie, gemeente)", |b| {
        b.iter(|| {
            black_box(
                kaart.providers_for(black_box("psychosociaal"), black_box(Some("Gemeente 171"))),
            )
            .len()
        })
    });
    c.bench_function("één aanbieder op id", |b| {
        b.iter(|| black_box(kaart.provider(black_box("aanbieder-07000"))).is_some())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
