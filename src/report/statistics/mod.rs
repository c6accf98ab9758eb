//! `zorgpad statistiek`: anonymous figures over the stored sessions, for the region and per
//! gemeente. A practice counts its sessions ([`facts`]) into exact counts ([`counts`], the
//! file `zorgpad.praktijkcijfers/1`); counts of several practices are added up; the figures
//! ([`figures`]) are made from the counts, and only there are small groups hidden — so that
//! merging cannot reveal what one practice's figures hide.
//!
//! No client may be recognisable: a group of 1 to 4 sessions is shown as "<5". Where such a
//! group could be worked out from a total shown beside it (one small group in a row that adds
//! up to the total), the smallest other group is hidden as well ("x").

pub mod counts;
pub(crate) mod facts;
pub(crate) mod figures;

pub use counts::Counts;
pub(crate) use facts::add;
pub(crate) use figures::document;

/// The smallest group shown as a number.
pub const MIN_GROUP: u64 = 5;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(u64),
    /// 1 to 4: "<5".
    Small,
    /// Hidden so that a small group cannot be worked out from the total: "x".
    Hidden,
}

impl Cell {
    pub fn text(self) -> String {
        match self {
            Cell::Shown(n) => n.to_string(),
            Cell::Small => format!("<{MIN_GROUP}"),
            Cell::Hidden => "x".to_string(),
        }
    }
}

/// Primary suppression only: 1–4 is "<5".
pub fn protect_one(n: u64) -> Cell {
    if n > 0 && n < MIN_GROUP {
        Cell::Small
    } else {
        Cell::Shown(n)
    }
}

/// Counts that add up to a total that is shown: 1–4 is "<5"; when exactly one group is small
/// and the total is shown, the smallest other non-empty group is hidden too, so that the small
/// one cannot be derived by subtraction.
pub fn protect(counts: &[u64]) -> Vec<Cell> {
    let total: u64 = counts.iter().sum();
    let mut cells: Vec<Cell> = counts.iter().map(|&n| protect_one(n)).collect();
    let small = cells.iter().filter(|c| **c == Cell::Small).count();
    if small == 1 && protect_one(total) != Cell::Small {
        if let Some((i, _)) = counts
            .iter()
            .enumerate()
            .filter(|(i, &n)| n > 0 && cells[*i] != Cell::Small)
            .min_by_key(|(i, &n)| (n, *i))
        {
            cells[i] = Cell::Hidden;
        }
    }
    cells
}

/// Counts that add up to `total`, as it is shown: as [`protect`], and when the total is itself
/// not shown exactly ("<5" or "x") while every non-empty group is, the smallest one is hidden
/// too, so that the total cannot be found by adding up.
pub fn protect_under(counts: &[u64], total: Cell) -> Vec<Cell> {
    let mut cells = protect(counts);
    if !matches!(total, Cell::Shown(_))
        && cells
            .iter()
            .zip(counts)
            .all(|(c, n)| *n == 0 || matches!(c, Cell::Shown(_)))
    {
        if let Some((i, _)) = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
        {
            cells[i] = Cell::Hidden;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_small_group_hides_the_next_smallest() {
        assert_eq!(
            protect(&[10, 3, 7]),
            vec![Cell::Shown(10), Cell::Small, Cell::Hidden]
        );
        assert_eq!(
            protect(&[10, 3, 2]),
            vec![Cell::Shown(10), Cell::Small, Cell::Small]
        );
        assert_eq!(
            protect(&[6, 0, 5]),
            vec![Cell::Shown(6), Cell::Shown(0), Cell::Shown(5)]
        );
        // The total is itself small: nothing to derive it from.
        assert_eq!(protect(&[3]), vec![Cell::Small]);
    }

    #[test]
    fn a_hidden_total_is_not_found_by_adding_up() {
        // A version of 6 hidden beside a small one: its single row of 6 is hidden too.
        assert_eq!(protect_under(&[6], Cell::Hidden), vec![Cell::Hidden]);
        assert_eq!(
            protect_under(&[6, 0, 7], Cell::Hidden),
            vec![Cell::Hidden, Cell::Shown(0), Cell::Shown(7)]
        );
        // Something is already hidden or small: nothing more.
        assert_eq!(
            protect_under(&[6, 2, 7], Cell::Hidden),
            vec![Cell::Hidden, Cell::Small, Cell::Shown(7)]
        );
        assert_eq!(protect_under(&[6, 7], Cell::Shown(13)), protect(&[6, 7]));
    }
}
