# External dependencies, each pinned the way ../shared/notes/toolchain.md measured to work.

find_package(PkgConfig REQUIRED)
# jemalloc serves all non-GC memory; it is unprefixed on Debian, so linking it replaces malloc
# in the whole process (LLVM and libgccjit included, which is fine).
pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
add_library(strata_jemalloc INTERFACE)
if(JEMALLOC_FOUND AND NOT STRATA_SANITIZE)
  target_link_libraries(strata_jemalloc INTERFACE PkgConfig::JEMALLOC)
  target_compile_definitions(strata_jemalloc INTERFACE STRATA_JEMALLOC=1)
elseif(NOT JEMALLOC_FOUND)
  message(WARNING "jemalloc not found: using the system malloc (run scripts/setup.sh)")
endif()

if(STRATA_WITH_LLVM)
  # No version argument: LLVMConfigVersion.cmake wants an exact major.minor ("19" != 19.1.7).
  # Pinned by path, because unpinned it picks whichever llvm-N-dev comes first.
  find_package(LLVM CONFIG
               HINTS /usr/lib/llvm-${STRATA_LLVM_VERSION}/lib/cmake/llvm NO_DEFAULT_PATH)
  if(NOT LLVM_FOUND)
    message(FATAL_ERROR "LLVM ${STRATA_LLVM_VERSION} not found: run scripts/setup.sh, "
                        "or configure with -DSTRATA_WITH_LLVM=OFF")
  endif()
  if(NOT LLVM_VERSION_MAJOR EQUAL STRATA_LLVM_VERSION)
    message(FATAL_ERROR "wanted LLVM ${STRATA_LLVM_VERSION}, found ${LLVM_PACKAGE_VERSION}")
  endif()
  add_library(strata_llvm INTERFACE)
  target_include_directories(strata_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
  separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(strata_llvm INTERFACE ${_llvm_defs})
  target_link_libraries(strata_llvm INTERFACE LLVM)   # the shared libLLVM
endif()

if(STRATA_WITH_GCCJIT)
  # libgccjit has no pkg-config file and no CMake package. Its header sits in GCC's private
  # include dir, which must never be added with -I (GCC-only intrinsics headers break clang),
  # so expose libgccjit.h alone through a directory holding a link to it.
  execute_process(COMMAND gcc -print-file-name=libgccjit.so
                  OUTPUT_VARIABLE _gj OUTPUT_STRIP_TRAILING_WHITESPACE)
  get_filename_component(_gjdir "${_gj}" DIRECTORY)
  find_library(GCCJIT_LIBRARY gccjit HINTS ${_gjdir} /usr/lib/gcc/x86_64-linux-gnu/12)
  find_path(GCCJIT_INCLUDE_DIR libgccjit.h
            HINTS ${_gjdir}/include /usr/lib/gcc/x86_64-linux-gnu/12/include)
  if(NOT GCCJIT_LIBRARY OR NOT GCCJIT_INCLUDE_DIR)
    message(FATAL_ERROR "libgccjit not found: run scripts/setup.sh, "
                        "or configure with -DSTRATA_WITH_GCCJIT=OFF")
  endif()
  set(_gjinc ${CMAKE_BINARY_DIR}/gccjit-include)
  file(MAKE_DIRECTORY ${_gjinc})
  file(CREATE_LINK ${GCCJIT_INCLUDE_DIR}/libgccjit.h ${_gjinc}/libgccjit.h SYMBOLIC)
  add_library(strata_gccjit INTERFACE)
  target_include_directories(strata_gccjit SYSTEM INTERFACE ${_gjinc})
  target_link_libraries(strata_gccjit INTERFACE ${GCCJIT_LIBRARY})
endif()

# Google Benchmark for bench/ (STRATA_BENCH). Debian's libbenchmark-dev (1.7.1) installs a
# CMake package (benchmark::benchmark, the shared library). Without it the micro-benchmarks
# are left out with a warning rather than failing the configure: they are optional.
if(STRATA_BENCH)
  find_package(benchmark CONFIG QUIET)
  if(NOT benchmark_FOUND)
    message(WARNING "Google Benchmark not found: bench/ is not built "
                    "(install libbenchmark-dev, or configure with -DSTRATA_BENCH=OFF)")
    set(STRATA_BENCH OFF)
  endif()
endif()
