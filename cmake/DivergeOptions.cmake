# Build options shared by every diverge target. Nothing here touches global flags:
# targets opt in by linking diverge::warnings (and get sanitizers when enabled).
option(DIVERGE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
# DIVERGE_SANITIZE: OFF, ON (= address,undefined) or a -fsanitize= list such as
# "address,undefined" or "undefined". UBSan findings abort (no recovery), so a test
# that triggers one fails.
set(DIVERGE_SANITIZE OFF CACHE STRING
    "Sanitizers for every diverge target: OFF, ON (address,undefined) or a -fsanitize list")
# DIVERGE_BUILD_FUZZ: libFuzzer targets in fuzz/ (clang only); every module is built
# with coverage instrumentation (-fsanitize=fuzzer-no-link) plus the sanitizers above,
# which default to address,undefined in a fuzz build. See scripts/fuzz.sh.
option(DIVERGE_BUILD_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)
# DIVERGE_ODR_CHECK: link-time optimisation with One Definition Rule violations as errors
# (g++ -flto -Werror=odr): two different types or inline functions of one name linked into
# one program fail the link. A check build, not a release one: scripts/run.sh odr (CI)
# builds the diverge binary and the test runner this way in build-odr/.
option(DIVERGE_ODR_CHECK "Link with -flto and fail on One Definition Rule violations" OFF)

add_library(diverge_warnings INTERFACE)
add_library(diverge::warnings ALIAS diverge_warnings)
target_compile_options(diverge_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(DIVERGE_WARNINGS_AS_ERRORS)
  target_compile_options(diverge_warnings INTERFACE -Werror)
endif()
set(diverge_sanitizers "")
if(DIVERGE_SANITIZE MATCHES "^(ON|on|On|TRUE|true|YES|yes|1)$")
  set(diverge_sanitizers "address,undefined")
elseif(DIVERGE_SANITIZE AND NOT DIVERGE_SANITIZE MATCHES "^(OFF|off|Off|FALSE|false|NO|no|0)$")
  set(diverge_sanitizers "${DIVERGE_SANITIZE}")
elseif(DIVERGE_BUILD_FUZZ)
  set(diverge_sanitizers "address,undefined")
endif()
if(DIVERGE_ODR_CHECK)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "DIVERGE_ODR_CHECK needs g++ (its -Wodr runs at link time)")
  endif()
  # CMake's IPO gives -flto=auto -fno-fat-lto-objects and archives made with gcc-ar.
  set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
  target_compile_options(diverge_warnings INTERFACE -Wodr -Wlto-type-mismatch)
  target_link_options(diverge_warnings INTERFACE -Werror=odr -Werror=lto-type-mismatch)
endif()
if(DIVERGE_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "DIVERGE_BUILD_FUZZ needs clang (CXX=clang++); see scripts/fuzz.sh")
  endif()
  target_compile_options(diverge_warnings INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(diverge_sanitizers)
  message(STATUS "diverge: sanitizers ${diverge_sanitizers}")
  target_compile_options(diverge_warnings INTERFACE
    -fsanitize=${diverge_sanitizers} -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(diverge_warnings INTERFACE -fsanitize=${diverge_sanitizers})
endif()

# diverge_module(NAME SOURCES... DEPS ...): one module = one static library
# `diverge_NAME` (alias diverge::NAME) whose public headers are included as
# "<module dir>/<file>.h" relative to the project root.
function(diverge_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(diverge_${name} STATIC ${M_SOURCES})
  add_library(diverge::${name} ALIAS diverge_${name})
  target_include_directories(diverge_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
  target_link_libraries(diverge_${name} PUBLIC ${M_DEPS} PRIVATE diverge::warnings)
  set_property(GLOBAL APPEND PROPERTY DIVERGE_MODULES diverge::${name})
endfunction()
