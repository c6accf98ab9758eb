//! Resuming: a resume that answers nothing leaves the session waiting where it waited.

use crate::common::{Workspace, TO_D4_PAUSE};

#[test]
fn a_resume_without_an_answer_keeps_the_pause() {
    let ws = Workspace::new();
    ws.cmd("start").answers(TO_D4_PAUSE).run().code(0);
    let id = ws.only_session();
    // The resume is recorded, then the first answer does not fit: nothing is answered.
    ws.cmd(&format!("hervat {id}"))
        .answers("- onzin\n")
        .run()
        .code(2)
        .stderr_has("Wacht bij D4 sinds");
    let list = ws.cmd("sessies").run().code(0);
    assert!(list.stdout.contains("wacht"), "{}", list.stdout);
    assert!(list.stdout.contains("D4, sinds"), "{}", list.stdout);
}
