# Sourced by the scripts in payara/: sf_install_packages "<what for>" <command> <package>... installs Debian
# packages when <command> is missing (as root, or through sudo), or says what to install and fails.
sf_install_packages() {
  local purpose="$1" command="$2"
  shift 2
  if command -v "$command" >/dev/null 2>&1; then
    return 0
  fi
  echo "[secureflows] Installing $* for $purpose"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "$purpose needs $*; install them (apt-get install $*) or run this script as root." >&2
    return 1
  fi
}
