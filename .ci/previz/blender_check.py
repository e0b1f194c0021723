# Imports previz.glb into Blender headless, renders the scene camera's view at given times
# with Cycles on the CPU, and checks the picture against `oner at --format json`: everyone
# the camera sees there must be in the frame and in a clear line of sight, and nobody it does
# not see may be.
#
#   blender -b --python blender_check.py -- FILE.glb OUT_DIR FPS AT.json...
#
# Each AT.json is `oner at SCENE TIME --format json`; those whose file name starts with
# `shot-` are also rendered to OUT_DIR/frame-M-SS.S.png. Exit code 1 on any disagreement.
import json
import math
import os
import sys

import bpy
from bpy_extras.object_utils import world_to_camera_view
from mathutils import Vector

args = sys.argv[sys.argv.index("--") + 1:]
glb, out_dir, fps = args[0], args[1], float(args[2])
snapshots = args[3:]

# Debian's Blender 3.4 glTF importer still says `np.bool`, which NumPy 1.24 removed.
import numpy

if not hasattr(numpy, "bool"):
    numpy.bool = bool

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
# Keyframes are imported at time × the scene's frame rate.
scene.render.fps = int(round(fps))
scene.render.fps_base = scene.render.fps / fps
bpy.ops.import_scene.gltf(filepath=glb)

objects = {}
for obj in scene.objects:
    kind, ident = obj.get("oner_kind"), obj.get("oner_id")
    if kind is not None:
        objects[(kind, ident)] = obj

cameras = [o for (k, _), o in objects.items() if k == "camera"]
if not cameras:
    print("no scene camera in the file", file=sys.stderr)
    sys.exit(1)
camera = cameras[0]
scene.camera = camera
cam_id = camera["oner_id"]

# Light: a sun from above and a dim sky, since the set has no ceiling.
sun_data = bpy.data.lights.new("Sun", type="SUN")
sun_data.energy = 2.0
sun = bpy.data.objects.new("Sun", sun_data)
sun.rotation_euler = (math.radians(25), math.radians(10), math.radians(30))
scene.collection.objects.link(sun)
world = bpy.data.worlds.new("World")
world.use_nodes = True
world.node_tree.nodes["Background"].inputs[0].default_value = (0.6, 0.6, 0.65, 1.0)
world.node_tree.nodes["Background"].inputs[1].default_value = 1.0
scene.world = world

scene.render.engine = "CYCLES"
scene.cycles.device = "CPU"
# Small and quick for CI; PREVIZ_SAMPLES and PREVIZ_SIZE (e.g. 960x540) for a picture for the docs.
scene.cycles.samples = int(os.environ.get("PREVIZ_SAMPLES", "8"))
scene.cycles.max_bounces = 3
scene.cycles.use_denoising = False
scene.view_settings.view_transform = "Standard"
width, height = os.environ.get("PREVIZ_SIZE", "400x225").split("x")
scene.render.resolution_x = int(width)
scene.render.resolution_y = int(height)
scene.render.resolution_percentage = 100
scene.render.image_settings.file_format = "PNG"

cam = camera.data
aspect = scene.render.resolution_x / scene.render.resolution_y
hfov = 2 * math.atan(math.tan(cam.angle_y / 2) * aspect) if cam.sensor_fit == "VERTICAL" else cam.angle_x
print(f"camera {camera.name}: sensor fit {cam.sensor_fit}, yfov {math.degrees(cam.angle_y):.2f}°, "
      f"horizontal {math.degrees(hfov):.2f}° at {aspect:.4f}")

IGNORED = {"cast", "crew", "prop", "camera", "overhead"}


def blocked(origin, target, depsgraph, open_doors):
    """The first set object between origin and target, or None. People and props are
    see-through here, as in oner's line of sight, and so are the leaves of open doors: oner's
    sight takes an open door's gap as clear and does not place its leaf in the room (a leaf
    that stands in the way is reported as a note, not a failure)."""
    direction = target - origin
    distance = direction.length
    direction.normalize()
    start = origin.copy()
    travelled = 0.0
    while travelled < distance:
        hit, location, _normal, _index, obj, _matrix = scene.ray_cast(
            depsgraph, start, direction, distance=distance - travelled)
        if not hit:
            return None
        kind = obj.get("oner_kind") if obj else None
        see_through = kind in IGNORED or (kind == "door" and obj.get("oner_id") in open_doors)
        if not see_through:
            return obj
        step = (location - start).length + 1e-3
        travelled += step
        start = start + direction * step
    return None


failures = 0
checked = 0
notes = []
for path in snapshots:
    snap = json.load(open(path))
    t = snap["time"]
    minutes, seconds = t.split(":")
    secs = int(minutes) * 60 + float(seconds)
    frame = secs * fps
    scene.frame_set(int(math.floor(frame)), subframe=frame - math.floor(frame))
    depsgraph = bpy.context.evaluated_depsgraph_get()
    cam_eval = camera.evaluated_get(depsgraph)
    origin = cam_eval.matrix_world.translation.copy()
    right = (cam_eval.matrix_world.to_3x3() @ Vector((1, 0, 0))).normalized()
    camera_state = next(c for c in snap["cameras"] if c["id"] == cam_id)
    seen = set(camera_state["sees"]) | set(camera_state["crew_in_view"])
    open_doors = {d["id"] for d in snap["doors"] if d["state"] == "open"}
    # Where oner has the camera, against where Blender has it.
    me = next(p for p in snap["people"] if p["id"] == cam_id)
    drift = math.hypot(origin.x - me["x"], origin.y + me["y"])
    print(f"{t}: camera at ({origin.x:.2f}, {-origin.y:.2f}), oner ({me['x']:.2f}, {me['y']:.2f}), "
          f"{drift * 100:.1f} cm apart; oner sees {sorted(seen)}")
    if drift > 0.02:
        print(f"  FAIL camera position differs by {drift:.3f} m", file=sys.stderr)
        failures += 1
    for person in snap["people"]:
        pid = person["id"]
        if pid == cam_id:
            continue
        kind = "crew" if person["role"] != "cast" else "cast"
        obj = objects.get((kind, pid))
        if obj is None:
            print(f"  FAIL no object for {pid}", file=sys.stderr)
            failures += 1
            continue
        radius = float(obj.get("radius_m", 0.25))
        centre = Vector((person["x"], -person["y"], 1.2))
        # Cast count when any part of the body is in the angle of view; crew by the centre.
        reach = [0.0] if kind == "crew" else [0.0, radius, -radius]
        in_angle = False
        for r in reach:
            p = centre + right * r
            v = world_to_camera_view(scene, cam_eval, p)
            if v.z > 0 and 0.0 <= v.x <= 1.0:
                in_angle = True
        top = world_to_camera_view(scene, cam_eval, Vector((person["x"], -person["y"], 1.75)))
        foot = world_to_camera_view(scene, cam_eval, Vector((person["x"], -person["y"], 0.0)))
        vertically = top.z > 0 and foot.y <= 1.0 and top.y >= 0.0
        wall = blocked(origin, centre, depsgraph, open_doors)
        in_picture = in_angle and vertically and wall is None
        leaf = blocked(origin, centre, depsgraph, set()) if in_picture else None
        if leaf is not None and leaf.get("oner_kind") == "door":
            notes.append(f"{t}: the open leaf of {leaf.name} stands between the camera and {pid}")
        verdict = "ok" if in_picture == (pid in seen) else "MISMATCH"
        why = f"blocked by {wall.name}" if wall is not None else ("in frame" if in_angle else "out of frame")
        print(f"  {verdict}: {pid} {'in' if in_picture else 'not in'} the picture ({why}); "
              f"oner: {'sees' if pid in seen else 'does not see'}")
        if verdict != "ok":
            failures += 1
    if os.path.basename(path).startswith("shot-"):
        scene.render.filepath = os.path.join(out_dir, f"frame-{t.replace(':', '-')}.png")
        bpy.ops.render.render(write_still=True)
        print(f"  rendered {scene.render.filepath}")
    checked += 1

for note in sorted(set(notes)):
    print(f"note: {note}")
if failures:
    print(f"{failures} disagreement(s)", file=sys.stderr)
    sys.exit(1)
print(f"blender: every figure agrees with oner at, at {checked} moments")
