#!/usr/bin/env bash
# Checks the showroom-kiosk .deb that deploy/build-package.sh builds (tests/README.md, `package/`):
#   check_package.sh config   SOURCE_DIR                  the packaged config is config/kiosk.toml with the package's paths
#   check_package.sh contents SOURCE_DIR DEB VERSION      control fields, files, conffile, maintainer scripts
#   check_package.sh install  SOURCE_DIR DEB WORK_DIR     dpkg installs it into a clean root, the kiosk runs there, purge
set -euo pipefail

fail() {
  echo "package test: $*" >&2
  exit 1
}

mode=${1:?usage: check_package.sh config|contents|install SOURCE_DIR ...}
source_dir=${2:?SOURCE_DIR missing}

need_deb() {
  [ -f "$1" ] || fail "no package at $1: build it with deploy/build-package.sh (deploy/run-tests.sh does, before ctest)"
}

# Every unit the package must carry: the glob deploy/packaging.cmake installs.
unit_names() {
  local unit
  for unit in "$source_dir"/deploy/systemd/*.service "$source_dir"/deploy/systemd/*.timer; do
    [ -e "$unit" ] && basename "$unit"
  done
}

# systemd's and logind's drop-ins, where the package installs them: /usr/lib/systemd/<name>.conf.d/.
drop_in_paths() {
  local drop_in
  for drop_in in "$source_dir"/deploy/systemd/*.conf.d/*.conf; do
    [ -e "$drop_in" ] && echo "/usr/lib/systemd/${drop_in#"$source_dir"/deploy/systemd/}"
  done
}

# The file with its [content] and [state] tables and the comments above the first table left out.
config_without_package_paths() {
  awk '/^\[/ { skip = ($0 == "[content]" || $0 == "[state]"); started = 1 } started && !skip' "$1"
}

check_config() {
  local repo=$source_dir/config/kiosk.toml packaged=$source_dir/deploy/debian/kiosk.toml
  if ! diff -u <(config_without_package_paths "$repo") <(config_without_package_paths "$packaged") >&2; then
    fail "$packaged differs from $repo outside [content] and [state] (above: - repo, + package):" \
      "copy the change into $packaged, keeping its content.folders and state.folder"
  fi
  grep -qx 'folders = \["/usr/share/showroom-kiosk/content"\]' "$packaged" ||
    fail "$packaged: content.folders must be [\"/usr/share/showroom-kiosk/content\"]"
  grep -qx 'folder = "/var/lib/showroom-kiosk"' "$packaged" ||
    fail "$packaged: state.folder must be \"/var/lib/showroom-kiosk\""
  grep -qx 'mode = "fullscreen"' "$packaged" || fail "$packaged: window.mode must be \"fullscreen\""
  echo "package test: deploy/debian/kiosk.toml is config/kiosk.toml with the package's content and state folders"
}

check_contents() {
  local deb=$1 version=$2
  need_deb "$deb"
  work=$(mktemp -d)  # global: the trap runs when the script ends
  trap 'rm -rf "$work"' EXIT

  # ---- control fields
  local field
  field=$(dpkg-deb --field "$deb" Package)
  [ "$field" = showroom-kiosk ] || fail "Package is '$field', expected showroom-kiosk"
  field=$(dpkg-deb --field "$deb" Version)
  [ "$field" = "$version" ] || fail "Version is '$field', expected $version (project(VERSION) in CMakeLists.txt): a stale .deb?"
  field=$(dpkg-deb --field "$deb" Architecture)
  [ "$field" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$field', expected $(dpkg --print-architecture)"
  local recommends package
  recommends=$(dpkg-deb --field "$deb" Recommends)
  for package in cage xwayland; do  # showroom-kiosk.service runs the kiosk in cage
    tr ',' '\n' <<<"$recommends" | sed 's/^ *//; s/ .*//' | grep -qxF "$package" || fail "Recommends lacks $package: $recommends"
  done
  local depends
  depends=$(dpkg-deb --field "$deb" Depends)
  # From dpkg-shlibdeps (the libraries the binary links) and from packaging.cmake (the rest).
  for package in libc6 libstdc++6 libsdl2-2.0-0 libsdl2-image-2.0-0 libfreetype6 libcurl4 libsodium23 \
                 libarchive13 libqrencode4 libmd4c0 libsqlite3-0 libsystemd0 fonts-noto-core tzdata adduser \
                 libavformat59 libavcodec59 libavutil57 libswscale6 libswresample4; do
    tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qxF "$package" || fail "Depends lacks $package: $depends"
  done

  # ---- files: each expected one is there, and nothing outside the package's own places
  dpkg-deb --contents "$deb" >"$work/listing"
  awk '{ print $6 }' "$work/listing" | sed 's|^\./|/|; s|/$||' | sort >"$work/paths"
  local expected=(/usr/bin/kiosk /etc/showroom-kiosk/kiosk.toml /usr/share/doc/showroom-kiosk/README.md)
  local unit path
  while read -r unit; do expected+=("/lib/systemd/system/$unit"); done < <(unit_names)
  while read -r path; do expected+=("$path"); done < <(drop_in_paths)
  for path in "${expected[@]}"; do
    grep -qx -- "$path" "$work/paths" || fail "the package lacks $path"
  done
  # The sample packs, file for file (README.md and FORMAT.md of content/ are not packs).
  (cd "$source_dir/content" && for pack in */pack.toml; do find "${pack%/pack.toml}" -type f; done) |
    sed 's|^|/usr/share/showroom-kiosk/content/|' | sort >"$work/packs.expected"
  # Only the listing's files ('-' mode), not its directories.
  sed -n 's|^-[^ ]* .* \./usr/share/showroom-kiosk/content/|/usr/share/showroom-kiosk/content/|p' "$work/listing" |
    sort >"$work/packs.packaged"
  diff -u "$work/packs.expected" "$work/packs.packaged" >&2 ||
    fail "the packaged sample packs differ from content/*/ (above: - content/, + package)"
  local stray
  stray=$(grep -Ev '^(/?|/usr|/usr/bin|/usr/bin/kiosk|/usr/share|/usr/share/showroom-kiosk(/.*)?|/usr/share/doc|/usr/share/doc/showroom-kiosk(/.*)?|/etc|/etc/showroom-kiosk|/etc/showroom-kiosk/kiosk.toml|/lib|/lib/systemd|/lib/systemd/system|/lib/systemd/system/[^/]+\.(service|timer)|/usr/lib|/usr/lib/systemd|/usr/lib/systemd/[a-z]+\.conf\.d(/[^/]+\.conf)?)$' \
    "$work/paths" || true)
  [ -z "$stray" ] || fail "files outside the package's places (/usr/local, the build folder …):"$'\n'"$stray"
  if awk '$2 != "root/root"' "$work/listing" | grep -q .; then
    fail "files not owned by root/root:"$'\n'"$(awk '$2 != "root/root"' "$work/listing")"
  fi
  grep -Eq '^-rwxr-xr-x .* \./usr/bin/kiosk$' "$work/listing" || fail "/usr/bin/kiosk is not mode 0755"
  grep -Eq '^-rw-r--r-- .* \./etc/showroom-kiosk/kiosk.toml$' "$work/listing" ||
    fail "/etc/showroom-kiosk/kiosk.toml is not mode 0644"

  # ---- the binary: stripped. (Its compiled-in config path is checked by running it: the install
  # test starts it with no --config. The compiler splits that string, so grep could not find it.)
  dpkg-deb --extract "$deb" "$work/root"
  if readelf --section-headers "$work/root/usr/bin/kiosk" | grep -q '\.debug_info'; then
    fail "/usr/bin/kiosk has debug information: CPACK_STRIP_FILES did not strip it"
  fi

  # ---- control files: the conffile, the maintainer scripts
  dpkg-deb --control "$deb" "$work/control"
  [ "$(cat "$work/control/conffiles")" = /etc/showroom-kiosk/kiosk.toml ] ||
    fail "conffiles is '$(cat "$work/control/conffiles" 2>/dev/null)', expected /etc/showroom-kiosk/kiosk.toml"
  command -v shellcheck >/dev/null || fail "shellcheck is not installed: run deploy/install-deps.sh"
  local script
  for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "the package has no executable $script"
    sh -n "$work/control/$script" || fail "$script: sh -n finds a syntax error"
    shellcheck --shell=sh --severity=style "$work/control/$script" >&2 || fail "$script: shellcheck finds the problems above"
    ! grep -q '@[A-Z_]*@' "$work/control/$script" || fail "$script has an unreplaced @PLACEHOLDER@"
  done
  for script in prerm postrm; do
    while read -r unit; do
      grep -q "^units=\".*\b$unit\b" "$work/control/$script" || fail "$script does not name $unit (reconfigure the build)"
    done < <(unit_names)
  done
  if [ -e "$work/control/preinst" ]; then fail "an unexpected preinst"; fi
  echo "package test: $(basename "$deb"): fields, $(wc -l <"$work/paths") paths, conffile and scripts as expected"
}

# ---- a clean root ---------------------------------------------------------------------------------
# A root with nothing but what a Debian system with the package's dependencies would offer the
# maintainer scripts and the kiosk, copied from this machine: the shell and the few tools the scripts
# call, adduser with perl-base, passwd's tools and PAM, base-passwd's initial users and groups (as
# debootstrap starts a system), the kiosk's libraries and fonts. Its dpkg database records the
# packages those files come from as installed (this machine's status entries, with the files of theirs
# the root holds), so dpkg checks the .deb's Depends against real versions and, as on a real system,
# leaves /lib alone when the package's last file there goes. dpkg --root runs the maintainer scripts
# chrooted into it, with no systemd running.

# Files are gathered first (by their real folder, links kept as links and followed), then copied in
# one go: a copy per file would cost more than everything else in the test.
declare -A wanted=() real_folder=()
wanted_files=()

want() {  # PATH...: into the root, and the targets of links; folders are made as needed
  local path folder target
  for path; do
    folder=${path%/*}
    folder=${folder:-/}
    [ -n "${real_folder[$folder]:-}" ] || real_folder[$folder]=$(readlink -f "$folder")
    path=${real_folder[$folder]%/}/${path##*/}
    [ -n "${wanted[$path]:-}" ] && continue
    wanted[$path]=1
    if [ -L "$path" ]; then
      wanted_files+=("$path")
      target=$(readlink "$path")
      case $target in /*) ;; *) target=${path%/*}/$target ;; esac
      want "$target"
    elif [ -f "$path" ]; then
      wanted_files+=("$path")
    elif [ ! -d "$path" ]; then
      fail "cannot copy $path into the root: it is not on this machine"
    fi
  done
}

want_with_libraries() {  # PATH...: like want, and for ELF files every library they load (ldd lists them all)
  want "$@"
  local path magic elf=()
  for path; do
    if [ -f "$path" ] && read -r -N 4 magic <"$path" 2>/dev/null && [ "$magic" = $'\x7fELF' ]; then elf+=("$path"); fi
  done
  [ ${#elf[@]} -eq 0 ] || want_libraries_of "${elf[@]}"
}

want_libraries_of() {  # ELF_FILE...: the shared libraries they load, and the dynamic loader
  local lib
  while read -r lib; do want "$lib"; done < <(ldd "$@" 2>/dev/null | grep -Eo '/[^ ]+ \(0x' | cut -d' ' -f1)
}

want_package() {  # PACKAGE: its files with their libraries, not its documentation
  local path files=()
  while read -r path; do
    if [ -L "$path" ] || { [ -f "$path" ] && [ ! -d "$path" ]; }; then files+=("$path"); fi
  done < <(dpkg-query --listfiles "$1" | grep -Ev '^/usr/share/(doc|man|locale|lintian|info)/')
  want_with_libraries "${files[@]}"
}

copy_wanted_into_root() {
  printf '%s\n' "${wanted_files[@]#/}" | tar -C / --no-recursion -cf - -T - | tar -C "$root" -xf -
  wanted_files=()
}

register_in_root() {  # PACKAGE...: installed in the root's dpkg database, owning the files of theirs it holds
  local package list path registered
  dpkg-query --status "$@" >>"$root/var/lib/dpkg/status" ||
    fail "this machine lacks one of $*: run deploy/install-deps.sh"
  for package; do
    for list in "/var/lib/dpkg/info/$package.list" /var/lib/dpkg/info/"$package":*.list; do
      [ -f "$list" ] || continue
      registered=$root/var/lib/dpkg/info/$(basename "$list")
      while read -r path; do
        if [ -e "$root$path" ] || [ -L "$root$path" ]; then echo "$path"; fi
      done <"$list" >"$registered"
      break
    done
  done
}

make_clean_root() {  # DEB: into $root, with $work for scratch
  rm -rf "$root"
  mkdir -p "$root"/{etc,var/lib/dpkg/info,var/lib/dpkg/updates,var/log,tmp,dev,run,usr/bin,usr/sbin,usr/lib}
  chmod 1777 "$root/tmp"
  touch "$root/var/lib/dpkg/status"
  local top
  for top in bin sbin lib lib32 lib64 libx32; do  # merged /usr, where this machine has it
    if [ -L "/$top" ]; then ln -s "$(readlink "/$top")" "$root/$top"; fi
  done
  mknod -m 666 "$root/dev/null" c 1 3 || fail "cannot make $root/dev/null (mknod): the install test needs root with CAP_MKNOD"
  cp /usr/share/base-passwd/passwd.master "$root/etc/passwd"
  # 'input' as a system with udev has it, 'render' missing as in a container: both branches of the postinst.
  { cat /usr/share/base-passwd/group.master; echo 'input:x:101:'; } >"$root/etc/group"
  cut -d: -f1 "$root/etc/passwd" | sed 's/$/:*:19000:0:99999:7:::/' >"$root/etc/shadow"
  cut -d: -f1 "$root/etc/group" | sed 's/$/:*::/' >"$root/etc/gshadow"
  chmod 640 "$root/etc/shadow" "$root/etc/gshadow"

  local tool
  for tool in sh mkdir chown chmod rm ln readlink cat getent; do want_with_libraries "$(command -v "$tool")"; done
  want_package perl-base
  want_package adduser
  want_package passwd
  # adduser sets the user's name through chfn, which asks PAM (root passes by pam_rootok).
  # The common-* stacks are this machine's (pam-auth-update writes them), with every module installed here.
  want_package libpam-runtime
  want /etc/pam.d/common-*
  want_with_libraries "$(dirname "$(readlink -f /usr/lib/*/security/pam_unix.so)")"/*.so
  want /etc/login.defs /usr/sbin/nologin

  # What the kiosk needs of its dependencies: the libraries it loads, the fonts it opens by path.
  dpkg-deb --fsys-tarfile "$1" | tar -xO ./usr/bin/kiosk >"$work/kiosk"
  chmod +x "$work/kiosk"
  want_libraries_of "$work/kiosk"
  # FFmpeg is not linked but loaded while a clip is checked or played (kiosk/core/media/
  # ffmpeg_libraries.hpp): ldd does not list it, so its libraries are taken with theirs.
  local ffmpeg found
  for ffmpeg in libavformat.so.59 libavcodec.so.59 libavutil.so.57 libswscale.so.6 libswresample.so.4; do
    # awk reads to the end: quitting early would stop ldconfig with SIGPIPE, and pipefail would end the script
    found=$(ldconfig -p | awk -v name="$ffmpeg" '$1 == name && !path {path = $NF} END {print path}')
    [ -n "$found" ] || fail "$ffmpeg is not installed on this machine (deploy/install-deps.sh)"
    want_with_libraries "$found"
  done
  want /usr/share/fonts/truetype/noto/NotoSans-{Regular,Bold,Italic,BoldItalic}.ttf
  copy_wanted_into_root

  local depends
  depends=$(dpkg-deb --field "$1" Depends | tr ',' '\n' | sed 's/^ *//; s/[ |].*//')
  # shellcheck disable=SC2086 # one word per package
  register_in_root $depends dash coreutils libc-bin perl-base passwd libpam-runtime libpam-modules login
}

in_root_dpkg() {
  # unsafe-io: no fsync for every file of a root that is thrown away after the test.
  dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-unsafe-io "$@"
}

passwd_field() {  # USER FIELD (1-based) from the root's /etc/passwd
  awk -F: -v u="$1" -v f="$2" '$1 == u { print $f }' "$root/etc/passwd"
}

check_installed_state() {
  local uid gid
  [ "$(grep -c '^kiosk:' "$root/etc/passwd")" = 1 ] || fail "the root's /etc/passwd has no (or more than one) user kiosk"
  uid=$(passwd_field kiosk 3)
  gid=$(awk -F: '$1 == "kiosk" { print $3 }' "$root/etc/group")
  [ -n "$gid" ] || fail "the root's /etc/group has no group kiosk"
  [ "$(passwd_field kiosk 4)" = "$gid" ] || fail "the user kiosk's primary group is not kiosk"
  [ "$uid" -lt 1000 ] || fail "kiosk has uid $uid: not a system user"
  [ "$(passwd_field kiosk 6)" = /var/lib/showroom-kiosk ] || fail "kiosk's home is '$(passwd_field kiosk 6)'"
  [ "$(passwd_field kiosk 7)" = /usr/sbin/nologin ] || fail "kiosk's shell is '$(passwd_field kiosk 7)', not /usr/sbin/nologin"
  local group
  for group in video input; do
    grep -Eq "^$group:[^:]*:[0-9]+:(.*,)?kiosk(,|$)" "$root/etc/group" || fail "kiosk is not in the group $group"
    [ "$(grep -Ec "^$group:.*[:,]kiosk(,|$)" "$root/etc/group")" = 1 ] || fail "group $group lists kiosk twice"
  done
  ! grep -q '^render:' "$root/etc/group" || fail "the postinst made a group render (it should only join existing ones)"
  [ "$(stat -c '%u:%g %a' "$root/var/lib/showroom-kiosk")" = "$uid:$gid 750" ] ||
    fail "/var/lib/showroom-kiosk is $(stat -c '%u:%g %a' "$root/var/lib/showroom-kiosk"), expected $uid:$gid 750"
  [ "$(readlink "$root/etc/systemd/system/ctrl-alt-del.target")" = /dev/null ] ||
    fail "ctrl-alt-del.target is not masked (no link to /dev/null in the root's /etc/systemd/system)"
  if find "$root/etc/systemd/system" -name '*.wants' -o -name '*.requires' | grep -q .; then
    fail "the package enabled units by itself: $(find "$root/etc/systemd/system" -path '*.wants/*')"
  fi
  local unit path
  while read -r unit; do
    [ -f "$root/lib/systemd/system/$unit" ] || fail "the root has no /lib/systemd/system/$unit"
  done < <(unit_names)
  while read -r path; do [ -f "$root$path" ] || fail "the root has no $path"; done < <(drop_in_paths)
  [ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${db:Status-Status}' showroom-kiosk)" = installed ] ||
    fail "dpkg does not list showroom-kiosk as installed in the root"
  dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Conffiles}' showroom-kiosk | grep -q '/etc/showroom-kiosk/kiosk.toml' ||
    fail "dpkg did not register /etc/showroom-kiosk/kiosk.toml as a conffile"
}

as_kiosk_in_root() {  # COMMAND...: run inside the root as the user kiosk, with a minimal environment
  env -i PATH=/usr/bin:/bin HOME=/var/lib/showroom-kiosk \
    "$(command -v chroot)" --userspec="$(passwd_field kiosk 3):$(passwd_field kiosk 4)" "$root" "$@"
}

check_install() {
  local deb=$1 work=$2
  need_deb "$deb"
  [ "$(id -u)" = 0 ] || fail "installing into a root needs root (chroot, chown, mknod); CI runs as root"
  root=$work/root
  local started=$SECONDS

  make_clean_root "$deb"
  in_root_dpkg --install "$deb" >"$work/dpkg-install.log" 2>&1 ||
    fail "dpkg --install into $root failed:"$'\n'"$(cat "$work/dpkg-install.log")"
  check_installed_state
  echo "package test: installed into a clean root: user kiosk, its state folder, Ctrl+Alt+Del masked, nothing enabled"

  # The installed kiosk, inside the root as the user kiosk, with no --config: the compiled-in default
  # (/etc/showroom-kiosk/kiosk.toml) must be what it reads, with the content and state folders it names.
  local out packs
  packs=$(find "$source_dir"/content -mindepth 2 -maxdepth 2 -name pack.toml | wc -l)
  out=$(as_kiosk_in_root /usr/bin/kiosk pack validate /usr/share/showroom-kiosk/content 2>&1) ||
    fail "kiosk pack validate of the installed content failed:"$'\n'"$out"
  # Valid, and warned about nothing but the sign-language placeholders (issue 11) that stand in
  # until the DGS clips are filmed.
  if ! grep -q "^$packs packs checked: $packs valid, 0 with errors, [0-9]* warnings\?\.$" <<<"$out" ||
    grep "warning:" <<<"$out" | grep -qv "the sign-language clip is a placeholder"; then
    fail "kiosk pack validate did not find the $packs sample packs valid:"$'\n'"$out"
  fi
  out=$(as_kiosk_in_root /usr/bin/kiosk screenshot --size 640x360 --out /var/lib/showroom-kiosk/home.png 2>&1) ||
    fail "kiosk screenshot with the installed config failed:"$'\n'"$out"
  # The packs come from the config's content folder: nothing on the command line names one.
  grep -q " $packs pack(s) loaded" <<<"$out" || fail "kiosk screenshot did not load the $packs installed packs:"$'\n'"$out"
  [ "$(head -c 8 "$root/var/lib/showroom-kiosk/home.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "kiosk screenshot wrote no PNG: $out"
  out=$(echo 2468 | as_kiosk_in_root /usr/bin/kiosk admin set-pin 2>&1) || fail "kiosk admin set-pin failed:"$'\n'"$out"
  [ -s "$root/var/lib/showroom-kiosk/staff-pin" ] || fail "admin set-pin wrote no staff-pin into the configured state folder: $out"
  echo "package test: the installed kiosk validated its content, drew the home screen and stored a PIN as user kiosk"

  # Again over itself (what an upgrade runs): the operator's config edit and the state stay.
  echo '# edited by the operator' >>"$root/etc/showroom-kiosk/kiosk.toml"
  in_root_dpkg --install "$deb" >"$work/dpkg-reinstall.log" 2>&1 ||
    fail "installing the package a second time failed:"$'\n'"$(cat "$work/dpkg-reinstall.log")"
  check_installed_state
  grep -q '^# edited by the operator$' "$root/etc/showroom-kiosk/kiosk.toml" || fail "reinstalling replaced the operator's config"
  [ -s "$root/var/lib/showroom-kiosk/staff-pin" ] || fail "reinstalling lost the state folder's staff PIN"
  echo "package test: a second install keeps the edited conffile and the state"

  # What `systemctl enable` would have left, and an unrelated unit's link that must stay.
  local unit wants=$root/etc/systemd/system/multi-user.target.wants
  mkdir -p "$wants"
  while read -r unit; do ln -s "/lib/systemd/system/$unit" "$wants/$unit"; done < <(unit_names)
  ln -s /lib/systemd/system/ssh.service "$wants/ssh.service"

  in_root_dpkg --remove showroom-kiosk >"$work/dpkg-remove.log" 2>&1 ||
    fail "dpkg --remove failed:"$'\n'"$(cat "$work/dpkg-remove.log")"
  [ ! -e "$root/usr/bin/kiosk" ] || fail "dpkg --remove left /usr/bin/kiosk"
  while read -r unit; do
    [ ! -e "$root/lib/systemd/system/$unit" ] || fail "dpkg --remove left /lib/systemd/system/$unit"
  done < <(unit_names)
  if [ -L /lib ] && [ ! -L "$root/lib" ]; then fail "dpkg --remove took the root's /lib link with it"; fi
  [ -x "$root/bin/sh" ] || fail "dpkg --remove took the root's /bin/sh with it"
  [ -f "$root/etc/showroom-kiosk/kiosk.toml" ] || fail "dpkg --remove deleted the conffile (only purge may)"
  [ -d "$root/var/lib/showroom-kiosk" ] || fail "dpkg --remove deleted the state folder (only purge may)"

  in_root_dpkg --purge showroom-kiosk >"$work/dpkg-purge.log" 2>&1 ||
    fail "dpkg --purge failed:"$'\n'"$(cat "$work/dpkg-purge.log")"
  [ ! -e "$root/var/lib/showroom-kiosk" ] || fail "purge left /var/lib/showroom-kiosk"
  [ ! -e "$root/etc/showroom-kiosk/kiosk.toml" ] || fail "purge left the conffile"
  [ ! -L "$root/etc/systemd/system/ctrl-alt-del.target" ] || fail "purge left ctrl-alt-del.target masked"
  while read -r unit; do
    [ ! -L "$wants/$unit" ] || fail "purge left the enabling link $wants/$unit"
  done < <(unit_names)
  [ -L "$wants/ssh.service" ] || fail "purge removed another package's link (ssh.service)"
  [ "$(grep -c '^kiosk:' "$root/etc/passwd")" = 1 ] || fail "purge removed the user kiosk (Debian keeps system users)"
  echo "package test: remove kept config and state, purge removed them, the mask and the enabling links, kept the user ($((SECONDS - started)) s)"
  rm -rf "$root"
}

case $mode in
  config) check_config ;;
  contents) check_contents "${3:?DEB missing}" "${4:?VERSION missing}" ;;
  install) check_install "${3:?DEB missing}" "${4:?WORK_DIR missing}" ;;
  *) fail "unknown mode '$mode' (config, contents or install)" ;;
esac
