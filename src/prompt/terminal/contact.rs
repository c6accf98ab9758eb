//! A box with `kaart:` in the flow, in the terminal: before its prompt, whom to reach — the
//! organisation chosen at the earlier referral of that category (the Veilig Thuis reported to),
//! or every provider of the category for the client's gemeente — with phone, e-mail, website,
//! address and how to refer, as the Sociale Kaart has them.

use super::Terminal;
use crate::engine::contact::Contacts;
use crate::prompt::contact::contacts_text;

impl Terminal<'_> {
    /// The block above the prompt; nothing without a Sociale Kaart.
    pub(super) fn show_contacts(&self, contacts: &Contacts<'_>) {
        let Some(offer) = self.offer else {
            return;
        };
        self.say(&contacts_text(contacts, &offer, "•"));
    }
}
