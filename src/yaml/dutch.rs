//! serde-saphyr's errors in Dutch, for a person who edits the file.
//!
//! The reader's errors are structured (an enum, and the parser's `ErrorKind`), so they are
//! translated by kind, not by matching English text. Nothing English gets through: a kind
//! that is not known here (the enums are `non_exhaustive`) gets a general Dutch sentence.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

use super::duplicate::unmarked;
use super::names::{dutch_kind, expected_kind, found_at, quote_list, serde_text};
use super::{places, Place};

/// Where the error is, and what went wrong in Dutch.
pub(super) fn describe(err: &Error, text: &str) -> (Option<Place>, String) {
    let place = match inner(err) {
        Error::Message { msg, .. } => unmarked(msg).and_then(|(place, _)| place),
        _ => None,
    };
    let place = place.or_else(|| err.location().as_ref().and_then(Place::of));
    // Where the person has to change the file, when the reader stopped elsewhere.
    let better = place.and_then(|at| match inner(err) {
        Error::SerdeMissingField { .. } => places::mapping_start(text, at),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) if is_tab(scan.kind()) => {
                places::tab_from(text, at)
            }
            _ => None,
        },
        _ => None,
    });
    (better.or(place), message(err, text))
}

/// Whether the error is about the text itself (its syntax, a duplicated key, a budget), not
/// about a value that does not fit the type being read.
pub(super) fn is_about_the_text(err: &Error) -> bool {
    matches!(
        inner(err),
        Error::ExternalMessage { .. }
            | Error::Budget { .. }
            | Error::AliasReplayCounterOverflow { .. }
            | Error::AliasReplayLimitExceeded { .. }
            | Error::AliasExpansionLimitExceeded { .. }
            | Error::AliasReplayStackDepthExceeded { .. }
            | Error::DuplicateMappingKey { .. }
            | Error::UnknownAnchor { .. }
            | Error::MultipleDocuments { .. }
            | Error::Eof { .. }
            | Error::InvalidUtf8Input
    )
}

/// The error itself, without the wrappers for a snippet or an alias.
pub(super) fn inner(err: &Error) -> &Error {
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => inner(error),
        other => other,
    }
}

/// What went wrong, in Dutch.
fn message(err: &Error, text: &str) -> String {
    match err {
        Error::WithSnippet { error, .. } => message(error, text),
        Error::AliasError { error, .. } => {
            format!("{} (in de waarde van een verwijzing *naam)", message(error, text))
        }
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => syntax(scan.kind()),
            _ => GENERAL.to_string(),
        },
        Error::Eof { .. } => "het bestand houdt onverwacht op".to_string(),
        Error::MultipleDocuments { .. } => "het bestand bevat meer dan één YAML-document (een regel '---'); houd één document per bestand".to_string(),
        Error::Unexpected { expected, location } => match expected_kind(expected) {
            Some(wanted) => format!(
                "verkeerd soort waarde: {} gevonden, {wanted} verwacht",
                found_at(text, Place::of(location))
            ),
            None => format!("{GENERAL}; controleer inspringing, dubbele punten en aanhalingstekens"),
        },
        Error::UnexpectedSequenceEnd { .. }
        | Error::UnexpectedMappingEnd { .. }
        | Error::UnexpectedContainerEndWhileSkippingNode { .. }
        | Error::UnexpectedContainerEndWhileReadingKeyNode { .. }
        | Error::ContainerEndMismatch { .. }
        | Error::ExpectedMappingEndAfterEnumVariantValue { .. } => {
            format!("{GENERAL}; controleer inspringing, dubbele punten en aanhalingstekens")
        }
        Error::DuplicateMappingKey { key, location } => {
            twice(key.as_deref(), text, Place::of(location))
        }
        Error::UnknownAnchor { .. } => {
            "een verwijzing (*naam) naar een anker (&naam) dat niet (eerder) bestaat".to_string()
        }
        Error::Budget { breach, .. } => budget(breach),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::RecursiveReferencesRequireWeakTypes { .. } => ALIASES.to_string(),
        Error::InvalidUtf8Input => CONTROL.to_string(),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => format!(
            "verkeerd soort waarde: {} gevonden, {} verwacht",
            dutch_kind(unexpected),
            dutch_kind(expected)
        ),
        Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => format!(
            "ongeldige waarde: {} gevonden, {} verwacht",
            dutch_kind(unexpected),
            dutch_kind(expected)
        ),
        Error::SerdeInvalidLength { len, expected, .. } => format!(
            "verkeerd aantal elementen: {len}, verwacht {}",
            dutch_kind(expected)
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => format!(
            "onbekende waarde '{variant}'; kies uit: {}",
            quote_list(expected)
        ),
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            if expected.is_empty() {
                format!("onbekend veld '{field}'; hier zijn geen velden toegestaan")
            } else {
                format!(
                    "onbekend veld '{field}'; toegestaan zijn: {}",
                    quote_list(expected)
                )
            }
        }
        Error::SerdeMissingField { field, .. } => {
            format!("het verplichte veld '{field}' ontbreekt")
        }
        Error::InvalidScalar { ty, location } => {
            let found = found_at(text, Place::of(location));
            // A number of the wrong size is a wrong value; text where a number belongs is
            // the wrong kind of value.
            let lead = if found.starts_with("het getal") && !found.contains('.') {
                "ongeldige waarde"
            } else {
                "verkeerd soort waarde"
            };
            format!("{lead}: {found} gevonden, {} verwacht", dutch_kind(ty))
        }
        Error::NullIntoString { .. } => {
            "hier ontbreekt een waarde: tekst verwacht".to_string()
        }
        Error::InvalidBooleanStrict { .. } => "ja/nee (true/false) verwacht".to_string(),
        Error::NonFiniteFloat { value, .. } => {
            format!("'{value}' is geen bruikbaar getal")
        }
        Error::MergeValueNotMapOrSeqOfMaps { .. } | Error::MergeKeyNotAllowed { .. } => {
            "een samenvoeging ('<<') mag alleen velden (naam: waarde) overnemen".to_string()
        }
        Error::UnsupportedTag { tag, .. } | Error::TaggedStructFieldName { tag, .. } => {
            format!("het label '{tag}' wordt niet ondersteund; haal het weg")
        }
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::BytesNotSupportedMissingBinaryTag { .. }
        | Error::TaggedEnumMismatch { .. } => {
            "een waarde met een label (!naam) die hier niet past; haal het label weg".to_string()
        }
        Error::Message { msg, .. } => match unmarked(msg) {
            Some((place, key)) => twice(Some(key), text, place),
            None => serde_text(msg),
        },
        Error::SerdeVariantId { msg, .. } => serde_text(msg),
        Error::IndentationError { .. } | Error::FoldedBlockScalarMustIndentContent { .. } => {
            "verkeerde inspringing; controleer de spaties aan het begin van de regel".to_string()
        }
        _ => GENERAL.to_string(),
    }
}

/// A key written twice: where it was written first, and what to do.
fn twice(key: Option<&str>, text: &str, place: Option<Place>) -> String {
    let earlier = place
        .and_then(|p| places::earlier_line(text, key, p))
        .map(|l| format!(" (eerder op regel {l})"))
        .unwrap_or_default();
    let what = match key {
        Some(k) if !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()) => {
            format!("de sleutel '{k}'")
        }
        Some(k) => format!("het veld '{k}'"),
        None => "een sleutel".to_string(),
    };
    format!("{what} staat er twee keer{earlier}; haal een van beide weg, zodat duidelijk is welke waarde geldt")
}

const GENERAL: &str = "ongeldige YAML-opbouw";
const ALIASES: &str = "het bestand gebruikt te veel verwijzingen (*naam) naar ankers (&naam), of verwijzingen in verwijzingen; schrijf de waarden uit";
const CONTROL: &str =
    "het bestand bevat tekens die niet in een tekstbestand horen (is het een binair bestand?)";

fn is_tab(kind: &ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::TabNotAllowed
            | ErrorKind::TabInBlockIndentation
            | ErrorKind::TabInIndentation
            | ErrorKind::TabAtBlockScalarStart
            | ErrorKind::TabInPlainScalar
    )
}

/// The parser's complaints about the text itself.
fn syntax(kind: &ErrorKind) -> String {
    use ErrorKind as K;
    let nl: &str = match kind {
        K::UnexpectedEofFlowSequence | K::UnclosedFlowCollection { open: '[' } => {
            "een lijst tussen [ en ] is niet afgesloten: ',' of ']' ontbreekt"
        }
        K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::UnclosedFlowCollection { .. } => {
            "velden tussen { en } zijn niet afgesloten: ',' of '}' ontbreekt"
        }
        K::ExpectedFlowSequenceSeparator => {
            "in een lijst tussen [ en ] ontbreekt hier ',' of ']'"
        }
        K::ExpectedFlowMappingSeparator => {
            "in velden tussen { en } ontbreekt hier ',' of '}'"
        }
        K::MisplacedFlowCollectionEnd => "een ']' of '}' zonder bijbehorende '[' of '{'",
        K::MismatchedFlowCollectionEnd { .. } => {
            "een haakje wordt gesloten met het verkeerde haakje ('[' hoort bij ']', '{' bij '}')"
        }
        K::UnexpectedEofBlockSequence | K::UnexpectedEofBlockMapping | K::UnexpectedEof => {
            "het bestand houdt onverwacht op; is een aanhalingsteken of haakje niet gesloten?"
        }
        K::UnclosedQuotedScalar | K::DocumentIndicatorInQuotedScalar => {
            "dit aanhalingsteken wordt niet gesloten; zet er een achter de tekst, of haal het weg"
        }
        K::MappingValueNotAllowed | K::InvalidColonPlacement | K::FlowMappingValueAdjacentCollection => {
            "een dubbele punt staat waar hij niet mag; zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing"
        }
        K::InvalidMappingValueWhitespace => {
            "na een dubbele punt hoort een spatie; zet tekst met ':' erin tussen aanhalingstekens"
        }
        K::MappingKeyNotAllowed => {
            "een veldnaam staat waar hij niet mag; controleer de inspringing"
        }
        K::BlockSequenceEntryNotAllowed | K::BlockEntryInFlowCollection => {
            "een lijstelement ('- ') staat waar het niet mag; controleer de inspringing"
        }
        K::InvalidBlockEntryWhitespace => "na '-' hoort een spatie",
        K::ExpectedBlockSequenceEntry => {
            "hier werd een lijstelement ('- ') verwacht; controleer de inspringing"
        }
        K::ExpectedBlockMappingKey => {
            "hier werd een veldnaam verwacht; controleer de inspringing en de aanhalingstekens"
        }
        K::SimpleKeyExpected | K::InvalidSimpleKey => {
            "er ontbreekt een dubbele punt ':' na de veldnaam"
        }
        K::ExpectedNodeContent => "hier ontbreekt een waarde",
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => "een tab in de inspringing; gebruik spaties",
        K::InvalidIndentation
        | K::InvalidBlockScalarIndent
        | K::InvalidQuotedScalarIndent
        | K::InvalidFlowScalarIndent
        | K::ZeroBlockScalarIndent => {
            "verkeerde inspringing; controleer de spaties aan het begin van de regel"
        }
        K::UnexpectedCharacter { character } if character.is_control() => {
            return format!(
                "het bestand bevat een onzichtbaar stuurteken (U+{:04X}) dat niet in een tekstbestand hoort; haal het weg",
                u32::from(*character)
            )
        }
        K::UnexpectedCharacter { .. } | K::PlainScalarStartsWithDashFlowIndicator => {
            "een teken dat hier niet mag staan; zet tekst die met @, ` of % begint tussen aanhalingstekens"
        }
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => {
            "een onbekend teken na '\\' in tekst tussen dubbele aanhalingstekens"
        }
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
            "na de afsluitende aanhalingstekens staat nog tekst; zet alles tussen de aanhalingstekens"
        }
        K::CommentInterceptedScalar | K::CommentNotSeparated => {
            "een '#' midden in een waarde; zet tekst met '#' erin tussen aanhalingstekens"
        }
        K::UnknownAnchor => {
            "een verwijzing (*naam) naar een anker (&naam) dat niet (eerder) bestaat"
        }
        K::MissingAnchorOrAliasName | K::AnchorCountOverflow => {
            "na '&' of '*' hoort een naam; zet tekst die met & of * begint tussen aanhalingstekens"
        }
        K::RecursionLimitExceeded => {
            return "het bestand is te diep genest: te veel haakjes of inspringingen in elkaar"
                .to_string()
        }
        K::InputDecoding { .. } | K::BomInsideDocument => return CONTROL.to_string(),
        K::InvalidDocumentEnd | K::MultipleDocumentsUnsupported => {
            "het bestand bevat meer dan één YAML-document (een regel '---' of '...'); houd één document per bestand"
        }
        K::ExpectedWhitespace => "hier hoort een spatie",
        K::ExpectedDocumentStart | K::ExpectedStreamStart => {
            "hier staat tekst die nergens bij hoort: alles hoort bij één lijst of één stel velden; controleer de inspringing"
        }
        K::InvalidBlockScalarHeader => {
            "na '|' of '>' mag op dezelfde regel alleen '-', '+' of een cijfer staan; de tekst begint op de volgende regel"
        }
        K::DuplicateVersionDirective
        | K::UnsupportedYamlMajorVersion
        | K::DuplicateTagDirective
        | K::MissingDocumentEndBeforeDirective
        | K::InvalidDirectiveTerminator
        | K::DirectiveDisallowed
        | K::MissingYamlVersionSeparator
        | K::MissingDirectiveName
        | K::InvalidDirectiveName
        | K::DirectiveByteLimitExceeded { .. }
        | K::TooManyReservedDirectiveParams { .. }
        | K::YamlVersionTooLong
        | K::MissingYamlVersion => {
            "een regel die met '%' begint is een YAML-aanwijzing; haal hem weg of zet de tekst tussen aanhalingstekens"
        }
        K::ExpectedTagBang
        | K::ExpectedTagDirectiveBang
        | K::InvalidGlobalTagCharacter
        | K::InvalidTagDirectiveTerminator
        | K::InvalidTagTerminator
        | K::MissingTagUri
        | K::UnclosedVerbatimTag
        | K::InvalidTagEscape
        | K::InvalidTagUtf8LeadingByte
        | K::InvalidTagUtf8TrailingByte
        | K::InvalidTagUtf8
        | K::UndeclaredTagHandle => {
            "een ongeldig label (!naam); zet tekst die met ! begint tussen aanhalingstekens"
        }
        _ => return GENERAL.to_string(),
    };
    format!("{GENERAL}: {nl}")
}

/// The reader's limits (see the module's doc comment for the numbers).
fn budget(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => {
            "het bestand is te diep genest: te veel lijsten of velden in elkaar".to_string()
        }
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. }
        | BudgetBreach::MergeKeys { .. } => ALIASES.to_string(),
        BudgetBreach::Documents { .. } => "het bestand bevat te veel YAML-documenten (regels '---'); houd één document per bestand".to_string(),
        _ => "het bestand is te groot of te ingewikkeld om te lezen (te veel waarden); splits het of maak het eenvoudiger".to_string(),
    }
}
