//! The spreadsheet template (`zorgpad kaart sjabloon`): a sheet `uitleg` that says what every
//! column means and how to import, the sheet `kaart` for the map's own fields, and a sheet per
//! known category with only the header row.
//!
//! Why this exists: a coordinator who never saw the repository still needs the template, and a
//! template with a filled-in example row ends up as a real entry in a real map. So the program
//! writes it, without a single provider: the instructions are on their own sheet, which the
//! importer skips. `sociale-kaart/sjabloon.xlsx` is this workbook, written by this command.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, Workbook, Worksheet,
    XlsxError,
};

use super::{CATEGORIES, META_FIELDS, PROVIDER_FIELDS};

/// The columns of a category sheet: every provider field except `categorieen` (the sheet's
/// name is the category).
pub fn columns() -> Vec<&'static str> {
    PROVIDER_FIELDS
        .iter()
        .copied()
        .filter(|f| *f != "categorieen")
        .collect()
}

/// What each column means, for the sheet `uitleg`.
const COLUMN_HELP: &[(&str, &str)] = &[
    ("id", "verplicht: kort en uniek, zonder spaties, bijvoorbeeld wijkteam-havendorp"),
    ("naam", "verplicht: de naam van de organisatie of hulpverlener"),
    ("gemeenten", "de gemeenten waar de aanbieder werkt, met komma's gescheiden; leeg = de hele regio"),
    ("domein", "formeel (beroepskrachten, organisaties) of informeel (vrijwilligers, lotgenoten)"),
    ("niveau", "1 (lichte zorg) tot en met 5 (zware zorg); bepaalt de volgorde van licht naar zwaar"),
    ("telefoon", "als tekst, met streepje, bijvoorbeeld 010-1234567 (minstens één van telefoon, email of website)"),
    ("email", "een e-mailadres als naam@organisatie.nl"),
    ("website", "het volledige adres, met https://"),
    ("adres", "het bezoekadres"),
    ("aanmelden", "hoe een verwijzer de cliënt aanmeldt, bijvoorbeeld 'bellen met toestemming van de cliënt'"),
    ("toelichting", "wat de aanbieder biedt"),
    ("gecontroleerd", "de dag waarop de gegevens met de aanbieder zijn nagekeken: dd-mm-jjjj of jjjj-mm-dd"),
    ("beheerder", "wie deze regel bijhoudt (een naam of functie in het VSV); 'zorgpad kaart controleer' geeft ieder een eigen lijst"),
];

/// What each field of the sheet `kaart` means.
const META_HELP: &[(&str, &str)] = &[
    (
        "naam",
        "verplicht: de naam van de kaart, bijvoorbeeld Sociale Kaart VSV Havenstad",
    ),
    ("vsv", "voor welk VSV"),
    ("regio", "de regio"),
    (
        "versie",
        "verplicht: bijvoorbeeld 2026.1; hoog op bij elke wijziging",
    ),
    ("bijgewerkt", "de datum van deze versie, als jjjj-mm-dd"),
    (
        "gemeenten",
        "de gemeenten van het VSV, met komma's gescheiden",
    ),
];

/// The template as the bytes of an .xlsx file.
pub fn workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date: the same template every time it is written.
    let date = ExcelDateTime::from_ymd(2026, 11, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Sjabloon Sociale Kaart voor zorgpad")
            .set_author("zorgpad")
            .set_creation_datetime(&date),
    );
    instructions(book.add_worksheet())?;
    meta_sheet(book.add_worksheet())?;
    for (category, _) in CATEGORIES {
        category_sheet(book.add_worksheet(), category)?;
    }
    book.save_to_buffer()
}

/// The sheet `uitleg`: how to fill in and import, every column, every category.
fn instructions(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.set_name("uitleg")?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 100)?;
    let mut row = 0u32;
    let mut line = |sheet: &mut Worksheet, a: &str, b: &str, strong: bool| {
        let r = row;
        row += 1;
        if strong {
            sheet.write_string_with_format(r, 0, a, &bold)?;
        } else if !a.is_empty() {
            sheet.write_string(r, 0, a)?;
        }
        if !b.is_empty() {
            sheet.write_string(r, 1, b)?;
        }
        Ok::<(), XlsxError>(())
    };
    line(sheet, "Sjabloon Sociale Kaart voor zorgpad", "", true)?;
    line(sheet, "", "", false)?;
    for text in [
        "Zet per categorie de aanbieders op het blad met die naam: één rij per aanbieder, onder de kopregel. Verander de namen in de kopregel niet.",
        "Een eigen categorie van uw VSV is een extra blad met dezelfde kopregel; de naam van het blad is de categorie.",
        "Dezelfde aanbieder op meer bladen: gebruik dezelfde id; zorgpad maakt er één aanbieder met al die categorieën van.",
        "Het blad 'kaart' bevat de naam, de versie en de gemeenten van de kaart. Dit blad (uitleg) wordt bij het importeren overgeslagen.",
        "Er staan bewust geen aanbieders in dit sjabloon: vul alleen echte, nagekeken gegevens in.",
    ] {
        line(sheet, "", text, false)?;
    }
    line(sheet, "", "", false)?;
    line(sheet, "Kolommen", "", true)?;
    for (column, help) in COLUMN_HELP {
        line(sheet, column, help, false)?;
    }
    line(sheet, "", "", false)?;
    line(sheet, "Categorieën", "", true)?;
    for (category, description) in CATEGORIES {
        line(sheet, category, description, false)?;
    }
    line(sheet, "", "", false)?;
    line(sheet, "Importeren", "", true)?;
    for (step, text) in [
        ("1.", "Sla het bestand op als .xlsx (of .ods)."),
        ("2.", "Omzetten: zorgpad kaart importeer sjabloon.xlsx -o kaart.yaml"),
        ("3.", "Controleren: zorgpad kaart controleer --kaart kaart.yaml (fouten, gaten per categorie en gemeente, en wat niet recent is gecontroleerd, per beheerder)"),
        ("4.", "Gebruiken: zorgpad start --kaart kaart.yaml"),
    ] {
        line(sheet, step, text, false)?;
    }
    line(
        sheet,
        "",
        "Meer uitleg: sociale-kaart/README.md bij zorgpad.",
        false,
    )?;
    Ok(())
}

/// The sheet `kaart`: one row per field of the map, the values empty.
fn meta_sheet(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    sheet.set_name("kaart")?;
    sheet.set_column_width(0, 14)?;
    sheet.set_column_width(1, 45)?;
    sheet.set_column_width(2, 70)?;
    sheet.set_column_format(1, &text)?;
    for (c, h) in ["veld", "waarde", "uitleg"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, field) in META_FIELDS.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *field)?;
        let help = META_HELP
            .iter()
            .find(|(f, _)| f == field)
            .map_or("", |(_, h)| h);
        sheet.write_string(r, 2, help)?;
    }
    Ok(())
}

/// A category sheet: the header row, text columns where Excel would spoil the value (a phone
/// number loses its 0, a date becomes a number), and lists for domain and level.
fn category_sheet(sheet: &mut Worksheet, category: &str) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let wrap = Format::new().set_text_wrap();
    sheet.set_name(category)?;
    let domein = DataValidation::new()
        .allow_list_strings(&["formeel", "informeel"])?
        .set_error_message("Kies formeel of informeel.")?;
    let niveau = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1, 5))
        .set_error_message("Een heel getal van 1 (licht) tot en met 5 (zwaar).")?;
    for (c, name) in columns().into_iter().enumerate() {
        let c = c as u16;
        let width = match name {
            "id" | "gemeenten" | "email" | "website" | "adres" => 28.0,
            "naam" | "beheerder" => 32.0,
            "aanmelden" | "toelichting" => 45.0,
            "telefoon" | "gecontroleerd" => 16.0,
            _ => 10.0,
        };
        sheet.set_column_width(c, width)?;
        sheet.write_string_with_format(0, c, name, &bold)?;
        match name {
            "telefoon" | "gecontroleerd" => {
                sheet.set_column_format(c, &text)?;
            }
            "aanmelden" | "toelichting" => {
                sheet.set_column_format(c, &wrap)?;
            }
            "domein" => {
                sheet.add_data_validation(1, c, 999, c, &domein)?;
            }
            "niveau" => {
                sheet.add_data_validation(1, c, 999, c, &niveau)?;
            }
            _ => {}
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
