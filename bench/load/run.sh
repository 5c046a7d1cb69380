#!/usr/bin/env bash
# Page-load benchmark (issues 4 and 5): the app in Release on 127.0.0.1 over the generated corpus, wrk with 32
# connections on 2 threads against the article, actor, claim and event pages and a search, beside /healthz as the
# trivial baseline, as a signed-in analyst (cookies from the real sign-in form). Prints p50/p95/p99 per page. Results go in docs/benchmarks.md, "## Page load (issue 4)".
#
#   bash bench/load/run.sh [--count 10000] [--work DIR] [--duration 20s] [--port 5199] [--during-import N [--import-nice 10]]
#
# The corpus and its database are kept in DIR (default /tmp/claimreview-load) and reused on the next run.
#
# --during-import N (issue 12): pages while the CLI imports N new generated articles into the same database. The app
# serves a copy of the database (the kept one stays as it was). After a warm-up that views every page of the mix once,
# three runs of a random mix of the measured pages and 800 random records at 32 connections: with no import (baseline),
# during an import of N articles (repeat views in one session: the cache serves them until the import's chunks refresh
# the pages, at most every ClaimReview:ImportPageRefreshSeconds), and during a second import of N others with every
# request a cache miss (uncached.lua). Each import run lasts as long as its import. --import-nice runs the imports
# under `nice -n N`, as an operator would run a bulk import beside a busy server.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

count=10000 work=/tmp/claimreview-load duration=20s port=5199 connections=32 threads=2 during=0 niceness=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --during-import) during=$2; shift 2 ;;
    --import-nice) niceness=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Tools: wrk and sqlite3 from Debian (installed when missing, as root).
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: ${missing[*]} missing; run as root or install them (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "== Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

corpus="$work/corpus-$count" db="$work/corpus-$count.db"
mkdir -p "$work"
echo "== Build (Release)"
dotnet build -c Release -v quiet -nologo src/ClaimReview.Web >/dev/null
dotnet build -c Release -v quiet -nologo bench/ClaimReview.Bench >/dev/null
if [ ! -d "$corpus" ] || [ "$(find "$corpus" -name '*.txt' | wc -l)" -lt "$count" ]; then
  echo "== Generating $count articles in $corpus"
  dotnet run -c Release --no-build --project bench/ClaimReview.Bench -- generate --count "$count" --out "$corpus"
fi
if [ ! -f "$db" ]; then
  echo "== Importing into $db"
  dotnet run -c Release --no-build --project src/ClaimReview.Web -- import "$corpus" --db "$db" | tail -1
fi

# Which records: the busiest ones (most mentions, most reports), so the figures are a worst case, not an average.
q() { sqlite3 -batch -noheader "$db" "$1"; }
article=$(q "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM articles)")
actor=$(q "SELECT actor_id FROM actor_mentions GROUP BY actor_id ORDER BY COUNT(*) DESC LIMIT 1")
claim=$(q "SELECT claim_id FROM claim_reports GROUP BY claim_id ORDER BY COUNT(*) DESC LIMIT 1")
event=$(q "SELECT event_id FROM event_reports GROUP BY event_id ORDER BY COUNT(*) DESC LIMIT 1")
term=$(q "SELECT COALESCE(place, district, region, country) FROM events WHERE id = $event")
term=${term:-Daesh}
common=propaganda
# An alias of the most-mentioned actor that is not its name: the alias-aware search counts every mention of the actor.
alias=$(q "SELECT text FROM actor_aliases WHERE actor_id = $actor AND text <> (SELECT name FROM actors WHERE id = $actor) ORDER BY length(text) DESC LIMIT 1")
alias=${alias:-Daesh}
echo "== Records: article $article, actor $actor (most mentioned), claim $claim and event $event (most reported), search '$term' and '$common'"

# During an import: two more corpora (other seeds), and the app on a copy of the database that the imports change.
if [ "$during" -gt 0 ]; then
  for seed in 7 8; do
    extra="$work/extra-$during-$seed"
    if [ ! -d "$extra" ] || [ "$(find "$extra" -name "s$seed-*.txt" | wc -l)" -lt "$during" ]; then
      echo "== Generating $during more articles in $extra"
      dotnet run -c Release --no-build --project bench/ClaimReview.Bench -- generate --count "$during" --seed "$seed" --out "$extra"
      # The generator names files as for the main corpus; the importer knows files by name, so these would be updates.
      for f in "$extra"/gen_*.txt; do mv "$f" "$extra/s$seed-$(basename "$f")"; done
    fi
  done
  served="$work/during-import.db"
  rm -f "$served" "$served-wal" "$served-shm"
  sqlite3 "$db" ".backup '$served'"
  db=$served
fi

# The app: Release, production environment, warnings-only logging so the console is not the bottleneck.
log="$work/app.log"
ASPNETCORE_ENVIRONMENT=Production ClaimReview__LogFile= ClaimReview__ImportSeedsOnFirstRun=false \
Serilog__MinimumLevel__Default=Warning \
  dotnet "src/ClaimReview.Web/bin/Release/net10.0/ClaimReview.Web.dll" serve --db "$db" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { echo "error: the app did not start; see $log" >&2; exit 1; }

# Every page needs a signed-in user: add an analyst (password on stdin), sign in through the form as a browser
# does, and send the session's cookies (sign-in and antiforgery) with every request.
pwfile="$work/load-password"
[ -f "$pwfile" ] || head -c 24 /dev/urandom | base64 > "$pwfile"
password=$(cat "$pwfile")
dotnet "src/ClaimReview.Web/bin/Release/net10.0/ClaimReview.Web.dll" user add load@example.test --role Analyst --db "$db" < "$pwfile" >/dev/null 2>&1 \
  || true # already added by an earlier run over this database, with the same password file
jar="$work/cookies.txt"; rm -f "$jar"
signin() {
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/account/signin" \
    --data-urlencode "Input.Email=load@example.test" --data-urlencode "Input.Password=$1" --data-urlencode "__RequestVerificationToken=$token"
}
if [ "$(signin "$password")" != 302 ]; then
  echo "error: could not sign in as load@example.test (an earlier run's user with another password? delete it from $db)" >&2; exit 1
fi
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
# The sign-in cookie alone: with a fresh antiforgery cookie added, a request is a new session to the page cache (a miss).
session=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7 && $6 != "ClaimReview.Antiforgery") printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$1"; }
declare -a names=(healthz article actor claim claim-coverage event event-coverage search search-common search-alias timeline network actors claims-text)
declare -A paths=(
  [healthz]="/healthz"
  [article]="/articles/$article"
  [actor]="/actors/$actor"
  [claim]="/claims/$claim"
  [claim-coverage]="/claims/$claim/coverage"
  [event]="/events/$event"
  [event-coverage]="/events/$event/coverage"
  [search]="/search?q=$(urlencode "$term")"
  [search-common]="/search?q=$common"
  [search-alias]="/search?q=$(urlencode "$alias")"
  [timeline]="/events/timeline"
  [network]="/network"
  [actors]="/actors"
  [claims-text]="/claims?q=claimed"
)

# Pages during an import: the mix alone, then during one import (repeat views), then during another (all misses).
if [ "$during" -gt 0 ]; then
  mix="$work/during-mix.txt"
  {
    for name in "${names[@]}"; do [ "$name" = healthz ] || echo "${paths[$name]}"; done
    q "SELECT '/articles/' || id FROM articles ORDER BY random() LIMIT 200"
    q "SELECT '/actors/' || id FROM actors ORDER BY random() LIMIT 200"
    q "SELECT '/claims/' || id FROM claims ORDER BY random() LIMIT 200"
    q "SELECT '/events/' || id FROM events ORDER BY random() LIMIT 200"
  } > "$mix"
  result() { # name, what, wrk output
    local line; line=$(echo "$3" | grep '^RESULT')
    eval "$(echo "$line" | sed 's/^RESULT //')"
    printf '%-24s %-52s %8s %8s %8s %8s %8s %7s\n' "$1" "$2" "$p50" "$p95" "$p99" "$max" "$rps" "$errors"
  }
  # wrk runs until the import ends (SIGINT makes it report), so every request measured overlaps the import.
  during_import() { # corpus, lua script, extra script argument
    local started out import wrk_pid seconds
    started=$(date +%s.%N)
    nice -n "$niceness" dotnet "src/ClaimReview.Web/bin/Release/net10.0/ClaimReview.Web.dll" import "$1" --db "$db" >"$work/import.log" 2>&1 &
    import=$!
    sleep 1 # the CLI's start-up; the import proper begins about now
    wrk -t"$threads" -c"$connections" -d600s --timeout 10s -H "Cookie: $cookie" -s "$2" "$base/" -- "$mix" ${3:+"$3"} >"$work/wrk.out" 2>&1 &
    wrk_pid=$!
    wait $import
    kill -INT $wrk_pid 2>/dev/null || true
    wait $wrk_pid 2>/dev/null || true
    seconds=$(echo "$(date +%s.%N) - $started" | bc)
    printf '   (import of %s: %.1f s; %s)\n' "$(basename "$1")" "$seconds" "$(tail -1 "$work/import.log")" >&2
    cat "$work/wrk.out"
  }
  echo "== Pages during an import: $threads threads, $connections connections; $(wc -l < "$mix") pages in the mix; imports at nice $niceness"
  printf '%-24s %-52s %8s %8s %8s %8s %8s %7s\n' run what p50_ms p95_ms p99_ms max_ms req/s errors
  # Warm-up: every page of the mix viewed once in the session (four at a time), as a day's browsing leaves them cached.
  xargs -P 4 -I{} curl -s -o /dev/null -H "Cookie: $cookie" "$base{}" < "$mix"
  result "no import" "mix, one session (repeat views cached), $duration" "$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -H "Cookie: $cookie" -s bench/load/mix.lua "$base/" -- "$mix")"
  result "during import" "mix, one session, while $during articles import" "$(during_import "$work/extra-$during-7" bench/load/mix.lua)"
  result "during import, uncached" "mix, every request a miss, while $during import" "$(during_import "$work/extra-$during-8" bench/load/uncached.lua "$session")"
  echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

echo "== wrk: $threads threads, $connections connections, $duration per page (after a 3 s warm-up)"
printf '%-16s %-44s %9s %9s %9s %9s %7s %9s\n' page path p50_ms p95_ms p99_ms req/s errors cold_ms
for name in "${names[@]}"; do
  url="$base${paths[$name]}"
  status=$(curl -s -b "$jar" -o "$work/page.html" -w '%{http_code}' "$url")
  [ "$status" = 200 ] || { echo "error: $url answered $status" >&2; exit 1; }
  # An alert with text in it (forms carry empty role="alert" placeholders for validation messages).
  if grep -q 'role="alert"[^>]*>[[:space:]]*[^<[:space:]]' "$work/page.html"; then echo "error: $url shows an error message" >&2; exit 1; fi
  # Cold: the median of five single requests that miss the page cache (a new session each), no load.
  cold=$(for i in 1 2 3 4 5; do curl -s -H "Cookie: $session; ClaimReview.Antiforgery=cold$RANDOM$i" -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }')
  wrk -t"$threads" -c"$connections" -d3s -H "Cookie: $cookie" "$url" >/dev/null
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" -H "Cookie: $cookie" -s bench/load/percentiles.lua "$url" | grep '^RESULT')
  eval "$(echo "$line" | sed 's/^RESULT //')"
  printf '%-16s %-44s %9s %9s %9s %9s %7s %9s\n' "$name" "${paths[$name]:0:44}" "$p50" "$p95" "$p99" "$rps" "$errors" "$cold"
done
# Uncached mix: random records of every kind (200 each), every request a cache miss.
mix="$work/mix.txt"
{
  q "SELECT '/articles/' || id FROM articles ORDER BY random() LIMIT 200"
  q "SELECT '/actors/' || id FROM actors ORDER BY random() LIMIT 200"
  q "SELECT '/claims/' || id FROM claims ORDER BY random() LIMIT 200"
  q "SELECT '/events/' || id FROM events ORDER BY random() LIMIT 200"
  q "SELECT '/search?q=' || replace(name, ' ', '+') FROM actors ORDER BY random() LIMIT 50"
} > "$mix"
line=$(wrk -t"$threads" -c"$connections" -d"$duration" -H "Cookie: $cookie" -s bench/load/uncached.lua "$base/" -- "$mix" "$session" | grep '^RESULT')
eval "$(echo "$line" | sed 's/^RESULT //')"
printf '%-16s %-44s %9s %9s %9s %9s %7s %9s\n' "uncached-mix" "$(wc -l < "$mix") random pages, all cache misses" "$p50" "$p95" "$p99" "$rps" "$errors" "-"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version), $(date -u +%Y-%m-%d)"
