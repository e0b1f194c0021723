#!/usr/bin/env python3
"""Prints the share of pixels in a PNG that differ from its top-left pixel (the background).

Stdlib only: decodes 8-bit RGB/RGBA PNGs (what rsvg-convert, pdftoppm and Chromium write).
Usage: png_ink.py FILE.png [MIN_SHARE]  (exits 1 if the share is below MIN_SHARE)."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8, "only 8-bit PNGs"
            channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def ink(path):
    width, height, channels, rows = pixels(path)
    background = rows[0][:channels]
    inked = sum(
        1 for row in rows for x in range(0, width * channels, channels) if row[x:x + channels] != background
    )
    return inked / float(width * height)


if __name__ == "__main__":
    share = ink(sys.argv[1])
    print("%s: %.3f of pixels inked" % (sys.argv[1], share))
    if len(sys.argv) > 2 and share < float(sys.argv[2]):
        sys.exit(1)
