#!/usr/bin/env bash
# Regenerates the demo seed's media in server/media/demo (committed, ~2 MB, so a fresh clone needs no ffmpeg).
# Needs Debian's ffmpeg and espeak-ng. The cuts are VP8/WebM (every Chromium plays it), 24 fps, with the
# SMPTE timecode (start 01:00:00:00) and frame number burned in, so frame-accuracy can be checked by eye.
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)/demo"; tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
font=/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf
mkdir -p "$out"
cut() { # out source label
  printf '%s' "$3" > "$tmp/label.txt"
  ffmpeg -y -loglevel error -f lavfi -i "$2" -t 45 -vf "drawbox=x=0:y=300:w=640:h=60:color=black@0.6:t=fill,\
drawtext=fontfile=$font:timecode='01\:00\:00\:00':rate=24:fontsize=28:fontcolor=white:x=(w-tw)/2:y=315,\
drawtext=fontfile=$font:textfile=$tmp/label.txt:fontsize=20:fontcolor=white:x=16:y=16:box=1:boxcolor=black@0.5:boxborderw=6,\
drawtext=fontfile=$font:text='FRAME %{frame_num}':fontsize=16:fontcolor=yellow:x=w-tw-16:y=16:box=1:boxcolor=black@0.5:boxborderw=6" \
    -r 24 -c:v libvpx -b:v 160k -crf 30 -g 24 -an "$1"
}
cut "$out/cut-v1.webm" "testsrc2=size=640x360:rate=24" "HOW IT'S MADE 101 - CUT v1"
cut "$out/cut-v2.webm" "smptehdbars=size=640x360:rate=24,hue=H=2*PI*t/45" "HOW IT'S MADE 101 - CUT v2"

espeak-ng -v en-us -s 150 -w "$tmp/dx1.wav" "Welcome to the factory floor. Every crayon starts as a pellet of paraffin wax. \
The wax is melted at eighty degrees and poured into a mould. Once it cools, the crayons are pushed out, inspected, \
and wrapped by machine. Quality control checks every batch for colour and strength."
ffmpeg -y -loglevel error -i "$tmp/dx1.wav" -af "apad=whole_dur=45,adelay=2000" -t 45 -ar 48000 -ac 1 "$tmp/dialogue.wav"
ffmpeg -y -loglevel error -f lavfi -i "sine=f=220:d=45" -f lavfi -i "sine=f=277.18:d=45" -f lavfi -i "sine=f=329.63:d=45" \
  -filter_complex "[0][1][2]amix=inputs=3,volume=0.5,tremolo=f=0.5:d=0.4,afade=t=in:d=3,afade=t=out:st=41:d=4" \
  -ar 48000 -ac 1 "$tmp/music.wav"
ffmpeg -y -loglevel error -f lavfi -i "anoisesrc=d=45:c=pink:a=0.3" \
  -af "volume='if(lt(mod(t,6),0.4),1,0.08)':eval=frame,highpass=f=200" -ar 48000 -ac 1 "$tmp/effects.wav"
ffmpeg -y -loglevel error -i "$tmp/dialogue.wav" -i "$tmp/music.wav" -i "$tmp/effects.wav" \
  -filter_complex "[0]volume=1.0[a];[1]volume=0.35[b];[2]volume=0.5[c];[a][b][c]amix=inputs=3:normalize=0" \
  -ar 48000 -ac 2 "$tmp/full.wav"
for stem in dialogue music effects full; do ffmpeg -y -loglevel error -i "$tmp/$stem.wav" -c:a libopus -b:a 32k "$out/mix-$stem.ogg"; done
# The seed's loudness figures come from this measurement (ITU-R BS.1770 via ffmpeg's ebur128).
ffmpeg -hide_banner -i "$tmp/full.wav" -af ebur128=peak=true -f null - 2>&1 | sed -n '/Summary/,$p'
