# The showroom-kiosk .deb: what `cmake --install` puts where, and how CPack packs it
# (deploy/build-package.sh; the README's "Deployment: a kiosk"). Included from the top CMakeLists.txt.
# The paths are fixed by the package; tests/package/ checks the built .deb against them.

set(KIOSK_PACKAGE_NAME showroom-kiosk)
set(KIOSK_PACKAGE_SOURCE "${PROJECT_SOURCE_DIR}/deploy")
set(KIOSK_PACKAGE_GENERATED "${PROJECT_BINARY_DIR}/package-control")

# ---- the files ---------------------------------------------------------------------------------
# Relative destinations land under /usr (CPack's prefix for a .deb); /etc and /lib are absolute.
install(TARGETS kiosk RUNTIME DESTINATION bin)

# The sample packs, one folder each, without content/README.md and FORMAT.md (FORMAT.md goes to the
# docs): the kiosk would accept loose files there, but they are not content.
file(GLOB KIOSK_PACKAGE_PACK_MANIFESTS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/content/*/pack.toml")
foreach(manifest IN LISTS KIOSK_PACKAGE_PACK_MANIFESTS)
  get_filename_component(pack_dir "${manifest}" DIRECTORY)
  install(DIRECTORY "${pack_dir}" DESTINATION share/${KIOSK_PACKAGE_NAME}/content)
endforeach()

# Nothing from assets/ is read at run time, so nothing of it is installed: the pack template is
# compiled into the binary (kiosk/app/embed_files.cmake), the fonts come from fonts-noto-core,
# the schemas are for editors on the authors' machines and the screenshots are for the README.

# The package's own config (content from /usr/share, state in /var/lib, fullscreen): a conffile,
# so an operator's edits survive upgrades. The binary reads it by default (KIOSK_DEFAULT_CONFIG).
install(FILES "${KIOSK_PACKAGE_SOURCE}/debian/kiosk.toml" DESTINATION /etc/${KIOSK_PACKAGE_NAME})

# Every unit in deploy/systemd. Installed, never enabled by the package (the operator runs
# `systemctl enable --now showroom-kiosk`).
file(GLOB KIOSK_PACKAGE_UNITS CONFIGURE_DEPENDS "${KIOSK_PACKAGE_SOURCE}/systemd/*.service"
                                                "${KIOSK_PACKAGE_SOURCE}/systemd/*.timer")
list(SORT KIOSK_PACKAGE_UNITS)
install(FILES ${KIOSK_PACKAGE_UNITS} DESTINATION /lib/systemd/system)
# systemd's and logind's settings for a kiosk (no Ctrl+Alt+Del burst reboot, no suspend key …):
# deploy/systemd/<name>.conf.d/*.conf as vendor drop-ins in /usr/lib/systemd/<name>.conf.d, which an
# operator overrides in /etc/systemd/<name>.conf.d.
file(GLOB KIOSK_PACKAGE_DROP_INS CONFIGURE_DEPENDS "${KIOSK_PACKAGE_SOURCE}/systemd/*.conf.d/*.conf")
foreach(drop_in IN LISTS KIOSK_PACKAGE_DROP_INS)
  get_filename_component(drop_in_dir "${drop_in}" DIRECTORY)
  get_filename_component(drop_in_dir "${drop_in_dir}" NAME)
  install(FILES "${drop_in}" DESTINATION lib/systemd/${drop_in_dir})
endforeach()

install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/content/FORMAT.md"
        DESTINATION share/doc/${KIOSK_PACKAGE_NAME})

# ---- the maintainer scripts ----------------------------------------------------------------------
# prerm and postrm name every unit above (they stop them, and forget an operator's enabling on purge):
# the list is filled in here so that a new unit in deploy/systemd needs no edit of the scripts.
set(KIOSK_PACKAGE_UNIT_NAMES "")
foreach(unit IN LISTS KIOSK_PACKAGE_UNITS)
  get_filename_component(unit_name "${unit}" NAME)
  string(APPEND KIOSK_PACKAGE_UNIT_NAMES " ${unit_name}")
endforeach()
string(STRIP "${KIOSK_PACKAGE_UNIT_NAMES}" KIOSK_PACKAGE_UNIT_NAMES)
configure_file("${KIOSK_PACKAGE_SOURCE}/debian/postinst" "${KIOSK_PACKAGE_GENERATED}/postinst" COPYONLY)
configure_file("${KIOSK_PACKAGE_SOURCE}/debian/prerm.in" "${KIOSK_PACKAGE_GENERATED}/prerm" @ONLY)
configure_file("${KIOSK_PACKAGE_SOURCE}/debian/postrm.in" "${KIOSK_PACKAGE_GENERATED}/postrm" @ONLY)
# CPack marks nothing as a conffile by itself.
file(WRITE "${KIOSK_PACKAGE_GENERATED}/conffiles" "/etc/${KIOSK_PACKAGE_NAME}/kiosk.toml\n")

# ---- the package -----------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${KIOSK_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fullscreen touch kiosk for a digital showroom")
# The long description; CPack puts the summary above it and indents it as Debian wants.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Showroom Kiosk plays content packs (TOML, Markdown and pictures) fullscreen on a touch
screen: interactive demos of digital administration and health care, in several
languages, with an anonymous usage log and signed content updates from a central server.
This package ships the kiosk program, the sample packs, a default configuration and the
systemd units; it creates the system user 'kiosk' and enables nothing by itself.")
set(KIOSK_PACKAGE_MAINTAINER "Showroom Kiosk maintainers <kiosk@innovationshub.invalid>"
    CACHE STRING "The Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KIOSK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # showroom-kiosk_<version>_<arch>.deb
# The architecture is CPack's default: `dpkg --print-architecture` of the building machine.
# The libraries' packages come from dpkg-shlibdeps (dpkg-dev); the rest is what the kiosk needs
# besides libraries: the Noto fonts it loads by path, the time zones its opening hours are in
# (localtime_r reads them; without tzdata they would silently be UTC), adduser for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# FFmpeg's libraries are loaded while a clip is checked or played, not linked
# (kiosk/core/media/ffmpeg_libraries.hpp), so dpkg-shlibdeps cannot see them: named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, tzdata, adduser, libavformat59, libavcodec59, libavutil57, libswscale6, libswresample4")
# What the units need besides the kiosk (deploy/systemd says why): cage, the Wayland kiosk
# compositor showroom-kiosk.service runs it in, with xwayland (cage will not start without it) and
# pkill (procps) for a clean stop; Mesa's EGL, GBM and DRI drivers, which SDL loads at run time to
# draw on Wayland or KMS. Recommends, not Depends: on a desktop's X11 the kiosk needs none of them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland, procps, libegl1, libgbm1, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${KIOSK_PACKAGE_GENERATED}/postinst;${KIOSK_PACKAGE_GENERATED}/prerm;${KIOSK_PACKAGE_GENERATED}/postrm;${KIOSK_PACKAGE_GENERATED}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)  # scripts 0755, conffiles 0644
# A RelWithDebInfo binary is ~90 MB with its debug information; the package ships it stripped.
set(CPACK_STRIP_FILES ON)
include(CPack)
