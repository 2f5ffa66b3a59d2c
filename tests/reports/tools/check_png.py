#!/usr/bin/env python3
"""Checks that a browser screenshot is a real picture, with the standard library only: a PNG
signature, the expected size in its IHDR chunk, and decoded pixel data that is not one colour
(a blank or failed render is a single colour). Usage: check_png.py FILE WIDTH HEIGHT."""
import struct
import sys
import zlib


def main(path, width, height):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        print(f"{path}: not a PNG")
        return 1
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if ihdr is None:
        print(f"{path}: no IHDR")
        return 1
    w, h, depth, colour = ihdr[0], ihdr[1], ihdr[2], ihdr[3]
    if (w, h) != (width, height):
        print(f"{path}: {w}x{h}, expected {width}x{height}")
        return 1
    raw = zlib.decompress(idat)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour, 3)
    stride = 1 + w * channels * depth // 8
    # Distinct pixels on a sample of rows (the filter byte of each row skipped). PNG filters make
    # raw bytes of a flat image constant too, so "one value" still means one colour.
    distinct = set()
    for y in range(0, h, 7):
        row = raw[y * stride + 1:(y + 1) * stride]
        distinct.update(row[i:i + channels] for i in range(0, len(row), channels * 13))
    if len(distinct) < 8:
        print(f"{path}: only {len(distinct)} distinct pixel values: a blank render")
        return 1
    print(f"{path}: {w}x{h}, {len(distinct)} distinct sampled values")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
