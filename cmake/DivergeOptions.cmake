# Build options shared by every diverge target. Nothing here touches global flags:
# targets opt in by linking diverge::warnings (and get sanitizers when enabled).
option(DIVERGE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(DIVERGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(diverge_warnings INTERFACE)
add_library(diverge::warnings ALIAS diverge_warnings)
target_compile_options(diverge_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(DIVERGE_WARNINGS_AS_ERRORS)
  target_compile_options(diverge_warnings INTERFACE -Werror)
endif()
if(DIVERGE_SANITIZE)
  target_compile_options(diverge_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(diverge_warnings INTERFACE -fsanitize=address,undefined)
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
