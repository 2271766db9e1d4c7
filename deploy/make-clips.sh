#!/usr/bin/env bash
# Makes the sample packs' explainer clips, their WebVTT subtitles and the sign-language (DGS)
# placeholder clips, from each pack's own SVG illustrations and a narration spoken by espeak-ng.
#
#   deploy/make-clips.sh                                     every content/*/videos/explainer.md
#   deploy/make-clips.sh content/online-id/videos/explainer.md   just that pack
#
# The explainer.md next to each clip (a note for authors: the kiosk never shows .md files) says
# what the clip shows and says; its format is explained in content/README.md ("Explainer clips").
# The script can be run again at any time: it rewrites the pack's explainer clip, its subtitles
# and its DGS placeholder clip, and nothing else (the pages that show them are written by hand,
# the placeholder's poster images/dgs-placeholder.svg too).
#
# It needs ffmpeg (built with librsvg, libx264, libvpx-vp9, libopus: Debian's is), espeak-ng and
# the Noto fonts. These are tools for whoever edits the clips, not build or test dependencies: the
# kiosk never runs this script, the clips it makes are checked in, and the CI does not make them.
# On Debian 12: apt-get install ffmpeg espeak-ng fonts-noto-core
set -euo pipefail
export LC_ALL=C.UTF-8   # ${#text} must count characters, not bytes (umlauts, Cyrillic)

CONTENT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../content" && pwd)
readonly CONTENT_DIR

# The explainer's picture: 1280x720 at 25 fps; the illustration (640x400, 16:10) sits below a
# band that carries the title on the first scene and a closing line on the last.
readonly FPS=25 WIDTH=1280 HEIGHT=720
readonly ART_X=168 ART_Y=118 ART_W=944 ART_H=590
readonly OVERSAMPLE=3          # zoompan crops whole pixels: rendering 3x larger keeps the zoom smooth
readonly ZOOM=0.05             # each scene drifts 5 % in (or out): motion, but calm
readonly FADE=0.8              # crossfade between scenes, seconds
# The narration: espeak-ng's German voice a little slower than its default of 175 words a minute.
readonly VOICE=de RATE=160
readonly LEAD=1.2              # title alone before the first sentence
readonly GAP=0.45              # silence added after each sentence (espeak-ng adds ~0.4 s itself)
readonly TAIL=2.0              # the closing line stays after the last sentence
# Subtitles: at most 2 lines of at most 42 characters per cue; a longer sentence is split into
# several cues, timed by their share of its characters.
readonly MAX_LINE=42
# The DGS placeholder: a still card, upright like a filmed signer, silent.
readonly DGS_W=720 DGS_H=1280 DGS_SECONDS=10

readonly FONT_BOLD=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
readonly FONT_REGULAR=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf

die() { printf 'make-clips: %s\n' "$*" >&2; exit 1; }

need_tools() {
  local tool
  for tool in ffmpeg ffprobe espeak-ng; do
    command -v "$tool" >/dev/null || die "'$tool' is missing: apt-get install ffmpeg espeak-ng"
  done
  for tool in "$FONT_BOLD" "$FONT_REGULAR"; do
    [[ -f $tool ]] || die "font $tool is missing: apt-get install fonts-noto-core"
  done
  # Not "ffmpeg | grep -q": grep stops reading at the first match and pipefail sees ffmpeg's SIGPIPE.
  [[ $(ffmpeg -hide_banner -decoders 2>/dev/null) == *librsvg* ]] \
    || die "this ffmpeg cannot read SVG (no librsvg): use Debian's ffmpeg package"
}

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
# Rounds seconds to whole frames, so scene lengths and crossfade offsets meet exactly.
frames_time() { awk "BEGIN { printf \"%.3f\", int(($1) * $FPS + 0.5) / $FPS }"; }
vtt_time() { awk "BEGIN { t = $1; h = int(t / 3600); m = int((t - h * 3600) / 60); printf \"%02d:%02d:%06.3f\", h, m, t - h * 3600 - m * 60 }"; }
duration_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

# --- reading a pack's videos/explainer.md -------------------------------------------------------------------

declare -A CONF TEXT
declare -a SCENE_IMAGE SCENE_FIRST SAY LANGS
SENTENCES=0

read_clip_file() {
  local file=$1 line key value number=0
  CONF=() TEXT=() SCENE_IMAGE=() SCENE_FIRST=() SAY=() SENTENCES=0
  while IFS= read -r line || [[ -n $line ]]; do
    number=$((number + 1))
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line =~ ^([a-z][a-z.-]*)[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]] \
      || die "$file:$number: expected 'key = value'"
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    case $key in
      pack|clip|dgs|title.de|title.en|end.de|end.en) CONF[$key]=$value ;;
      scene)
        SCENE_IMAGE+=("$value")
        SCENE_FIRST+=("$SENTENCES") ;;
      de)
        ((${#SCENE_IMAGE[@]} > 0)) || die "$file:$number: a sentence before the first 'scene = images/...'"
        TEXT[de,$SENTENCES]=$value
        SAY[$SENTENCES]=$value
        SENTENCES=$((SENTENCES + 1)) ;;
      say)
        ((SENTENCES > 0)) || die "$file:$number: 'say' belongs after the 'de' sentence it pronounces"
        SAY[$((SENTENCES - 1))]=$value ;;
      *)
        [[ $key =~ ^[a-z]{2}(-[a-z]+)*$ ]] || die "$file:$number: unknown key '$key'"
        ((SENTENCES > 0)) || die "$file:$number: a translation before the first 'de' sentence"
        TEXT[$key,$((SENTENCES - 1))]=$value ;;
    esac
  done <"$file"

  for key in pack clip dgs title.de title.en end.de end.en; do
    [[ -n ${CONF[$key]:-} ]] || die "$file: '$key = ...' is missing"
  done
  ((SENTENCES > 0)) || die "$file: no sentences ('de = ...' lines)"
  local scene
  for scene in "${!SCENE_IMAGE[@]}"; do
    local next=${SCENE_FIRST[$((scene + 1))]:-$SENTENCES}
    ((next > SCENE_FIRST[scene])) || die "$file: scene '${SCENE_IMAGE[$scene]}' has no sentence"
  done
  [[ ${CONF[clip]} =~ ^videos/[a-z0-9._-]+\.(mp4|webm)$ ]] || die "$file: clip must be videos/NAME.mp4 or .webm"
  [[ ${CONF[dgs]} =~ ^videos/[a-z0-9._-]+\.(mp4|webm)$ ]] || die "$file: dgs must be videos/NAME.mp4 or .webm"
}

# The pack's languages, from its pack.toml: every one of them gets a subtitle file.
read_pack_languages() {
  local pack_toml=$1 line
  line=$(grep -E '^languages[[:space:]]*=' "$pack_toml") || die "$pack_toml: no 'languages = [...]'"
  mapfile -t LANGS < <(grep -oE '"[^"]+"' <<<"$line" | tr -d '"')
  [[ ${LANGS[0]:-} == de ]] || die "$pack_toml: the narration is German, so 'de' must be the pack's first language"
}

check_translations() {
  local file=$1 lang i key
  for ((i = 0; i < SENTENCES; i++)); do
    for lang in "${LANGS[@]}"; do
      [[ -n ${TEXT[$lang,$i]:-} ]] || die "$file: sentence $((i + 1)) (\"${TEXT[de,$i]}\") has no '$lang' line"
    done
  done
  for key in "${!TEXT[@]}"; do
    lang=${key%,*}
    [[ " ${LANGS[*]} " == *" $lang "* ]] || die "$file: '$lang' is not one of the pack's languages (${LANGS[*]})"
  done
}

# --- subtitles ------------------------------------------------------------------------------

# Prints the text broken into lines of at most MAX_LINE characters, one line each. Text that fits
# two lines is broken where it reads best: after a punctuation mark or before a dash, else where
# the two lines are closest in length.
wrap_lines() {
  local -a words
  local word line=""
  read -ra words <<<"$1"
  if ((${#1} > MAX_LINE && ${#1} <= 2 * MAX_LINE + 1)); then
    local k best=-1 best_score=0 left right score ends_clause='[.,:;?!]$'
    for ((k = 1; k < ${#words[@]}; k++)); do
      left="${words[*]:0:k}" right="${words[*]:k}"
      ((${#left} <= MAX_LINE && ${#right} <= MAX_LINE)) || continue
      score=$((${#left} - ${#right}))
      ((score < 0)) && score=$((-score))
      [[ $left =~ $ends_clause || ${words[$k]} == "–" ]] && score=$((score - 100))
      if ((best < 0 || score < best_score)); then best=$k best_score=$score; fi
    done
    if ((best > 0)); then
      printf '%s\n%s\n' "${words[*]:0:best}" "${words[*]:best}"
      return
    fi
  fi
  for word in "${words[@]}"; do
    if [[ -z $line ]]; then
      line=$word
    elif ((${#line} + 1 + ${#word} <= MAX_LINE)); then
      line+=" $word"
    else
      printf '%s\n' "$line"
      line=$word
    fi
  done
  printf '%s\n' "$line"
}

# Appends the cues of one sentence (START..END seconds) to the .vtt file.
write_cues() {
  local vtt=$1 text=$2 start=$3 end=$4
  local -a lines
  mapfile -t lines < <(wrap_lines "$text")
  local total=${#text} chunk from=$start i
  for ((i = 0; i < ${#lines[@]}; i += 2)); do
    chunk=${lines[$i]}
    [[ -n ${lines[$((i + 1))]:-} ]] && chunk+=$'\n'"${lines[$((i + 1))]}"
    local to=$end
    if ((i + 2 < ${#lines[@]})); then
      local share=$(( ${#lines[$i]} + ${#lines[$((i + 1))]:-0} + 1 ))
      to=$(calc "$from + ($end - $start) * $share / $total")
    fi
    printf '%s --> %s\n%s\n\n' "$(vtt_time "$from")" "$(vtt_time "$to")" "$chunk" >>"$vtt"
    from=$to
  done
}

# --- the narration and its timing -----------------------------------------------------------

declare -a SPOKEN START SLOT
TOTAL=0

# Speaks every sentence, then lays them end to end with pauses into one track. START[i] is when
# sentence i begins, SPOKEN[i] how long espeak-ng's recording of it lasts.
make_narration() {
  local work=$1 i inputs=() graph="" parts="[lead]"
  local t=$LEAD
  for ((i = 0; i < SENTENCES; i++)); do
    espeak-ng -v "$VOICE" -s "$RATE" -w "$work/sentence$i.wav" -- "${SAY[$i]}"
    SPOKEN[$i]=$(duration_of "$work/sentence$i.wav")
    if ((i + 1 < SENTENCES)); then SLOT[$i]=$(calc "${SPOKEN[$i]} + $GAP"); else SLOT[$i]=$(calc "${SPOKEN[$i]} + $TAIL"); fi
    START[$i]=$t
    t=$(calc "$t + ${SLOT[$i]}")
    inputs+=(-i "$work/sentence$i.wav")
    graph+="[$i:a]aformat=sample_fmts=s16:sample_rates=22050:channel_layouts=mono,apad=whole_dur=${SLOT[$i]}[s$i];"
    parts+="[s$i]"
  done
  TOTAL=$(frames_time "$t")
  graph+="anullsrc=r=22050:cl=mono,atrim=duration=$LEAD,aformat=sample_fmts=s16[lead];"
  graph+="${parts}concat=n=$((SENTENCES + 1)):v=0:a=1,aresample=48000,atrim=duration=${TOTAL}[out]"
  ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -filter_complex "$graph" -map '[out]' \
    -c:a pcm_s16le "$work/narration.wav"
}

# The subtitles are only as good as their timing: find where speech really starts in the
# narration track and refuse to go on if a sentence does not start when its cue does.
check_narration_timing() {
  local work=$1
  local -a onsets
  mapfile -t onsets < <(ffmpeg -hide_banner -nostats -i "$work/narration.wav" \
      -af silencedetect=noise=-45dB:duration=0.6 -f null - 2>&1 |
    sed -n 's/.*silence_end: \([0-9.]*\).*/\1/p')
  # The first silence is the lead-in; a silence ending at the very end of the track is the tail.
  local -a starts=()
  local onset
  for onset in "${onsets[@]}"; do
    awk "BEGIN { exit !($onset < $TOTAL - 0.05) }" && starts+=("$onset")
  done
  ((${#starts[@]} == SENTENCES)) \
    || die "the narration has ${#starts[@]} spoken parts, not $SENTENCES sentences: a pause of 0.6 s inside a sentence? (shorten it in 'say')"
  local i
  for ((i = 0; i < SENTENCES; i++)); do
    awk "BEGIN { d = ${starts[$i]} - ${START[$i]}; exit !(d > -0.05 && d < 0.25) }" \
      || die "sentence $((i + 1)) is heard at ${starts[$i]} s but its cue starts at ${START[$i]} s"
    printf '    sentence %2d: cue at %6.2f s, speech heard at %6.2f s, %4.2f s long\n' \
      $((i + 1)) "${START[$i]}" "${starts[$i]}" "${SPOKEN[$i]}"
  done
}

write_subtitles() {
  local pack_dir=$1 base=$2 lang i vtt
  for lang in "${LANGS[@]}"; do
    vtt="$pack_dir/$base.$lang.vtt"
    printf 'WEBVTT\n\nNOTE made by deploy/make-clips.sh from %s/videos/explainer.md: edit that, not this\n\n' \
      "${CONF[pack]}" >"$vtt"
    for ((i = 0; i < SENTENCES; i++)); do
      # A cue stays until espeak-ng's recording ends (it holds ~0.4 s of silence at the end).
      write_cues "$vtt" "${TEXT[$lang,$i]}" "${START[$i]}" "$(calc "${START[$i]} + ${SPOKEN[$i]}")"
    done
  done
}

# --- the picture ----------------------------------------------------------------------------

# One still per scene, OVERSAMPLE times the clip's size: the illustration on a white ground.
render_scene_stills() {
  local pack_dir=$1 work=$2 scene
  for scene in "${!SCENE_IMAGE[@]}"; do
    local svg="$pack_dir/${SCENE_IMAGE[$scene]}"
    [[ -f $svg ]] || die "$svg does not exist"
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "color=c=white:s=$((WIDTH * OVERSAMPLE))x$((HEIGHT * OVERSAMPLE))" \
      -width $((ART_W * OVERSAMPLE)) -height $((ART_H * OVERSAMPLE)) -i "$svg" \
      -filter_complex "[0][1]overlay=$((ART_X * OVERSAMPLE)):$((ART_Y * OVERSAMPLE)),format=rgb24" \
      -frames:v 1 "$work/scene$scene.png"
  done
}

# drawtext for the band above the illustration: a German line and its English one below.
band_text() {
  local work=$1 name=$2 german=$3 english=$4
  printf '%s' "$german" >"$work/$name.de.txt"
  printf '%s' "$english" >"$work/$name.en.txt"
  printf 'drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=44:fontcolor=0x0B4F8A:x=(w-text_w)/2:y=18,' \
    "$FONT_BOLD" "$work/$name.de.txt"
  printf 'drawtext=fontfile=%s:textfile=%s:expansion=none:fontsize=28:fontcolor=0x4A5563:x=(w-text_w)/2:y=74,' \
    "$FONT_REGULAR" "$work/$name.en.txt"
}

encode_explainer() {
  local pack_dir=$1 work=$2 out=$3
  local scenes=${#SCENE_IMAGE[@]} scene inputs=() graph=""
  local -a bound
  # Scene k is on screen from bound[k]; the crossfade into it starts there, as the sentence
  # before it ends, and is done just after its first sentence begins.
  bound[0]=0
  for ((scene = 1; scene < scenes; scene++)); do
    bound[$scene]=$(frames_time "${START[${SCENE_FIRST[$scene]}]} - $GAP")
  done
  bound[$scenes]=$TOTAL
  local focus_y
  focus_y=$(calc "($ART_Y + $ART_H / 2) / $HEIGHT")
  for ((scene = 0; scene < scenes; scene++)); do
    local length frames zoom text=""
    if ((scene + 1 < scenes)); then length=$(calc "${bound[$((scene + 1))]} - ${bound[$scene]} + $FADE")
    else length=$(calc "${bound[$scene + 1]} - ${bound[$scene]}"); fi
    frames=$(awk "BEGIN { printf \"%d\", $length * $FPS + 0.5 }")
    # In and out by turns; the first scene starts and the last ends at full view, so the first
    # frame is the poster and the last a clean still.
    if ((scene % 2 == 0 && scene + 1 < scenes)); then zoom="1+$ZOOM*on/$((frames - 1))"
    else zoom="1+$ZOOM-$ZOOM*on/$((frames - 1))"; fi
    ((scene == 0)) && text=$(band_text "$work" title "${CONF[title.de]}" "${CONF[title.en]}")
    ((scene + 1 == scenes)) && text=$(band_text "$work" end "${CONF[end.de]}" "${CONF[end.en]}")
    inputs+=(-loop 1 -framerate "$FPS" -t "$length" -i "$work/scene$scene.png")
    graph+="[$scene:v]zoompan=z='$zoom':x='(iw-iw/zoom)/2':y='(ih-ih/zoom)*$focus_y':d=1:s=${WIDTH}x${HEIGHT}:fps=$FPS,"
    graph+="${text}format=yuv420p,setsar=1[v$scene];"
  done
  local last="v0"
  for ((scene = 1; scene < scenes; scene++)); do
    graph+="[$last][v$scene]xfade=transition=fade:duration=$FADE:offset=${bound[$scene]}[x$scene];"
    last="x$scene"
  done
  graph=${graph%;}
  local -a codec
  case $out in
    *.mp4) codec=(-c:v libx264 -preset slow -tune animation -crf 33 -pix_fmt yuv420p
                  -c:a aac -b:a 48k -movflags +faststart) ;;
    *.webm) codec=(-c:v libvpx-vp9 -deadline good -cpu-used 2 -row-mt 1 -crf 42 -b:v 0 -pix_fmt yuv420p
                   -c:a libopus -b:a 32k) ;;
  esac
  # A key frame every 5 s lets the kiosk's seek bar land near where a finger puts it.
  ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -i "$work/narration.wav" \
    -filter_complex "$graph" -map "[$last]" -map "$scenes:a" -t "$TOTAL" \
    -r "$FPS" -g $((5 * FPS)) -threads 2 "${codec[@]}" -ac 1 -ar 48000 -map_metadata -1 "$out"
}

# --- the sign-language placeholder ------------------------------------------------------------

make_dgs_placeholder() {
  local pack_dir=$1 work=$2 out=$3
  # The poster is this figure without the words (the kiosk's SVG reader draws no text).
  [[ -f $pack_dir/images/dgs-placeholder.svg ]] \
    || die "$pack_dir/images/dgs-placeholder.svg is missing: copy it from content/online-id/images"
  local -a lines=(
    "$FONT_BOLD|Platzhalter|64|0x0B4F8A|110"
    "$FONT_REGULAR|DGS-Video folgt|44|0x2B3440|195"
    "$FONT_BOLD|Placeholder|52|0x0B4F8A|1015"
    "$FONT_REGULAR|DGS video to follow|38|0x2B3440|1090"
    "$FONT_REGULAR|Deutsche Gebärdensprache (DGS)|28|0x4A5563|1175"
    "$FONT_REGULAR|German Sign Language|28|0x4A5563|1215"
  )
  local graph="" line i=0 font text size colour y
  for line in "${lines[@]}"; do
    IFS='|' read -r font text size colour y <<<"$line"
    printf '%s' "$text" >"$work/dgs$i.txt"
    graph+="drawtext=fontfile=$font:textfile=$work/dgs$i.txt:expansion=none:fontsize=$size:fontcolor=$colour:x=(w-text_w)/2:y=$y,"
    i=$((i + 1))
  done
  local -a codec
  case $out in
    *.mp4) codec=(-c:v libx264 -preset slow -tune stillimage -crf 30 -movflags +faststart) ;;
    *.webm) codec=(-c:v libvpx-vp9 -deadline good -cpu-used 2 -crf 45 -b:v 0) ;;
  esac
  ffmpeg -hide_banner -loglevel error -y -loop 1 -framerate "$FPS" -t "$DGS_SECONDS" \
    -width "$DGS_W" -height "$DGS_H" -i "$pack_dir/images/dgs-placeholder.svg" \
    -vf "${graph}format=yuv420p,setsar=1" -an -r "$FPS" -g $((5 * FPS)) -threads 2 "${codec[@]}" \
    -map_metadata -1 "$out"
}

# --- one pack -------------------------------------------------------------------------------

describe() {
  local file=$1
  printf '    %-28s %7d bytes  %6.2f s  %s\n' "${file#"$CONTENT_DIR"/}" "$(stat -c %s "$file")" \
    "$(duration_of "$file")" \
    "$(ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 "$file" | paste -sd' ')"
}

make_pack_clips() {
  local clip_file=$1
  read_clip_file "$clip_file"
  # The note lives in the pack's videos/ folder; 'pack =' says which pack, as a check.
  local pack_dir
  pack_dir=$(cd "$(dirname "$clip_file")/.." && pwd)
  [[ -f $pack_dir/pack.toml && $(basename "$pack_dir") == "${CONF[pack]}" ]] \
    || die "$clip_file: belongs in the videos/ folder of pack '${CONF[pack]}'"
  read_pack_languages "$pack_dir/pack.toml"
  check_translations "$clip_file"
  echo "${CONF[pack]}: $SENTENCES sentences in ${#SCENE_IMAGE[@]} scenes, subtitles in ${LANGS[*]}"

  local work="$WORK_DIR/${CONF[pack]}"
  mkdir -p "$work" "$pack_dir/videos"
  make_narration "$work"
  check_narration_timing "$work"
  awk "BEGIN { exit !($TOTAL >= 20 && $TOTAL <= 40) }" \
    || die "$clip_file: the clip would last $TOTAL s; keep it between 20 and 40 s (fewer or shorter sentences)"
  write_subtitles "$pack_dir" "${CONF[clip]%.*}"
  render_scene_stills "$pack_dir" "$work"
  encode_explainer "$pack_dir" "$work" "$pack_dir/${CONF[clip]}"
  make_dgs_placeholder "$pack_dir" "$work" "$pack_dir/${CONF[dgs]}"
  describe "$pack_dir/${CONF[clip]}"
  describe "$pack_dir/${CONF[dgs]}"
}

main() {
  need_tools
  WORK_DIR=$(mktemp -d)
  trap 'rm -rf "$WORK_DIR"' EXIT
  local -a files=("$@")
  ((${#files[@]} > 0)) || files=("$CONTENT_DIR"/*/videos/explainer.md)
  local file
  for file in "${files[@]}"; do
    [[ -f $file ]] || die "$file does not exist"
    make_pack_clips "$file"
  done
}

main "$@"
