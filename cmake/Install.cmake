# `cmake --install` and `cpack -G DEB`: the binary, the man page recall(1) and completions for
# bash, zsh and fish, in the standard folders under the prefix.
include(GNUInstallDirs)

install(TARGETS recall RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The completions come from the binary itself (`recall completion SHELL`, read off the CLI11
# definitions), so they change whenever an option does.
set(RECALL_COMPLETIONS ${PROJECT_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${RECALL_COMPLETIONS}/recall ${RECALL_COMPLETIONS}/_recall
         ${RECALL_COMPLETIONS}/recall.fish
  COMMAND ${CMAKE_COMMAND} -E make_directory ${RECALL_COMPLETIONS}
  COMMAND sh -c "'$<TARGET_FILE:recall>' completion bash > '${RECALL_COMPLETIONS}/recall'"
  COMMAND sh -c "'$<TARGET_FILE:recall>' completion zsh > '${RECALL_COMPLETIONS}/_recall'"
  COMMAND sh -c "'$<TARGET_FILE:recall>' completion fish > '${RECALL_COMPLETIONS}/recall.fish'"
  DEPENDS recall
  COMMENT "Generating shell completions"
  VERBATIM)
add_custom_target(recall_completions ALL
  DEPENDS ${RECALL_COMPLETIONS}/recall ${RECALL_COMPLETIONS}/_recall
          ${RECALL_COMPLETIONS}/recall.fish)
install(FILES ${RECALL_COMPLETIONS}/recall
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${RECALL_COMPLETIONS}/_recall
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${RECALL_COMPLETIONS}/recall.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The man page, from its scdoc source (Debian: scdoc).
find_program(SCDOC scdoc)
if(SCDOC)
  set(RECALL_MAN ${PROJECT_BINARY_DIR}/man/recall.1)
  add_custom_command(
    OUTPUT ${RECALL_MAN}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND sh -c "'${SCDOC}' < '${PROJECT_SOURCE_DIR}/docs/man/recall.1.scd' > '${RECALL_MAN}'"
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/recall.1.scd
    COMMENT "Generating recall(1) with scdoc"
    VERBATIM)
  add_custom_target(recall_man ALL DEPENDS ${RECALL_MAN})
  install(FILES ${RECALL_MAN} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "scdoc not found: the man page recall(1) is neither built nor installed")
endif()

# cpack -G DEB: a Debian package with the dependencies dpkg-shlibdeps finds.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME recall)
set(CPACK_PACKAGE_VENDOR "recall")
set(CPACK_PACKAGE_CONTACT "recall maintainers <recall@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "spaced-repetition flashcards from the notes you already write")
set(CPACK_PACKAGE_INSTALL_DIRECTORY recall)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
