# Sourced by the scripts in .ci/.
#
# On some CI machines /dev/null is a regular file: whatever a command "discards" piles up
# in it, and reading it returns that text. Cargo learns about the target by running
# `rustc -` with stdin from /dev/null, so a dirty /dev/null fails every cargo command whose
# probe is not cached yet ("unknown start of token"). Put the real device back, or at least
# empty the file, before each cargo command. Nothing in here discards output into it: while it
# is being replaced, that would create the regular file again.
real_dev_null() {
  if [ -c /dev/null ]; then
    return 0
  fi
  if rm -f /dev/null && mknod -m 666 /dev/null c 1 3; then
    echo "ci: /dev/null was a regular file; replaced it with the null device" >&2
  elif (: >/dev/null); then
    echo "ci: /dev/null is a regular file and cannot be replaced; emptied it" >&2
  else
    echo "ci: /dev/null is a regular file that can be neither replaced nor emptied" >&2
  fi
}
