//! Optional passphrase encryption of a handover file (`sessies overdragen --wachtwoord`): the
//! age format (age-encryption.org/v1) with its scrypt passphrase recipient, through the `age`
//! crate. age was chosen because it is a small format with one way to do things (no cipher or
//! mode to pick wrongly), authenticated encryption, a slow key derivation against guessing, and
//! a widely reviewed implementation; the file can also be opened with the `age` or `rage` tool.
//!
//! Inside the encryption the file is an ordinary handover file, with its own checksums.

use age::secrecy::SecretString;

use crate::error::{Error, Result};

/// How an age file begins.
const MAGIC: &[u8] = b"age-encryption.org/v1";

/// The shortest passphrase accepted for encrypting.
pub const MIN_LEN: usize = 8;

/// Whether `bytes` are an age-encrypted file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Encrypt `bytes` with `passphrase`.
pub fn seal(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    if passphrase.chars().count() < MIN_LEN {
        return Err(Error::input(format!(
            "het wachtwoord is te kort: gebruik minstens {MIN_LEN} tekens"
        ))
        .hint(
            "Er is niets geschreven. Een zin van een paar woorden is sterk en goed te onthouden.",
        ));
    }
    let recipient = age::scrypt::Recipient::new(SecretString::from(passphrase));
    age::encrypt(&recipient, bytes).map_err(|e| {
        Error::input(format!(
            "het overdrachtsbestand kon niet worden versleuteld: {e}"
        ))
    })
}

/// Decrypt `bytes` with `passphrase`; a wrong passphrase (or a damaged file) is refused.
pub fn open(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase));
    age::decrypt(&identity, bytes).map_err(|_| {
        Error::input("het overdrachtsbestand is geweigerd: het wachtwoord klopt niet, of het versleutelde bestand is beschadigd")
            .hint("Er is niets veranderd in de gegevensmap. Vraag de afzender het wachtwoord via een andere weg dan het bestand.")
    })
}
