#!/usr/bin/env bash
# The hosting snippets of docs/hosting/ as municipal IT uses them: builds the sample site, deploys
# it by rsync as the guide says, starts nginx, Apache and Caddy with their snippet, each on a free
# port of 127.0.0.1 with all of its state in a temporary folder, and checks with curl what a
# browser gets. Stops the servers and removes the folder at the end.
#   tests/hosting/run.sh path/to/lotse [nginx|apache|caddy ...]
# Prints one line per check that fails and ends with "hosting: N passed, M failed".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lotse=$(realpath "${1:?usage: tests/hosting/run.sh path/to/lotse [nginx|apache|caddy ...]}")
shift
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(nginx apache caddy)

work=$(mktemp -d /tmp/lotse-hosting-XXXXXX)
# The servers' workers run as an unprivileged user when started as root: they read the site.
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$lotse" build "$root" --out "$work/built" --date 2026-11-22 >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
rsync -a --delete --delay-updates "$work/built/" "$work/public/"

passed=0 failed=0
expect() {  # expect NAME ACTUAL WANTED
  if [ "$2" == "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); printf '%s: got [%s], want [%s]\n' "$1" "$2" "$3"; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for PORT: until the server answers, 10 seconds at most
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done
  return 1
}
# get PATH [curl options...]: the response's headers to $work/headers (names in lower case), its
# body to $work/body, its status to stdout.
get() {
  local path=$1; shift
  curl -s --max-time 5 -D "$work/raw-headers" -o "$work/body" -w '%{http_code}' "$@" "http://127.0.0.1:$port$path"
  tr -d '\r' <"$work/raw-headers" | sed -E 's/^([^:]+):/\L\1:/' >"$work/headers"
}
header() { sed -n "s/^$1: //p" "$work/headers" | head -n 1; }

policy=$(sed -n 's/.*<meta http-equiv="Content-Security-Policy" content="\([^"]*\)">.*/\1/p' "$work/public/de/index.html")
# The header is the pages' own policy with inline styles allowed (the pages' <meta> allows only the
# 404 page's, by its hash), and frame-ancestors, which a <meta> cannot say.
header_policy=${policy/"style-src 'self'"/"style-src 'self' 'unsafe-inline'"}"; frame-ancestors 'none'"

check() {  # check SERVER: what a browser gets from the server now listening on $port
  local s=$1
  expect "$s /de/ status" "$(get /de/)" 200
  cmp -s "$work/body" "$work/public/de/index.html" || expect "$s /de/ body" "differs" "public/de/index.html"
  expect "$s /de/ Content-Security-Policy" "$(header content-security-policy)" "$header_policy"
  expect "$s /de/ Referrer-Policy" "$(header referrer-policy)" "same-origin"
  expect "$s /de/ X-Content-Type-Options" "$(header x-content-type-options)" "nosniff"
  expect "$s /de/ Cache-Control" "$(header cache-control)" "public, max-age=300"
  expect "$s /de/ Content-Type" "$(header content-type)" "text/html; charset=utf-8"

  expect "$s /assets/style.css status" "$(get /assets/style.css)" 200
  expect "$s /assets/style.css Cache-Control" "$(header cache-control)" "public, max-age=604800"
  expect "$s /assets/style.css Content-Type" "$(header content-type)" "text/css; charset=utf-8"
  expect "$s /assets/style.css Content-Security-Policy" "$(header content-security-policy)" "$header_policy"
  # The offline copy's worker and list: a page's five minutes, so a new build's copy is found.
  expect "$s /ar/offline-worker.js status" "$(get /ar/offline-worker.js)" 200
  expect "$s /ar/offline-worker.js Cache-Control" "$(header cache-control)" "public, max-age=300"
  expect "$s /ar/offline.json Cache-Control" "$(get /ar/offline.json >/dev/null; header cache-control)" "public, max-age=300"
  expect "$s /courses.ics Content-Type" "$(get /courses.ics >/dev/null; header content-type)" "text/calendar; charset=utf-8"
  expect "$s /courses.csv Content-Type" "$(get /courses.csv >/dev/null; header content-type)" "text/csv; charset=utf-8"
  expect "$s search index compressed" "$(get /ar/search/index.json -H 'Accept-Encoding: gzip' >/dev/null; header content-encoding)" "gzip"

  expect "$s / in Arabic status" "$(get / -H 'Accept-Language: ar,en;q=0.5')" 302
  expect "$s / in Arabic Location" "$(header location | sed "s|^http://127.0.0.1:$port||")" "/ar/"
  expect "$s / in Farsi (Iran)" "$(get / -H 'Accept-Language: fa-IR, en;q=0.5' >/dev/null; header location | sed "s|^http://127.0.0.1:$port||")" "/fa/"
  expect "$s / without Accept-Language status" "$(get /)" 200
  cmp -s "$work/body" "$work/public/index.html" || expect "$s / without Accept-Language body" "differs" "the chooser"
  expect "$s / Vary" "$(header vary | grep -o Accept-Language)" "Accept-Language"
  expect "$s / in Tigrinya status" "$(get / -H 'Accept-Language: ti,de;q=0.5')" 200
  cmp -s "$work/body" "$work/public/index.html" || expect "$s / in Tigrinya body" "differs" "the chooser"
  expect "$s / in Arabic, deeper" "$(get /de/ -H 'Accept-Language: ar')" 200

  expect "$s unknown path status" "$(get /de/offers/nothing.html)" 404
  cmp -s "$work/body" "$work/public/404.html" || expect "$s unknown path body" "differs" "public/404.html"
  expect "$s unknown path Content-Security-Policy" "$(header content-security-policy)" "$header_policy"
  expect "$s unknown path Content-Type" "$(header content-type)" "text/html; charset=utf-8"
}

start_nginx() {
  local d=$work/nginx
  mkdir -p "$d"
  sed -e "s|listen 80;|listen 127.0.0.1:$port;|" -e "s|/srv/lotse/public|$work/public|g" \
    "$root/docs/hosting/nginx.conf" >"$d/lotse.conf"
  cat >"$d/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $d/nginx.pid;
error_log $d/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $d/body;
  proxy_temp_path $d/proxy;
  fastcgi_temp_path $d/fastcgi;
  uwsgi_temp_path $d/uwsgi;
  scgi_temp_path $d/scgi;
  include $d/lotse.conf;
}
CONF
  nginx -p "$d" -c "$d/nginx.conf" -e "$d/error.log" &
  pids+=($!)
}

start_apache() {
  local d=$work/apache modules=/usr/lib/apache2/modules
  mkdir -p "$d"
  sed -e "s|<VirtualHost \*:80>|<VirtualHost 127.0.0.1:$port>|" -e "s|/srv/lotse/public|$work/public|g" \
    "$root/docs/hosting/apache.conf" >"$d/lotse.conf"
  {
    echo "ServerName 127.0.0.1"
    echo "Listen 127.0.0.1:$port"
    echo "PidFile $d/apache.pid"
    echo "ErrorLog $d/error.log"
    echo "DefaultRuntimeDir $d"
    echo "Mutex file:$d default"
    for m in mpm_event authz_core mime dir headers rewrite filter deflate; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
    [ "$(id -u)" -ne 0 ] || printf 'User nobody\nGroup nogroup\n'
    echo "TypesConfig /etc/mime.types"
    echo "Include $d/lotse.conf"
  } >"$d/apache.conf"
  apache2 -d "$d" -f "$d/apache.conf" -DFOREGROUND &
  pids+=($!)
}

start_caddy() {
  local d=$work/caddy
  mkdir -p "$d"
  {
    printf '{\n\tadmin off\n\tauto_https off\n\tstorage file_system %s/data\n}\n' "$d"
    sed -e "s|^lotse.example.org {|http://127.0.0.1:$port {|" -e "s|/srv/lotse/public|$work/public|g" \
      "$root/docs/hosting/Caddyfile"
  } >"$d/Caddyfile"
  HOME=$d XDG_DATA_HOME=$d/data XDG_CONFIG_HOME=$d/config caddy run --config "$d/Caddyfile" --adapter caddyfile \
    >"$d/error.log" 2>&1 &
  pids+=($!)
}

# The guide shows each snippet as it is in its file.
for f in nginx.conf apache.conf Caddyfile; do
  if python3 - "$root/docs/hosting/$f" "$root/docs/hosting.md" <<'PY'
import sys
sys.exit(0 if open(sys.argv[1]).read() in open(sys.argv[2]).read() else 1)
PY
  then passed=$((passed + 1)); else failed=$((failed + 1)); echo "docs/hosting.md does not show docs/hosting/$f as it is"; fi
done

for s in "${servers[@]}"; do
  port=$(free_port)
  "start_$s"
  if wait_for "$port"; then
    check "$s"
  else
    failed=$((failed + 1))
    echo "$s did not start:"
    cat "$work/$s/error.log" 2>/dev/null || true
  fi
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
  pids=()
done
echo "hosting: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
