# The fuzz harnesses, shared by the libFuzzer build (tests/fuzz/CMakeLists.txt, the fuzz preset)
# and the replay tests of the normal builds (tests/fuzz_replay/CMakeLists.txt).
set(KIOSK_FUZZ_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(KIOSK_FUZZ_HARNESSES pack_page pack_flow pack_toml markdown catalog archive archive_manifest image config webvtt)

# PREFIX_support: what the harnesses share; PREFIX_NAME: one executable per harness, its
# fuzz_NAME.cpp with the SOURCES and LINK_OPTIONS that make it a program (the replay main, or
# libFuzzer's own through -fsanitize=fuzzer).
function(kiosk_add_fuzz_harnesses prefix)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK_OPTIONS" ${ARGN})
  add_library(${prefix}_support STATIC ${KIOSK_FUZZ_DIR}/fuzz_scratch.cpp ${KIOSK_FUZZ_DIR}/fixed_pack.cpp)
  target_include_directories(${prefix}_support PUBLIC ${KIOSK_FUZZ_DIR})
  target_link_libraries(${prefix}_support PUBLIC kiosk_core)
  target_compile_definitions(${prefix}_support PRIVATE KIOSK_FUZZ_PACK_DIR="${KIOSK_FUZZ_DIR}/pack/fuzz-pack")
  kiosk_warnings(${prefix}_support)
  foreach(name IN LISTS KIOSK_FUZZ_HARNESSES)
    add_executable(${prefix}_${name} ${KIOSK_FUZZ_DIR}/fuzz_${name}.cpp ${ARG_SOURCES})
    target_link_libraries(${prefix}_${name} PRIVATE ${prefix}_support)
    target_link_options(${prefix}_${name} PRIVATE ${ARG_LINK_OPTIONS})
    kiosk_warnings(${prefix}_${name})
  endforeach()
  # The catalog harness signs with a fixed key (libsodium) and parses with signed_document.hpp
  # (nlohmann-json); the archive harness gzips tar inputs (libarchive) and hashes what it extracted.
  target_link_libraries(${prefix}_catalog PRIVATE PkgConfig::SODIUM nlohmann_json::nlohmann_json)
  target_link_libraries(${prefix}_archive PRIVATE PkgConfig::LIBARCHIVE PkgConfig::SODIUM)
endfunction()
