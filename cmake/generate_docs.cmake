# SPDX-License-Identifier: Apache-2.0
# Run by the docs target (cmake -P): asks the binary for its commands, then
# writes complaints.1, complaints-CMD.1 for each, and the three completion
# scripts. Arguments: COMPLAINTS, SOURCE (man/), MAN_DIR, COMPLETIONS_DIR.
file(MAKE_DIRECTORY ${MAN_DIR} ${COMPLETIONS_DIR})
# Pages of commands that are gone must not be installed.
file(GLOB stale ${MAN_DIR}/*.1)
if(stale)
  file(REMOVE ${stale})
endif()

function(run_to output)
  execute_process(COMMAND ${COMPLAINTS} ${ARGN}
                  OUTPUT_FILE ${output}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE ${output})
    message(FATAL_ERROR "complaints ${ARGN} failed (${status})")
  endif()
endfunction()

run_to(${MAN_DIR}/complaints.1 __man --source ${SOURCE})
execute_process(COMMAND ${COMPLAINTS} __man --commands
                OUTPUT_VARIABLE commands RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "complaints __man --commands failed (${status})")
endif()
string(REPLACE "\n" ";" commands "${commands}")
foreach(command IN LISTS commands)
  if(command)
    run_to(${MAN_DIR}/complaints-${command}.1 __man ${command} --source ${SOURCE})
  endif()
endforeach()
run_to(${COMPLETIONS_DIR}/complaints.bash __completion bash)
run_to(${COMPLETIONS_DIR}/_complaints __completion zsh)
run_to(${COMPLETIONS_DIR}/complaints.fish __completion fish)
