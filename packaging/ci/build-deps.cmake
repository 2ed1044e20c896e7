# Builds the libraries that Windows and macOS runners lack, from their release tags, into PREFIX:
# KDE's extra-cmake-modules and KSyntaxHighlighting (KF6), and QtKeychain.
#   cmake -DPREFIX=DIR -DQT_PREFIX=DIR [-DGENERATOR=Ninja] -P packaging/ci/build-deps.cmake
# Run by the release pipelines (release-windows.yml, release-macos.yml).
cmake_minimum_required(VERSION 3.25)
foreach(var PREFIX QT_PREFIX)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "build-deps.cmake: -D${var}=DIR is required")
    endif()
endforeach()
if(NOT DEFINED GENERATOR)
    set(GENERATOR Ninja)
endif()
set(work "${PREFIX}/src")
file(MAKE_DIRECTORY "${work}")

function(build name url tag)
    set(src "${work}/${name}")
    if(NOT EXISTS "${src}")
        execute_process(COMMAND git clone --depth 1 --branch ${tag} ${url} "${src}" COMMAND_ERROR_IS_FATAL ANY)
    endif()
    execute_process(COMMAND "${CMAKE_COMMAND}" -S "${src}" -B "${src}/build" -G "${GENERATOR}"
        -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=${PREFIX}"
        "-DCMAKE_PREFIX_PATH=${PREFIX};${QT_PREFIX}" -DBUILD_TESTING=OFF -DBUILD_WITH_QT6=ON
        -DBUILD_QCH=OFF -DBUILD_TRANSLATIONS=OFF ${ARGN}
        COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND "${CMAKE_COMMAND}" --build "${src}/build" --config Release COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND "${CMAKE_COMMAND}" --install "${src}/build" --config Release COMMAND_ERROR_IS_FATAL ANY)
endfunction()

# The same versions as Debian 13 ships, which the tests run against.
build(extra-cmake-modules https://invent.kde.org/frameworks/extra-cmake-modules.git v6.13.0)
build(syntax-highlighting https://invent.kde.org/frameworks/syntax-highlighting.git v6.13.0)
build(qtkeychain https://github.com/frankosterfeld/qtkeychain.git 0.15.0)
