//! `zorgpad kaart importeer`: spreadsheets (.xlsx, .ods) and CSV files become the same map as
//! the YAML they were made from; every problem names sheet, row and column; the template in
//! sociale-kaart/ is what the generator below makes.
//!
//! The workbooks are written here with rust_xlsxwriter (.xlsx) and a minimal OpenDocument
//! writer (.ods), from a map, so that a round trip is YAML → spreadsheet → importeer → YAML.

use std::io::{Cursor, Write};

use crate::common::{Output, Test};
use calamine::{Data, Reader};
use rust_xlsxwriter::Workbook;
use zorgpad::kaart::{RawKaart, CATEGORIES};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kaart");
const VOORBEELD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sociale-kaart/voorbeeld.yaml"
));
const SJABLOON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sociale-kaart/sjabloon.xlsx");

/// The provider columns of a category sheet (the sheet name is the category).
const COLUMNS: [&str; 11] = [
    "id",
    "naam",
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

#[derive(Debug, Clone, PartialEq)]
enum C {
    S(String),
    N(f64),
    E,
}

fn s(text: &str) -> C {
    C::S(text.to_string())
}

fn opt(text: &Option<String>) -> C {
    text.as_deref().map_or(C::E, s)
}

type Sheet = (String, Vec<Vec<C>>);

// ---------------------------------------------------------------------------------------------
// Writers

fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    C::S(t) => {
                        sheet.write_string(r as u32, c as u16, t).unwrap();
                    }
                    C::N(n) => {
                        sheet.write_number(r as u32, c as u16, *n).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A minimal OpenDocument spreadsheet: mimetype (stored, first), manifest, content.
fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(r#"<table:table table:name="{}">"#, xml(name)));
        for row in rows {
            content.push_str("<table:table-row>");
            for cell in row {
                match cell {
                    C::S(t) => content.push_str(&format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        xml(t)
                    )),
                    C::N(n) => content.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    )),
                    C::E => content.push_str("<table:table-cell/>"),
                }
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A map as a workbook: the sheet `kaart`, then a sheet per category in order of first use,
/// each provider on the sheet of every category it has.
fn sheets_of(raw: &RawKaart) -> Vec<Sheet> {
    let m = &raw.kaart;
    let mut kaart = vec![vec![s("veld"), s("waarde")]];
    for (k, v) in [
        ("naam", &m.naam),
        ("vsv", &m.vsv),
        ("regio", &m.regio),
        ("versie", &m.versie),
        ("bijgewerkt", &m.bijgewerkt),
    ] {
        if let Some(v) = v {
            kaart.push(vec![s(k), s(v)]);
        }
    }
    if let Some(g) = &m.gemeenten {
        kaart.push(vec![s("gemeenten"), s(&g.join(", "))]);
    }
    let mut sheets: Vec<Sheet> = vec![("kaart".to_string(), kaart)];
    for p in &raw.aanbieders {
        for c in p.categorieen.iter().flatten() {
            if !sheets.iter().any(|(n, _)| n == c) {
                sheets.push((c.clone(), vec![COLUMNS.iter().map(|c| s(c)).collect()]));
            }
            let sheet = sheets.iter_mut().find(|(n, _)| n == c).unwrap();
            sheet.1.push(vec![
                opt(&p.id),
                opt(&p.naam),
                p.gemeenten
                    .as_ref()
                    .filter(|g| !g.is_empty())
                    .map_or(C::E, |g| s(&g.join(", "))),
                opt(&p.domein),
                p.niveau.map_or(C::E, |n| C::N(n as f64)),
                opt(&p.telefoon),
                opt(&p.email),
                opt(&p.website),
                opt(&p.adres),
                opt(&p.aanmelden),
                opt(&p.toelichting),
            ]);
        }
    }
    sheets
}

fn parse(text: &str) -> RawKaart {
    zorgpad::yaml::parse(text).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// Equal maps may differ in the order of providers and categories, and in `gemeenten: []`
/// against no gemeenten.
fn normal(mut k: RawKaart) -> RawKaart {
    for p in &mut k.aanbieders {
        if p.gemeenten.as_ref().is_some_and(Vec::is_empty) {
            p.gemeenten = None;
        }
        if let Some(c) = &mut p.categorieen {
            c.sort();
        }
    }
    k.aanbieders.sort_by(|a, b| a.id.cmp(&b.id));
    k
}

fn importeer(name: &str, bytes: &[u8], extra: &[&str]) -> Output {
    let mut t = Test::new()
        .file(name, bytes)
        .args("kaart importeer")
        .arg(name);
    for a in extra {
        t = t.arg(*a);
    }
    t.run()
}

fn no_english(out: &Output) {
    for text in [&out.stdout, &out.stderr] {
        for word in [
            "error", "Error", "expected", "invalid", "panicked", "Zip", "zip",
        ] {
            assert!(!text.contains(word), "English {word:?} in:\n{text}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn the_example_map_round_trips_through_xlsx_and_ods() {
    let original = parse(VOORBEELD);
    let sheets = sheets_of(&original);
    for (name, bytes) in [("kaart.xlsx", xlsx(&sheets)), ("kaart.ods", ods(&sheets))] {
        let out = importeer(name, &bytes, &[]).code(0).no_panic();
        no_english(&out);
        assert!(out.stderr.is_empty(), "{name}: {}", out.stderr);
        assert!(out
            .stdout
            .starts_with("# Sociale Kaart, gemaakt met 'zorgpad kaart importeer' uit"));
        assert_eq!(
            normal(parse(&out.stdout)),
            normal(original.clone()),
            "{name}"
        );
    }
}

#[test]
fn the_imported_map_is_written_and_passes_the_check() {
    let sheets = sheets_of(&parse(VOORBEELD));
    let out = importeer("kaart.xlsx", &xlsx(&sheets), &["-o", "kaart.yaml"])
        .code(0)
        .no_panic();
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .contains("Geschreven: kaart.yaml (19 aanbieders uit 10 bladen)"),
        "{}",
        out.stderr
    );
    let written = out.read("kaart.yaml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.dir.join("kaart.yaml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    Test::new()
        .file("kaart.yaml", &written)
        .args("kaart controleer --kaart kaart.yaml")
        .run()
        // In order, but imported from the example: its made-up data are flagged.
        .code(1)
        .stdout_has("In orde: kaart.yaml — Sociale Kaart VSV Voorbeeld")
        .stdout_has("aanbieder 'vt-voorbeeldregio' (Veilig Thuis Voorbeeldregio): lijkt voorbeeldgegevens te bevatten");
}

#[test]
fn the_small_xlsx_fixture_imports_to_its_yaml() {
    let yaml = parse(&std::fs::read_to_string(format!("{FIXTURES}/klein.yaml")).unwrap());
    let bytes = std::fs::read(format!("{FIXTURES}/klein.xlsx")).unwrap();
    let out = importeer("klein.xlsx", &bytes, &[]).code(0).no_panic();
    // The provider on two sheets (psychosociaal and cjg) is one provider.
    assert_eq!(
        out.stdout.matches("id: wijkteam-a").count(),
        1,
        "{}",
        out.stdout
    );
    // 'mijn-categorie' is not known: the import says nothing about it (controleer does).
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    assert_eq!(normal(parse(&out.stdout)), normal(yaml.clone()));
    // And the same through .ods.
    let out = importeer("klein.ods", &ods(&sheets_of(&yaml)), &[]).code(0);
    assert_eq!(normal(parse(&out.stdout)), normal(yaml));
}

#[test]
fn the_small_csv_fixture_imports_to_its_yaml() {
    let yaml = parse(&std::fs::read_to_string(format!("{FIXTURES}/klein.yaml")).unwrap());
    let bytes = std::fs::read(format!("{FIXTURES}/klein.csv")).unwrap();
    let meta = [
        "--naam",
        "Kleine kaart",
        "--vsv",
        "VSV Klein",
        "--regio",
        "Testregio",
        "--versie",
        "2026.2",
        "--bijgewerkt",
        "2026-10-15",
        "--gemeenten",
        "Aadorp, Beedorp",
    ];
    let out = importeer("klein.csv", &bytes, &meta).code(0).no_panic();
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let got = parse(&out.stdout);
    assert_eq!(normal(got.clone()), normal(yaml));
    // Categories of the rows of one id are united in the order of the rows.
    let wijkteam = got
        .aanbieders
        .iter()
        .find(|p| p.id.as_deref() == Some("wijkteam-a"))
        .unwrap();
    assert_eq!(
        wijkteam.categorieen.as_deref().unwrap(),
        ["psychosociaal", "cjg"]
    );

    // Comma-separated, with a BOM, as another spreadsheet program writes it.
    let comma = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| {
            let mut rdr = csv::ReaderBuilder::new()
                .delimiter(b';')
                .has_headers(false)
                .from_reader(l.as_bytes());
            let rec = rdr.records().next().unwrap().unwrap();
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(&rec).unwrap();
            String::from_utf8(w.into_inner().unwrap()).unwrap()
        })
        .collect::<String>();
    let out = importeer("komma.csv", format!("\u{feff}{comma}").as_bytes(), &meta).code(0);
    assert_eq!(normal(parse(&out.stdout)), normal(got));
}

#[test]
fn gemeenten_come_from_the_providers_when_not_given() {
    let bytes = std::fs::read(format!("{FIXTURES}/klein.csv")).unwrap();
    let out = importeer("klein.csv", &bytes, &["--naam", "K", "--versie", "1"])
        .code(0)
        .no_panic();
    assert!(
        out.stderr
            .contains("overgenomen uit de aanbieders: Aadorp, Beedorp"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("gemeenten: [Aadorp, Beedorp]"));
}

// ---------------------------------------------------------------------------------------------
// Errors, with sheet, row and column

#[test]
fn every_planted_cell_error_names_sheet_row_and_column() {
    let header = |cols: &[&str]| cols.iter().map(|c| s(c)).collect::<Vec<_>>();
    let sheets: Vec<Sheet> = vec![
        (
            "kaart".into(),
            vec![
                vec![s("naam"), s("Kapot")],
                vec![s("versie"), C::N(1.0)],
                vec![s("gemeenten"), s("Aadorp, Beedorp")],
                vec![s("regoi"), s("Ergens")],
            ],
        ),
        (
            "ggz".into(),
            vec![
                header(&[
                    "id",
                    "naam",
                    "gemeenten",
                    "niveau",
                    "telefoon",
                    "email",
                    "website",
                ]),
                vec![
                    s("ggz-a"),
                    s("GGZ A"),
                    s("Aadorp"),
                    C::N(3.0),
                    s("010-0000001"),
                ],
                vec![
                    s("getal"),
                    s("Nummer als getal"),
                    C::E,
                    C::N(2.0),
                    C::N(101234567.0),
                ],
                vec![
                    s("drie"),
                    s("Niveau drie"),
                    C::E,
                    s("drie"),
                    s("010-0000002"),
                ],
                vec![C::E, s("Zonder id"), C::E, C::N(2.0), s("010-0000003")],
                vec![
                    s("ceedorp"),
                    s("Ceedorp"),
                    s("Aadorp, Ceedorp"),
                    C::N(2.0),
                    s("010-0000004"),
                ],
                vec![s("mail"), s("Mail"), C::E, C::N(2.0), C::E, s("x@y")],
                vec![
                    s("web"),
                    s("Web"),
                    C::E,
                    C::N(2.0),
                    C::E,
                    C::E,
                    s("www.example.org"),
                ],
                vec![
                    s("ggz-a"),
                    s("GGZ A nog eens"),
                    C::E,
                    C::N(3.0),
                    s("010-0000001"),
                ],
            ],
        ),
        (
            "psychosociaal".into(),
            vec![
                header(&["id", "naam", "telefoon"]),
                vec![s("ggz-a"), s("Andere naam"), s("010-0000001")],
            ],
        ),
        (
            "Extra".into(),
            vec![
                header(&["id", "naam", "websit"]),
                vec![s("x"), s("X"), s("https://example.org")],
            ],
        ),
        (
            "verslavingszorg".into(),
            vec![
                header(&["naam", "telefoon"]),
                vec![s("Zonder id-kolom"), s("010-0000005")],
            ],
        ),
        (
            "jgz".into(),
            vec![
                header(&["id", "naam", "niveau"]),
                vec![s("stil"), s("Zonder contact"), C::N(1.0)],
            ],
        ),
    ];
    let expected = [
        "blad 'kaart', rij 4: onbekend veld 'regoi' in het blad 'kaart'",
        "blad 'ggz', rij 3, kolom E (telefoon): het telefoonnummer staat als getal in de cel (101234567)",
        "blad 'ggz', rij 4, kolom D (niveau): 'drie' is geen niveau",
        "blad 'ggz', rij 5: deze rij heeft geen id ('Zonder id')",
        "blad 'ggz', rij 6, kolom C (gemeenten): de gemeente 'Ceedorp' staat niet in de gemeenten van de kaart",
        "blad 'ggz', rij 7, kolom F (email): het e-mailadres 'x@y' klopt niet",
        "blad 'ggz', rij 8, kolom G (website): de website 'www.example.org' klopt niet",
        "blad 'ggz', rij 9: de id 'ggz-a' staat al op rij 2 van dit blad",
        "blad 'psychosociaal', rij 2, kolom B (naam): aanbieder 'ggz-a' heeft hier een andere waarde voor 'naam' ('Andere naam') dan op blad 'ggz', rij 2, kolom B (naam) ('GGZ A')",
        "blad 'Extra', rij 1, kolom C (kopregel): onbekende kolom 'websit'",
        "blad 'verslavingszorg', rij 1: de kolom 'id' ontbreekt in de kopregel",
        "blad 'jgz', rij 2: deze aanbieder heeft geen contactgegevens",
    ];
    for (name, bytes) in [("kapot.xlsx", xlsx(&sheets)), ("kapot.ods", ods(&sheets))] {
        let out = importeer(name, &bytes, &["-o", "kaart.yaml"])
            .code(2)
            .no_panic();
        no_english(&out);
        assert!(
            out.stderr.starts_with(&format!(
                "zorgpad: fout: '{name}' kan niet worden geïmporteerd: {} fouten",
                expected.len()
            )),
            "{}",
            out.stderr
        );
        for e in expected {
            assert!(
                out.stderr.contains(&format!("{name}: {e}")),
                "{name} lacks {e:?}:\n{}",
                out.stderr
            );
        }
        assert!(out.stderr.contains("bedoelt u 'website'?"));
        assert!(out.stderr.contains("bedoelt u 'regio'?"));
        assert!(out.stderr.contains("er is niets geschreven"));
        assert!(!out.dir.join("kaart.yaml").exists());
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn csv_errors_name_line_and_column() {
    let text = "\
id;naam;categorie;niveau;telefoon
a;A;ggz;2;010-0000001
b;B;;9;12345
;Zonder id;ggz;1;010-0000002
c;C;ggz;1;010-0000003;te veel
";
    let out = importeer("k.csv", text.as_bytes(), &["--naam", "K", "--versie", "1"])
        .code(2)
        .no_panic();
    no_english(&out);
    for e in [
        "k.csv: regel 3, kolom C (categorieen): deze aanbieder heeft geen categorie",
        "k.csv: regel 3, kolom D (niveau): 'niveau: 9' ligt niet tussen 1 en 5",
        "k.csv: regel 3, kolom E (telefoon): het telefoonnummer '12345' klopt niet",
        "k.csv: regel 4: deze rij heeft geen id ('Zonder id')",
        "k.csv: regel 5, kolom F (zonder kop): de cel 'te veel' staat in een kolom zonder naam",
    ] {
        assert!(out.stderr.contains(e), "lacks {e:?}:\n{}", out.stderr);
    }
    // A CSV file needs its map's name and version from the command line.
    let out = importeer(
        "k.csv",
        b"id;naam;categorie;email\na;A;ggz;a@example.org\n",
        &[],
    )
    .code(2)
    .no_panic();
    assert!(
        out.stderr.contains(
            "k.csv: de kaart heeft geen naam\n      oplossing: geef --naam bij het importeren"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("geef --versie bij het importeren"));
    // The column 'categorie' is required.
    let out = importeer(
        "k.csv",
        b"id;naam;email\na;A;a@example.org\n",
        &["--naam", "K", "--versie", "1"],
    )
    .code(2);
    assert!(
        out.stderr
            .contains("regel 1: de kolom 'categorie' ontbreekt in de kopregel"),
        "{}",
        out.stderr
    );
}

#[test]
fn unreadable_or_wrong_files_exit_2() {
    let out = importeer("kaart.xlsx", b"dit is geen spreadsheet", &[])
        .code(2)
        .no_panic();
    no_english(&out);
    assert!(
        out.stderr
            .contains("'kaart.xlsx' is geen leesbaar Excel (.xlsx)-bestand"),
        "{}",
        out.stderr
    );
    let out = importeer("kaart.ods", b"PK\x03\x04kapot", &[])
        .code(2)
        .no_panic();
    no_english(&out);
    assert!(
        out.stderr
            .contains("is geen leesbaar OpenDocument (.ods)-bestand"),
        "{}",
        out.stderr
    );
    Test::new()
        .args("kaart importeer kaart.txt")
        .run()
        .code(2)
        .stderr_has("de naam moet eindigen op .xlsx, .ods of .csv");
    Test::new()
        .args("kaart importeer ontbreekt.xlsx")
        .run()
        .code(2)
        .stderr_has("kan de spreadsheet 'ontbreekt.xlsx' niet lezen: het bestand bestaat niet");
    Test::new()
        .args("kaart importeer ontbreekt.csv")
        .run()
        .code(2)
        .stderr_has("het bestand bestaat niet");
    let sheets = sheets_of(&parse(VOORBEELD));
    importeer("kaart.xlsx", &xlsx(&sheets), &["-o", "kaart.xlsx"])
        .code(2)
        .stderr_has("de uitvoer 'kaart.xlsx' moet eindigen op .yaml");
    importeer("kaart.xlsx", &xlsx(&sheets), &["-o", "geen-map/kaart.yaml"])
        .code(2)
        .stderr_has("de map 'geen-map' voor de kaart bestaat niet");
    // A workbook with nothing but a 'kaart' sheet.
    let only_meta: Vec<Sheet> = vec![(
        "kaart".into(),
        vec![vec![s("naam"), s("K")], vec![s("versie"), s("1")]],
    )];
    importeer("leeg.xlsx", &xlsx(&only_meta), &[])
        .code(2)
        .stderr_has("er staan geen aanbieders in");
    let bad = importeer("x.csv", &[0xff, 0xfe, 0x00], &[])
        .code(2)
        .no_panic();
    no_english(&bad);
}

// ---------------------------------------------------------------------------------------------
// The template

/// The cells of every sheet, as text, for comparing workbooks.
fn cells(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// `zorgpad kaart sjabloon -o sjabloon.xlsx` in a fresh directory: the bytes.
fn sjabloon() -> Vec<u8> {
    let out = Test::new()
        .args("kaart sjabloon -o sjabloon.xlsx")
        .run()
        .code(0)
        .no_panic();
    assert!(
        out.stderr
            .contains("Sjabloon geschreven: sjabloon.xlsx (zonder aanbieders"),
        "{}",
        out.stderr
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.dir.join("sjabloon.xlsx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::read(out.dir.join("sjabloon.xlsx")).unwrap()
}

#[test]
fn the_shipped_template_is_what_the_command_writes() {
    let shipped = std::fs::read(SJABLOON).expect("sociale-kaart/sjabloon.xlsx");
    assert_eq!(
        cells(shipped),
        cells(sjabloon()),
        "sociale-kaart/sjabloon.xlsx is out of date: zorgpad kaart sjabloon -o sociale-kaart/sjabloon.xlsx --overschrijf"
    );
}

#[test]
fn the_template_has_instructions_a_sheet_per_category_and_no_provider() {
    let sheets = cells(sjabloon());
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[..2], ["uitleg", "kaart"]);
    let mut columns: Vec<String> = COLUMNS.map(str::to_string).to_vec();
    columns.extend(["gecontroleerd".to_string(), "beheerder".to_string()]);
    for (c, _) in CATEGORIES {
        assert!(names.contains(c), "{c} missing in {names:?}");
        let (_, rows) = sheets.iter().find(|(n, _)| n == c).unwrap();
        // Only the header row: no fictitious provider.
        assert_eq!(rows.len(), 1, "{c}: {rows:?}");
        assert_eq!(rows[0], columns);
    }
    // The map's own fields without values.
    let (_, kaart) = sheets.iter().find(|(n, _)| n == "kaart").unwrap();
    let fields: Vec<(&str, &str)> = kaart[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("naam", ""),
            ("vsv", ""),
            ("regio", ""),
            ("versie", ""),
            ("bijgewerkt", ""),
            ("gemeenten", "")
        ]
    );
    // The instructions, in Dutch: every column and every category is explained.
    let (_, uitleg) = sheets.iter().find(|(n, _)| n == "uitleg").unwrap();
    let text: Vec<String> = uitleg.iter().map(|r| r.join(" | ")).collect();
    for column in &columns {
        assert!(
            text.iter().any(|l| l.starts_with(&format!("{column} | "))),
            "{column} not explained:\n{}",
            text.join("\n")
        );
    }
    for (c, _) in CATEGORIES {
        assert!(
            text.iter().any(|l| l.starts_with(&format!("{c} | "))),
            "{c}"
        );
    }
    assert!(text
        .iter()
        .any(|l| l.contains("zorgpad kaart importeer sjabloon.xlsx -o kaart.yaml")));
    let all = text.join("\n");
    for example in ["example.org", "Voorbeeld", "vt-voorbeeldregio", "010-0000"] {
        assert!(
            !all.contains(example),
            "{example} in the instructions:\n{all}"
        );
    }
}

#[test]
fn the_fresh_template_imports_to_no_providers() {
    let out = importeer(
        "sjabloon.xlsx",
        &sjabloon(),
        &[
            "--naam",
            "Sociale Kaart VSV Haven",
            "--versie",
            "1",
            "-o",
            "kaart.yaml",
        ],
    )
    .code(2)
    .no_panic();
    assert!(
        out.stderr
            .contains("sjabloon.xlsx: er staan geen aanbieders in"),
        "{}",
        out.stderr
    );
    assert!(!out.dir.join("kaart.yaml").exists());
}

#[test]
fn the_template_is_not_overwritten_without_overschrijf() {
    let test = Test::new().file("sjabloon.xlsx", "ingevuld");
    let out = test
        .args("kaart sjabloon -o sjabloon.xlsx")
        .run()
        .code(2)
        .no_panic();
    assert!(
        out.stderr
            .contains("'sjabloon.xlsx' bestaat al; zorgpad overschrijft het niet"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--overschrijf"), "{}", out.stderr);
    assert_eq!(out.read("sjabloon.xlsx"), "ingevuld");
    Test::new()
        .file("sjabloon.xlsx", "ingevuld")
        .args("kaart sjabloon -o sjabloon.xlsx --overschrijf")
        .run()
        .code(0)
        .no_panic();
    Test::new()
        .args("kaart sjabloon -o sjabloon.ods")
        .run()
        .code(2)
        .no_panic()
        .stderr_has("moet eindigen op .xlsx");
    Test::new().args("kaart sjabloon").run().code(2).no_panic();
}

/// Writes tests/fixtures/kaart/klein.xlsx. Run after changing the generator:
/// cargo test --test integration -- --ignored kaart_import::klein_opnieuw_maken
/// (sociale-kaart/sjabloon.xlsx is written by zorgpad itself: zorgpad kaart sjabloon -o
/// sociale-kaart/sjabloon.xlsx --overschrijf)
#[test]
#[ignore]
fn klein_opnieuw_maken() {
    let klein = parse(&std::fs::read_to_string(format!("{FIXTURES}/klein.yaml")).unwrap());
    std::fs::write(format!("{FIXTURES}/klein.xlsx"), xlsx(&sheets_of(&klein))).unwrap();
}
