#!/bin/sh
# Compiles the plugin of CompiledPluginCompatibilityTest against the API of this version and
# keeps the jar. Run it only when a release changes what plugins link against on purpose;
# the jar in the repository is what a plugin built against 0.1.0 looks like.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
core=$(ls "$here"/../../../../nmapdiff-core/target/nmapdiff-core-*[0-9T].jar | grep -v -e sources -e javadoc -e tests | head -1)
out=$(mktemp -d)
javac --release 17 -cp "$core" -d "$out" $(find "$here/io" -name '*.java')
jar --create --file "$here/../resources/compat/plugin-0.1.0.jar" --date=2026-11-30T00:00:00Z -C "$out" .
rm -rf "$out"
echo "wrote $here/../resources/compat/plugin-0.1.0.jar"
