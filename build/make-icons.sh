#!/usr/bin/env bash
# Regenerates the committed PNG icons from the SVG sources (needs rsvg-convert:
# `apt-get install librsvg2-bin` or `brew install librsvg`). electron-builder makes the macOS
# .icns and the Windows .ico from icon.png (1024 px) itself.
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert -w 1024 -h 1024 icon.svg -o icon.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
mkdir -p icons
for s in 16 24 32 48 64 128 256 512 1024; do
  src=icon.svg
  [ "$s" -le 32 ] && src=icon-small.svg
  rsvg-convert -w "$s" -h "$s" "$src" -o "icons/${s}x${s}.png"
done
