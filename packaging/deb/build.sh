#!/usr/bin/env bash
# Builds the Debian package of nmapdiff from the shaded jar:
#   packaging/deb/build.sh [OUTPUT_DIR]      (default: target/)
# Build the jar first (./mvnw -B -DskipTests package). Needs dpkg-deb, which every Debian has.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-$top/target}
jar="$top/nmapdiff-examples/target/nmapdiff.jar"
[ -f "$jar" ] || { echo "build.sh: no $jar; build it first: ./mvnw -B -DskipTests package" >&2; exit 2; }

version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
[ -n "$version" ] || { echo "build.sh: the jar's manifest has no Implementation-Version" >&2; exit 2; }
# Debian sorts ~ before anything: 0.1.0~SNAPSHOT comes before the release 0.1.0
debversion=${version//-/\~}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -d -m 0755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/nmapdiff" "$root/usr/share/doc/nmapdiff" \
    "$root/lib/systemd/system"
install -d -m 0700 "$root/etc/nmapdiff"
install -m 0644 "$jar" "$root/usr/share/nmapdiff/nmapdiff.jar"
install -m 0755 "$top/nmapdiff-examples/nmapdiff" "$root/usr/share/nmapdiff/nmapdiff"
ln -s ../share/nmapdiff/nmapdiff "$root/usr/bin/nmapdiff"
install -m 0600 "$here/files/nmapdiff.properties" "$root/etc/nmapdiff/nmapdiff.properties"
install -m 0600 "$here/files/ips.txt" "$root/etc/nmapdiff/ips.txt"
install -m 0644 "$here/files/nmapdiff.service" "$here/files/nmapdiff.timer" "$root/lib/systemd/system/"
install -m 0644 "$top/README.md" "$root/usr/share/doc/nmapdiff/README.md"
# Debian's policy: every package has its copyright file, in the machine-readable format
{
    printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n'
    printf 'Upstream-Name: nmapdiff\n\nFiles: *\nCopyright: 2026 the nmapdiff developers\nLicense: Apache-2.0\n'
    printf ' On Debian systems, the full text of the Apache License, Version 2.0 is in\n /usr/share/common-licenses/Apache-2.0.\n'
} > "$root/usr/share/doc/nmapdiff/copyright"
chmod 0644 "$root/usr/share/doc/nmapdiff/copyright"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$root/DEBIAN/"
printf '/etc/nmapdiff/nmapdiff.properties\n/etc/nmapdiff/ips.txt\n' > "$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: nmapdiff
Version: $debversion
Architecture: all
Maintainer: nmapdiff developers <nmapdiff@example.org>
Installed-Size: $size
Depends: nmap, default-jre-headless (>= 2:1.17) | java17-runtime-headless
Recommends: default-mta | mail-transport-agent
Section: net
Priority: optional
Description: watch a network for change with nmap
 nmapdiff runs nmap against a list of targets every night, keeps every scan,
 and remembers the network: every host and open port, when first and last
 seen. It mails what changed that matters (a port that opened, a service
 replaced, a host gone for good) by severity, and holds back the noise of real
 networks (hosts that come and go, failed reverse lookups, UDP, DHCP moves,
 failing service detection, alternating backends, patch updates), counted.
 Its diff is ndiff's, byte for byte. A drop-in for the nmap-diff.sh script,
 with rules, history, an inventory and an HTML report, a systemd timer
 (disabled until enabled), a config file in /etc/nmapdiff, and an optional
 PostgreSQL store for many scanner sites.
CONTROL
mkdir -p "$out"
deb="$out/nmapdiff_${debversion}_all.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "$deb"
