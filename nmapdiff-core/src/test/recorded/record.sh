#!/usr/bin/env bash
# Records the project's own test scans with the real nmap against services it starts on
# loopback (services.py), and ndiff's outputs for every ordered pair of them, beside them.
#
#   nmapdiff-core/src/test/recorded/record.sh        (as root: -sU and -O need it)
#
# Scans: a.xml and b.xml are two nights of one server on 127.0.0.1 (versions, scripts with
# tables, OS detection, UDP); a6.xml and b6.xml the same nights on ::1 (IPv6). For each
# ordered pair X,Y: X-Y.txt (ndiff), X-Y.v.txt (ndiff -v), X-Y.xml (ndiff --xml), and X-Y.exit
# with the three exit codes. empty.xml: a run with no target, so no host. Times are printed in UTC (TZ=UTC), as the tests read them.
# Binds 127.0.0.1 and ::1 only; scans nothing else.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export TZ=UTC
cd "$here"   # nmap records its command line in the scan: relative output names, no paths of this machine

scan() { # scan NIGHT
    local night=$1
    mkfifo "$work/in-$night"
    python3 services.py "$night" "$work" <"$work/in-$night" >"$work/ready-$night" &
    pid=$!
    exec 3>"$work/in-$night"
    until grep -q ready "$work/ready-$night" 2>/dev/null; do sleep 0.2; done
    nmap -v -sT -sU -sV -O --version-intensity 4 --script http-title,ssl-cert -Pn -n \
        -p T:47022,47025,47080,47081,47465,U:47053 --max-retries 1 127.0.0.1 -oX "$night.xml" >/dev/null
    nmap -6 -v -sT -sV --version-intensity 4 -Pn -n -p 47022,47025,47080 ::1 -oX "${night}6.xml" >/dev/null
    exec 3>&-
    wait "$pid" || true
}
# one certificate for both nights, so that ssl-cert's output only changes if the server does
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 3650 \
    -subj "/CN=mail.example.test/O=Example" -set_serial 1 2>/dev/null
scan a
scan b
# a scan with no targets: nmap writes a run with no host
nmap -p 1-100 -oX empty.xml >/dev/null 2>&1

cd "$here"
for x in a b a6 b6; do
    for y in a b a6 b6; do
        codes=()
        set +e
        ndiff "$x.xml" "$y.xml" >"$x-$y.txt"; codes+=($?)
        ndiff -v "$x.xml" "$y.xml" >"$x-$y.v.txt"; codes+=($?)
        ndiff --xml "$x.xml" "$y.xml" >"$x-$y.xml"; codes+=($?)
        set -e
        echo "${codes[*]}" >"$x-$y.exit"
    done
done
echo "recorded in $here: $(ls "$here"/*.xml | wc -l) files"
