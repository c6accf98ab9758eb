//! `zorgpad kaart importeer` within bounds: a workbook that unpacks to hundreds of megabytes,
//! cells far apart, repeated rows in an .ods file, or a sheet full of mistakes is answered in
//! a moment with a Dutch message, in less than 200 MB of memory, listing at most 50 problems.
//! And a CSV file from Excel on Windows (CRLF) names the right line for each problem.
//!
//! The peak memory of the child is read from `/proc` while it runs (Linux); elsewhere only
//! the answers are checked. No test measures time: the speed targets live in `benches/`.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::process::{Command, Stdio};

use rust_xlsxwriter::Workbook;
use zip::write::SimpleFileOptions;

use crate::common::BIN;

/// The most memory an import may take.
const MAX_RSS_MB: u64 = 200;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// Peak resident memory of the child in MB, where it can be measured.
    peak_mb: Option<u64>,
}

/// Run `zorgpad kaart importeer NAME ARGS` on `bytes` in a fresh directory.
fn importeer(name: &str, bytes: &[u8], args: &[&str]) -> Run {
    // A child that ends before its memory could be read once is run again (it did little).
    for _ in 0..20 {
        let run = importeer_once(name, bytes, args);
        if !cfg!(target_os = "linux") || run.peak_mb.is_some() {
            return run;
        }
    }
    panic!("the memory of the child could not be read in 20 runs");
}

fn importeer_once(name: &str, bytes: &[u8], args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), bytes).expect("write");
    let out = |n: &str| fs::File::create(dir.path().join(n)).expect("create");
    let child = Command::new(BIN)
        .args(["kaart", "importeer", name])
        .args(args)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("ZORGPAD_DATA", dir.path().join("data"))
        .stdin(Stdio::null())
        .stdout(out("uit.txt"))
        .stderr(out("fout.txt"))
        .spawn()
        .expect("spawn zorgpad");
    let (code, peak_mb) = wait(child);
    let read = |n: &str| fs::read_to_string(dir.path().join(n)).expect("read");
    Run {
        code,
        stdout: read("uit.txt"),
        stderr: read("fout.txt"),
        peak_mb,
    }
}

/// The exit code and the peak resident memory of the child, read from `/proc/PID/status`
/// (`VmHWM`, the high-water mark of the child's own memory since its exec) every millisecond
/// until it exits. Not from `wait4`: on Linux a spawned child's `ru_maxrss` starts at the
/// high-water mark of the process that spawned it (the test binary, often over 200 MB), so it
/// would measure the tests, not the import.
#[cfg(target_os = "linux")]
fn wait(mut child: std::process::Child) -> (i32, Option<u64>) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb: Option<u64> = None;
    loop {
        if let Ok(text) = fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            if let Some(kb) = hwm {
                peak_kb = Some(peak_kb.map_or(kb, |p| p.max(kb)));
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (status.code().unwrap_or(-1), peak_kb.map(|kb| kb / 1024));
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[cfg(not(target_os = "linux"))]
fn wait(mut child: std::process::Child) -> (i32, Option<u64>) {
    (child.wait().expect("wait").code().unwrap_or(-1), None)
}

impl Run {
    /// Refused (exit 2) in Dutch, within the memory bound, with at most 50 problems and the
    /// line that counts the rest.
    fn refused_within_bounds(&self, file: &str) -> &Run {
        assert_eq!(self.code, 2, "{}", self.stderr);
        for english in ["error", "Error", "panicked", "zip", "Zip", "memory"] {
            assert!(!self.stderr.contains(english), "{english}: {}", self.stderr);
        }
        let problems = self
            .stderr
            .lines()
            .filter(|l| l.trim_start().starts_with(&format!("{file}: ")))
            .count();
        assert!(problems <= 51, "{problems} problem lines:\n{}", self.stderr);
        assert!(self.stdout.is_empty(), "{}", self.stdout);
        if let Some(mb) = self.peak_mb {
            assert!(mb < MAX_RSS_MB, "{mb} MB of memory");
        }
        self
    }

    fn says(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }
}

/// A small valid workbook: a sheet `ggz` with a header and one provider.
fn small_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("ggz").unwrap();
    for (c, text) in ["id", "naam", "telefoon"].into_iter().enumerate() {
        sheet.write_string(0, c as u16, text).unwrap();
    }
    for (c, text) in ["a", "A", "010-1234567"].into_iter().enumerate() {
        sheet.write_string(1, c as u16, text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// `small_xlsx` with its sheet replaced by one of `rows` rows of inline text, 50 bytes each:
/// 300 MB for 6 million rows, in a file of less than 1 MB. With `lie`, the archive states each
/// part's packed size as its unpacked size, as a crafted bomb can.
fn bomb(rows: usize, lie: bool) -> Vec<u8> {
    const PER_CHUNK: usize = 10_000;
    let head: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
    let chunk = r#"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#.repeat(PER_CHUNK);
    let tail: &[u8] = b"</sheetData></worksheet>";
    // Packing 300 MB takes a while without optimisation; a chunk packed on its own (no
    // references before it) can be repeated as it is, so it is packed once.
    let (packed_chunk, chunk) = (deflate(chunk.as_bytes()), chunk.as_bytes());
    let mut packed = deflate(head);
    let mut crc = crc32fast::Hasher::new();
    crc.update(head);
    let chunk_crc = {
        let mut h = crc32fast::Hasher::new();
        h.update(chunk);
        h
    };
    for _ in 0..rows / PER_CHUNK {
        packed.extend_from_slice(&packed_chunk);
        crc.combine(&chunk_crc);
    }
    packed.extend_from_slice(&deflate(tail));
    packed.extend_from_slice(&[0x03, 0x00]); // an empty last block
    crc.update(tail);
    let size = head.len() + rows / PER_CHUNK * chunk.len() + tail.len();
    let sheet = one_part_archive("xl/worksheets/sheet1.xml", &packed, crc.finalize(), size);

    let mut sheet = zip::ZipArchive::new(Cursor::new(sheet)).unwrap();
    let mut source = zip::ZipArchive::new(Cursor::new(small_xlsx())).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..source.len() {
        let part = source.by_index_raw(i).unwrap();
        if part.name() == "xl/worksheets/sheet1.xml" {
            out.raw_copy_file(sheet.by_index_raw(0).unwrap()).unwrap();
        } else {
            out.raw_copy_file(part).unwrap();
        }
    }
    let mut bytes = out.finish().unwrap().into_inner();
    if lie {
        state_packed_sizes(&mut bytes);
    }
    bytes
}

/// Raw deflate of `data` on its own, ending on a byte boundary without a last block.
fn deflate(data: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(data.len() / 64 + 1024);
    loop {
        out.reserve(64 * 1024);
        let done = c.total_in() as usize;
        c.compress_vec(&data[done..], &mut out, FlushCompress::Sync)
            .unwrap();
        if c.total_in() as usize == data.len() && out.len() < out.capacity() {
            return out;
        }
    }
}

/// An archive of one deflated part, written by hand (the zip crate packs only what it packs).
fn one_part_archive(name: &str, packed: &[u8], crc: u32, size: usize) -> Vec<u8> {
    let common = |b: &mut Vec<u8>| {
        for v in [20u16, 0, 8, 0, 0x21] {
            b.extend_from_slice(&v.to_le_bytes()); // version, flags, deflate, time, date
        }
        for v in [crc, packed.len() as u32, size as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&(name.len() as u16).to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes()); // no extra field
    };
    let mut b = 0x0403_4b50u32.to_le_bytes().to_vec();
    common(&mut b);
    b.extend_from_slice(name.as_bytes());
    b.extend_from_slice(packed);
    let directory = b.len() as u32;
    b.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    b.extend_from_slice(&20u16.to_le_bytes()); // made by
    common(&mut b);
    b.extend_from_slice(&[0; 14]); // comment, disk, attributes, offset 0
    b.extend_from_slice(name.as_bytes());
    let directory_size = b.len() as u32 - directory;
    b.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, 1, 1] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    for v in [directory_size, directory] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&0u16.to_le_bytes());
    b
}

/// Overwrite the unpacked size of every part (local header and central directory) with its
/// packed size.
fn state_packed_sizes(bytes: &mut [u8]) {
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
    for i in 0..bytes.len().saturating_sub(46) {
        let (packed, unpacked) = match u32_at(bytes, i) {
            0x0403_4b50 => (i + 18, i + 22),
            0x0201_4b50 => (i + 20, i + 24),
            _ => continue,
        };
        let size = u32_at(bytes, packed);
        bytes[unpacked..unpacked + 4].copy_from_slice(&size.to_le_bytes());
    }
}

#[test]
fn a_workbook_that_unpacks_to_300_mb_is_refused_in_little_memory() {
    // 6 million rows of 50 bytes: 300 MB unpacked, less than 1 MB packed.
    let bytes = bomb(6_000_000, false);
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    importeer("bom.xlsx", &bytes, &[])
        .refused_within_bounds("bom.xlsx")
        .says("'bom.xlsx' is te groot om te importeren: uitgepakt is het meer dan 32 MB")
        .says("Een Sociale Kaart van heel Nederland past hier ruim in");
}

#[test]
fn a_workbook_that_understates_its_unpacked_size_is_refused_too() {
    let bytes = bomb(2_000_000, true);
    importeer("bom.xlsx", &bytes, &[])
        .refused_within_bounds("bom.xlsx")
        .says("uitgepakt is het meer dan 32 MB");
}

#[test]
fn two_cells_far_apart_do_not_fill_the_sheet_between_them() {
    // calamine's range would be 1,048,576 × 16,384 cells; only the filled ones are kept.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("ggz").unwrap();
    for (c, text) in ["id", "naam", "telefoon"].into_iter().enumerate() {
        sheet.write_string(0, c as u16, text).unwrap();
    }
    sheet.write_string(1_048_575, 16_383, "ver weg").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    importeer("ver.xlsx", &bytes, &[])
        .refused_within_bounds("ver.xlsx")
        .says("ver.xlsx: blad 'ggz', rij 1048576, kolom XFD (zonder kop): de cel 'ver weg' staat in een kolom zonder naam");
}

/// An .ods file whose one row (a filled cell, 100 times) is repeated 500,000 times: 50 million
/// cells, under calamine's own limit of 100 million, and gigabytes when read.
fn repeated_ods() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="ggz"><table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="500000"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    // calamine reads no .ods without a manifest.
    out.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    out.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

#[test]
fn repeated_rows_in_an_ods_file_are_counted_before_they_are_read() {
    importeer("herhaald.ods", &repeated_ods(), &[])
        .refused_within_bounds("herhaald.ods")
        .says("'herhaald.ods' is te groot om te importeren: het zijn meer dan 600.000 cellen");
}

#[test]
fn a_csv_file_of_a_million_empty_fields_is_refused() {
    let text = format!("id;naam;categorie\n{}\n", ";".repeat(1_000_000));
    importeer(
        "leeg.csv",
        text.as_bytes(),
        &["--naam", "K", "--versie", "1"],
    )
    .refused_within_bounds("leeg.csv")
    .says("het zijn meer dan 600.000 cellen");
}

#[test]
fn a_csv_file_of_more_rows_than_four_national_maps_is_refused() {
    // Each row would be a provider: 50,000 is almost four times the whole country.
    let mut text = String::from("id;naam;categorie\n");
    for i in 0..50_001 {
        text.push_str(&format!("{i}\n"));
    }
    importeer(
        "rijen.csv",
        text.as_bytes(),
        &["--naam", "K", "--versie", "1"],
    )
    .refused_within_bounds("rijen.csv")
    .says("'rijen.csv' is te groot om te importeren: het zijn meer dan 50.000 rijen");
}

#[test]
fn many_problems_list_the_first_fifty_and_count_the_rest() {
    // 300 rows without an id, in reverse order of their names: the list is in sheet order.
    let mut text = String::from("id;naam;categorie;telefoon\n");
    for i in (0..300).rev() {
        text.push_str(&format!(";Zonder id {i};ggz;010-1234567\n"));
    }
    let run = importeer(
        "veel.csv",
        text.as_bytes(),
        &["--naam", "K", "--versie", "1"],
    );
    run.refused_within_bounds("veel.csv")
        .says("'veel.csv' kan niet worden geïmporteerd: 300 fouten")
        .says("veel.csv: regel 2: deze rij heeft geen id ('Zonder id 299')")
        .says("veel.csv: regel 51: deze rij heeft geen id ('Zonder id 250')")
        .says("… en nog 250 meldingen");
    assert!(!run.stderr.contains("regel 52:"), "{}", run.stderr);
}

#[test]
fn a_csv_file_with_windows_line_ends_names_the_right_lines() {
    // As Excel on Windows saves it: CRLF, an empty line, and a note over two lines.
    let text = "id;naam;categorie;niveau;toelichting\r\n\
                a;A;ggz;2;\"een toelichting\r\nover twee regels\"\r\n\
                \r\n\
                b;B;ggz;9;\r\n\
                ;Zonder id;ggz;1;\r\n";
    let run = importeer(
        "windows.csv",
        text.as_bytes(),
        &["--naam", "K", "--versie", "1"],
    );
    run.refused_within_bounds("windows.csv")
        .says("windows.csv: regel 5, kolom D (niveau): 'niveau: 9' ligt niet tussen 1 en 5")
        .says("windows.csv: regel 6: deze rij heeft geen id ('Zonder id')");
}

/// The bomb is what it claims: an archive whose sheet unpacks, with the right checksum, to
/// the rows it was made of.
#[test]
fn the_bomb_unpacks_to_what_it_says() {
    let bytes = bomb(100_000, false);
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut sheet = archive.by_name("xl/worksheets/sheet1.xml").unwrap();
    let mut text = String::new();
    sheet.read_to_string(&mut text).unwrap(); // checks the CRC at the end
    assert!(text.starts_with("<?xml") && text.ends_with("</sheetData></worksheet>"));
    assert_eq!(text.matches("<row>").count(), 100_000);
}
