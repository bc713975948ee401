#!/usr/bin/env bash
# Times the two board queries of issue 12 end to end against a running service (e.g. the packaged service pointed at
# a database filled by bench/sql/national-dense.sql, see there): N sequential requests after W unmeasured ones,
# p50/p95/p99 in ms from curl's time_total. Not a test: nothing asserts a timing.
#   bench/sql/time-board-queries.sh http://localhost:8089 200 20
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:-http://localhost:8080}; n=${2:-200}; warm=${3:-20}
token=$(deploy/dev/token.sh board)
for path in '/statistics/discharge-ready-days?groupBy=health-partnership&from=2025-01-01&to=2025-12-31' \
            '/statistics/discharge-ready-days/trend?groupBy=region&interval=month&from=2016-01-01&to=2025-12-31'; do
  for _ in $(seq "$warm"); do curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base$path"; done
  for _ in $(seq "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$path"; done \
    | sort -n | awk -v p="$path" '{ t[NR] = $1 * 1000 } END { printf "%s  p50 %.1f  p95 %.1f  p99 %.1f ms (n=%d)\n", p,
        t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[int(NR * 0.99 + 0.5)], NR }'
done
