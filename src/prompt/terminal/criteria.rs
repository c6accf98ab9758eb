//! The criteria of a decision in the terminal: tick the ones that apply. What is ticked feeds
//! the proposal at the decision that follows.

use super::widgets::Got;
use super::Terminal;
use crate::engine::answer::Answer;
use crate::engine::prompter::{question_text, Reply};
use crate::engine::question::Question;
use crate::error::Result;
use crate::flow::model::Action;

impl Terminal<'_> {
    pub(super) fn ask_criteria(&self, question: &Question<'_>, items: &[Action]) -> Result<Reply> {
        let labels: Vec<String> = items.iter().map(|a| a.text.clone()).collect();
        let mut ticked: Vec<usize> = match &question.previous {
            Some(Answer::Criteria { gelden, .. }) => items
                .iter()
                .enumerate()
                .filter(|(_, a)| gelden.contains(&a.id))
                .map(|(k, _)| k)
                .collect(),
            _ => Vec::new(),
        };
        let message = question_text(question);
        loop {
            match self.multi(&message, &labels, &ticked)? {
                Got::Value((picked, explain)) => {
                    ticked = picked;
                    if explain {
                        self.explain(question);
                        continue;
                    }
                    return Ok(Reply::Answer(Answer::Criteria {
                        gelden: ticked.iter().map(|k| items[*k].id.clone()).collect(),
                        notitie: None,
                    }));
                }
                Got::Explain | Got::Pause => continue,
                Got::Escape if question.can_go_back => return Ok(Reply::Back),
                Got::Escape => self.first_question(),
            }
        }
    }
}
