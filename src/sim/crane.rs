//! A crane camera's lens height over the take: it starts at the arm's `lens_height` and
//! each `Camera` event with a `height` carries it there, evenly over the event's move (from
//! `at` to the arrival) or at once when the event does not move the camera.

use super::Simulation;
use crate::model::{Action, PersonId};
use crate::time::Time;

impl Simulation<'_> {
    /// The lens height of `camera` at `t`, metres; `None` for a camera not on a crane.
    pub fn lens_height(&self, camera: PersonId, t: Time) -> Option<f64> {
        let arm = self.scene.person(camera).camera()?.crane?;
        let mut height = arm.lens_height;
        for &e in &self.order {
            let event = &self.scene.events[e.index()];
            if event.at > t {
                break;
            }
            let Action::Camera(c) = &event.action else {
                continue;
            };
            let Some(to) = c.height.filter(|_| c.camera == camera) else {
                continue;
            };
            let end = self.tracks[camera.index()]
                .legs
                .iter()
                .find(|leg| leg.event == e)
                .map_or(event.at, |leg| leg.arrive);
            let span = end.seconds() - event.at.seconds();
            height = if t >= end || span <= 0.0 {
                to
            } else {
                height + (to - height) * (t.seconds() - event.at.seconds()) / span
            };
        }
        Some(height)
    }
}
