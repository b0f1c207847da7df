# Unity builds: each target compiles its sources in batches, one translation unit per batch, so
# the heavy headers every file includes (nlohmann/json, Catch2, the standard library) are parsed
# once per batch instead of once per file. On the 2-core CI machine this is most of the build
# time. Turn it off (-DDPSLINT_UNITY_BUILD=OFF) when editing one file at a time with ccache.
option(DPSLINT_UNITY_BUILD "Compile each target's sources in batches (faster full builds)" ON)
set(DPSLINT_UNITY_BATCH_SIZE 16 CACHE STRING "Source files per unity batch")

function(dpslint_unity target)
  if(DPSLINT_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON
                                               UNITY_BUILD_BATCH_SIZE ${DPSLINT_UNITY_BATCH_SIZE})
  endif()
endfunction()

# Files whose file-local names (anonymous namespaces, helpers) repeat another file's: compiled
# on their own. Call it from the directory that defines the target.
function(dpslint_unity_alone)
  set_source_files_properties(${ARGN} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
