//! What a camera sees: its field of view, and what blocks a line of sight.

use super::Simulation;
use crate::geometry::Point;
use crate::model::{BackingId, CameraSpec, DoorId, FurnitureId, PersonId, WildWallId};
use crate::time::Time;

/// Something opaque between the camera and what it looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Obstacle {
    /// A solid wall piece (index into `Scene::walls`).
    Wall(usize),
    /// A wild wall that has not been struck yet.
    WildWall(WildWallId),
    /// A door that is closed or locked.
    Door(DoorId),
    /// Furniture tall enough to block the lens.
    Furniture(FurnitureId),
    /// A backing hung behind a window or opening.
    Backing(BackingId),
}

/// The camera's view at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub origin: Point,
    /// Unit vector along the lens axis.
    pub direction: Point,
    /// Half the horizontal angle of view, radians.
    pub half_angle: f64,
}

impl View {
    /// Angle between the lens axis and the direction to `p`, radians (0 on axis).
    pub fn off_axis(&self, p: Point) -> f64 {
        let to = p - self.origin;
        if to.length() < 1e-9 {
            return 0.0;
        }
        let a = to.angle() - self.direction.angle();
        ((a + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI).abs()
    }

    /// True if any part of a body of `radius` at `p` is inside the horizontal angle of view.
    pub fn covers_body(&self, p: Point, radius: f64) -> bool {
        let distance = p.distance(self.origin);
        if distance <= radius {
            return true;
        }
        self.off_axis(p) <= self.half_angle + (radius / distance).asin()
    }

    /// True if the point itself is inside the angle of view.
    pub fn covers(&self, p: Point) -> bool {
        self.off_axis(p) <= self.half_angle
    }
}

impl Simulation<'_> {
    /// The view of camera `who` at `t`.
    pub fn view(&self, who: PersonId, t: Time) -> View {
        let sensor = self
            .scene
            .person(who)
            .camera()
            .map_or(crate::model::SUPER35_MM, |c| c.sensor_mm);
        View {
            origin: self.position(who, t),
            direction: self.facing(who, t),
            half_angle: CameraSpec::field_of_view(sensor, self.lens(who, t)) / 2.0,
        }
    }

    /// Whether camera `camera` sees person `who` at `t`: `Ok(())` if in frame with a clear
    /// line of sight, else why not.
    pub fn sees(
        &self,
        camera: PersonId,
        who: PersonId,
        t: Time,
        whole_body: bool,
    ) -> Result<(), Unseen> {
        let view = self.view(camera, t);
        let at = self.position(who, t);
        let radius = self.scene.person(who).radius;
        let in_angle = if whole_body {
            view.covers(at)
        } else {
            view.covers_body(at, radius)
        };
        if !in_angle {
            return Err(Unseen::OutOfFrame {
                off_axis: view.off_axis(at),
                half_angle: view.half_angle,
            });
        }
        match self.obstacle(view.origin, at, t) {
            Some(obstacle) => Err(Unseen::Blocked(obstacle)),
            None => Ok(()),
        }
    }
}

/// Why someone is not seen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unseen {
    OutOfFrame { off_axis: f64, half_angle: f64 },
    Blocked(Obstacle),
}
