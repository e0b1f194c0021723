//! Triangle meshes in glTF's axes (metres, +Y up): prisms over plan outlines (floors,
//! walls, furniture), axis boxes, and the round parts of a figure. Every triangle is wound
//! counter-clockwise seen from outside, with its normal.

use crate::geometry::{Point, Polygon};

/// glTF coordinates of a plan point at a height: glTF x = plan x, glTF z = plan y (down the
/// page), y = up. Seen from above (looking down −Y with −Z up the screen) this is the plan as
/// drawn, not mirrored: x × y = z holds for (right, up, towards the bottom of the page).
pub fn to_gltf(p: Point, height: f64) -> [f32; 3] {
    [p.x as f32, height as f32, p.y as f32]
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mesh {
    pub positions: Vec<[f32; 3]>,
    pub normals: Vec<[f32; 3]>,
    pub indices: Vec<u32>,
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn unit(a: [f64; 3]) -> [f64; 3] {
    let l = dot(a, a).sqrt();
    if l < 1e-12 {
        [0.0, 1.0, 0.0]
    } else {
        [a[0] / l, a[1] / l, a[2] / l]
    }
}

fn f32s(a: [f64; 3]) -> [f32; 3] {
    [a[0] as f32, a[1] as f32, a[2] as f32]
}

fn plan3(p: Point, height: f64) -> [f64; 3] {
    [p.x, height, p.y]
}

impl Mesh {
    fn vertex(&mut self, p: [f64; 3], n: [f64; 3]) -> u32 {
        self.positions.push(f32s(p));
        self.normals.push(f32s(unit(n)));
        (self.positions.len() - 1) as u32
    }

    /// A flat triangle facing `outward` (its corners reordered if need be); degenerate
    /// triangles are left out.
    fn flat_triangle(&mut self, a: [f64; 3], b: [f64; 3], c: [f64; 3], outward: [f64; 3]) {
        let n = cross(sub(b, a), sub(c, a));
        if dot(n, n) < 1e-14 {
            return;
        }
        let (b, c) = if dot(n, outward) < 0.0 {
            (c, b)
        } else {
            (b, c)
        };
        let normal = unit(cross(sub(b, a), sub(c, a)));
        let i = self.vertex(a, normal);
        let j = self.vertex(b, normal);
        let k = self.vertex(c, normal);
        self.indices.extend([i, j, k]);
    }

    /// A flat quad (corners in order round it) facing `outward`.
    fn flat_quad(&mut self, q: [[f64; 3]; 4], outward: [f64; 3]) {
        self.flat_triangle(q[0], q[1], q[2], outward);
        self.flat_triangle(q[0], q[2], q[3], outward);
    }

    /// The plan outline raised from `bottom` to `top` metres: top, bottom and sides.
    pub fn add_prism(&mut self, outline: &Polygon, bottom: f64, top: f64) {
        for triangle in outline.triangles() {
            let c = &triangle.corners;
            if c.len() != 3 {
                continue;
            }
            self.flat_triangle(
                plan3(c[0], top),
                plan3(c[1], top),
                plan3(c[2], top),
                [0.0, 1.0, 0.0],
            );
            self.flat_triangle(
                plan3(c[0], bottom),
                plan3(c[1], bottom),
                plan3(c[2], bottom),
                [0.0, -1.0, 0.0],
            );
        }
        let centre = outline.centroid();
        let inside = |p: Point| outline.contains(p);
        for edge in outline.edges() {
            if edge.length() < 1e-9 {
                continue;
            }
            let d = edge.direction();
            let mut out = Point::new(-d.y, d.x);
            let mid = edge.midpoint();
            // Outward is the side that is not inside; if the probes cannot tell (a sliver),
            // the side away from the centre.
            let (ahead, behind) = (inside(mid + out * 5e-3), inside(mid - out * 5e-3));
            let flip = if ahead == behind {
                (mid - centre).dot(out) < 0.0
            } else {
                ahead
            };
            if flip {
                out = out * -1.0;
            }
            self.flat_quad(
                [
                    plan3(edge.a, bottom),
                    plan3(edge.b, bottom),
                    plan3(edge.b, top),
                    plan3(edge.a, top),
                ],
                [out.x, 0.0, out.y],
            );
        }
    }

    /// A wall-like slab along the plan segment `a`–`b`, `thickness` across, from `bottom` to
    /// `top`.
    pub fn add_slab(&mut self, a: Point, b: Point, thickness: f64, bottom: f64, top: f64) {
        let d = (b - a).normalised();
        let n = Point::new(-d.y, d.x) * (thickness / 2.0);
        let outline = Polygon::new(vec![a + n, b + n, b - n, a - n]);
        self.add_prism(&outline, bottom, top);
    }

    /// An axis-aligned box between two corners (glTF coordinates).
    pub fn add_box(&mut self, min: [f64; 3], max: [f64; 3]) {
        let outline = Polygon::rect(min[0], min[2], max[0] - min[0], max[2] - min[2]);
        self.add_prism(&outline, min[1], max[1]);
    }

    /// An upright cylinder round the Y axis at (`x`, `z`), smooth sides and flat caps.
    pub fn add_cylinder(&mut self, centre: [f64; 2], radius: f64, bottom: f64, top: f64) {
        const SIDES: usize = 12;
        let ring = |k: usize| {
            let a = std::f64::consts::TAU * k as f64 / SIDES as f64;
            (a.cos(), a.sin())
        };
        for k in 0..SIDES {
            let ((c0, s0), (c1, s1)) = (ring(k), ring(k + 1));
            let p = |c: f64, s: f64, y: f64| [centre[0] + radius * c, y, centre[1] + radius * s];
            let (n0, n1) = ([c0, 0.0, s0], [c1, 0.0, s1]);
            let a = self.vertex(p(c0, s0, bottom), n0);
            let b = self.vertex(p(c1, s1, bottom), n1);
            let c = self.vertex(p(c1, s1, top), n1);
            let d = self.vertex(p(c0, s0, top), n0);
            // Outward is +radial: (b − a) × (d − a) points out for this order.
            self.indices.extend([a, d, c, a, c, b]);
            let (top_c, bottom_c) = ([centre[0], top, centre[1]], [centre[0], bottom, centre[1]]);
            self.flat_triangle(top_c, p(c0, s0, top), p(c1, s1, top), [0.0, 1.0, 0.0]);
            self.flat_triangle(
                bottom_c,
                p(c0, s0, bottom),
                p(c1, s1, bottom),
                [0.0, -1.0, 0.0],
            );
        }
    }

    /// A low-poly sphere (smooth normals).
    pub fn add_sphere(&mut self, centre: [f64; 3], radius: f64) {
        const SLICES: usize = 12;
        const STACKS: usize = 6;
        let point = |i: usize, j: usize| {
            let phi = std::f64::consts::PI * i as f64 / STACKS as f64;
            let theta = std::f64::consts::TAU * j as f64 / SLICES as f64;
            [phi.sin() * theta.cos(), phi.cos(), phi.sin() * theta.sin()]
        };
        let mut index = vec![vec![0u32; SLICES + 1]; STACKS + 1];
        for (i, row) in index.iter_mut().enumerate() {
            for (j, slot) in row.iter_mut().enumerate() {
                let n = point(i, j);
                let p = [
                    centre[0] + radius * n[0],
                    centre[1] + radius * n[1],
                    centre[2] + radius * n[2],
                ];
                *slot = self.vertex(p, n);
            }
        }
        for i in 0..STACKS {
            for j in 0..SLICES {
                let (a, b, c, d) = (
                    index[i][j],
                    index[i][j + 1],
                    index[i + 1][j + 1],
                    index[i + 1][j],
                );
                // Rows run from the top pole down; this order faces outwards.
                if i > 0 {
                    self.indices.extend([a, b, d]);
                }
                if i + 1 < STACKS {
                    self.indices.extend([b, c, d]);
                }
            }
        }
    }

    /// Appends `other` moved by `offset`.
    pub fn append(&mut self, other: &Mesh) {
        let base = self.positions.len() as u32;
        self.positions.extend_from_slice(&other.positions);
        self.normals.extend_from_slice(&other.normals);
        self.indices.extend(other.indices.iter().map(|i| i + base));
    }

    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every triangle's winding agrees with its vertices' normals (outward, counter-clockwise).
    fn windings_agree(mesh: &Mesh) -> bool {
        mesh.indices.chunks_exact(3).all(|t| {
            let p = |i: u32| {
                let v = mesh.positions[i as usize];
                [v[0] as f64, v[1] as f64, v[2] as f64]
            };
            let n = cross(sub(p(t[1]), p(t[0])), sub(p(t[2]), p(t[0])));
            let normal = mesh.normals[t[0] as usize];
            dot(n, [normal[0] as f64, normal[1] as f64, normal[2] as f64]) > 0.0
        })
    }

    #[test]
    fn a_box_has_twelve_outward_triangles() {
        let mut mesh = Mesh::default();
        mesh.add_box([0.0, 0.0, 0.0], [1.0, 2.0, 3.0]);
        assert_eq!(mesh.indices.len(), 36);
        assert!(windings_agree(&mesh));
        // The top faces up.
        assert!(mesh.normals.iter().any(|n| n[1] > 0.99));
    }

    #[test]
    fn an_l_shaped_prism_faces_out_on_every_side() {
        let l = Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(6.0, 0.0),
            Point::new(6.0, 3.0),
            Point::new(3.0, 3.0),
            Point::new(3.0, 5.0),
            Point::new(0.0, 5.0),
        ]);
        let mut mesh = Mesh::default();
        mesh.add_prism(&l, 0.0, 1.0);
        assert!(windings_agree(&mesh));
        // The inner corner's wall at x = 3 (y 3..5) faces +x.
        let facing_east = mesh
            .positions
            .iter()
            .zip(&mesh.normals)
            .any(|(p, n)| (p[0] - 3.0).abs() < 1e-6 && p[2] > 3.5 && n[0] > 0.99);
        assert!(facing_east);
    }

    #[test]
    fn round_parts_face_outwards() {
        let mut mesh = Mesh::default();
        mesh.add_cylinder([0.0, 0.0], 0.2, 0.0, 1.4);
        mesh.add_sphere([0.0, 1.6, 0.0], 0.12);
        assert!(windings_agree(&mesh));
    }
}
