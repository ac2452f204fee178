//! Starting the test on phones from the class: the set asked for when there is more than one.

use super::*;

impl ClassScreen {
    /// The phone test of `phase`: the set is asked for when there is more than one.
    pub(super) fn phones_set<'c>(&mut self, phase: Phase, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        let sets = super::super::phones::prepost_sets(cx.content);
        match sets.as_slice() {
            [one] => self.phones(one, phase, cx),
            [] => Nav::Stay,
            _ => {
                self.mode = Mode::ChooseSet { phase, selected: 0 };
                Nav::Stay
            }
        }
    }

    pub(super) fn phones<'c>(&mut self, quiz: &Quiz, phase: Phase, cx: &mut Cx<'_, 'c>) -> Nav<'c> {
        match PhonesScreen::start(&self.class.name, quiz, phase, cx) {
            Ok(p) => Nav::Push(Screen::Phones(Box::new(p))),
            Err(m) => {
                self.message = Some(m);
                Nav::Stay
            }
        }
    }
}
