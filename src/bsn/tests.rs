//! The detector's rules, one case at a time: every way of writing a BSN seen in review, and
//! the numbers in notes that are not one.

use super::{find, is_bsn, redact};

/// Every way of writing a BSN that must be found (test numbers, not real persons).
pub(crate) const VARIANTS: [&str; 28] = [
    "111222333",
    "123456782",
    "111 222 333",
    "111.222.333",
    "111-222-333",
    "111/222/333",
    "111_222_333",
    "111\u{A0}222\u{A0}333",
    "111\u{202F}222\u{202F}333",
    "111\u{2009}222\u{2009}333",
    "111\t222\t333",
    "111 - 222 - 333",
    "111 / 222 / 333",
    "111\u{2013}222\u{2013}333",
    "1234.56.782",
    "１１１２２２３３３",
    "１１１　２２２　３３３",
    "\u{661}\u{661}\u{661}\u{662}\u{662}\u{662}\u{663}\u{663}\u{663}",
    "12345672",
    "BSN 111222333",
    "bsn 123456782",
    "BSN123456782",
    "BSN: 111.222.333",
    "BSN-nummer 111 222 333",
    "bsn nr. 123456789",
    "burgerservicenummer 12345678",
    "Sofinummer: 123456789",
    "moeder (BSN 111 222 333) belt morgen terug",
];

#[test]
fn every_way_of_writing_a_bsn_is_found() {
    for text in VARIANTS {
        assert!(find(text).is_some(), "not found: {text:?}");
    }
}

#[test]
fn numbers_that_are_not_a_bsn_are_left_alone() {
    for text in [
        "20-12-2026",
        "20-12-2026 09.00",
        "1-1-2026 4.00",
        "09.00-10.30",
        "12:30",
        "010-0000501",
        "06-12345678",
        "0612345678",
        "+31 6 1234 5678",
        "20261122-0900-3fa2",
        "20260106",
        "12012026",
        "P-2026-0042",
        "123456789",
        "1112223334",
        "111 222 333 4",
        "000000000",
        "12345",
        "geen BSN bekend, 3 kinderen",
        "Sofie 2 kinderen, bsnummer onbekend",
        "BSN 1234567890",
        "",
    ] {
        assert_eq!(find(text), None, "found in {text:?}");
    }
}

#[test]
fn the_whole_reference_and_the_place() {
    assert!(is_bsn("111222333"));
    assert!(is_bsn("1234.56.782"));
    assert!(!is_bsn("123456789"));
    let found = find("zie BSN 111 222 333.").expect("found");
    assert_eq!(found.range, 8..19);
    assert!(found.named);
    assert!(!find("111222333").expect("found").named);
}

#[test]
fn a_refused_text_can_be_repeated_without_the_number() {
    assert_eq!(
        redact("BSN 111 222 333, tel 010-0000501; 123456782"),
        "BSN [BSN], tel 010-0000501; [BSN]"
    );
}
