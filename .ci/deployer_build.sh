#!/usr/bin/env bash
# The deployer's build, as a new user runs it: a fresh clone of this checkout, the first command of README.md's
# "## Deploy" block run as written, on a PATH that has the JDK and Node.js but none of the test tools (moto_server,
# Chromium, chromedriver, the AWS CLI, jq, curl, Python). It must leave target/function.zip and must not install or build
# a test-only npm project (src/test/amplify/*, src/test/axe). Maven's and npm's caches are shared with this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q . "$work/clone"

# A PATH of links to every command on this one, less the test tools. Chromium and chromedriver are found by absolute
# path by the tests: the deployer's build must not need them at all, which the checks below show.
hidden="moto_server aws jq chromium chromedriver curl wget cfn-lint sam python python3 pip pip3"
mkdir "$work/bin"
IFS=: read -ra dirs <<< "$PATH"
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || continue
  for cmd in "$dir"/*; do
    name=$(basename "$cmd")
    [ -x "$cmd" ] && [ ! -d "$cmd" ] || continue
    case " $hidden " in *" $name "*) continue ;; esac
    [ -e "$work/bin/$name" ] || ln -s "$cmd" "$work/bin/$name"
  done
done

# The block's first line, without its comment: the command a deployer copies.
command=$(awk '/^## Deploy/{d=1} d && /^```bash/{getline; print; exit}' README.md | sed 's/ *#.*//')
case "$command" in ./mvnw\ *) ;; *) echo "README's Deploy block does not start with ./mvnw: '$command'"; exit 1 ;; esac
echo "deployer's build: $command (hidden: $hidden)"
for tool in $hidden; do
  if PATH="$work/bin" command -v "$tool" >/dev/null 2>&1; then echo "$tool is still on the PATH"; exit 1; fi
done

(cd "$work/clone" && env -u AWS_ENDPOINT_URL_DYNAMODB PATH="$work/bin" bash -c "$command -B -ntp" > "$work/build.log" 2>&1) \
  || { tail -40 "$work/build.log"; echo "the deployer's build failed"; exit 1; }

[ -s "$work/clone/target/function.zip" ] || { echo "no target/function.zip"; exit 1; }
[ -s "$work/clone/target/token-trigger.zip" ] || { echo "no target/token-trigger.zip (the user pool's trigger)"; exit 1; }
for fixture in src/test/amplify/v5 src/test/amplify/v6 src/test/axe; do
  [ ! -e "$work/clone/$fixture/node_modules" ] || { echo "$fixture was installed"; exit 1; }
done
[ ! -e "$work/clone/target/amplify" ] || { echo "the Amplify pages were built"; exit 1; }
if grep -q "Tests run:" "$work/build.log"; then echo "tests ran in the deployer's build"; exit 1; fi
echo "deployer's build ok: target/function.zip $(stat -c %s "$work/clone/target/function.zip") bytes," \
  "target/token-trigger.zip $(stat -c %s "$work/clone/target/token-trigger.zip") bytes, no test fixture"
