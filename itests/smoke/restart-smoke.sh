#!/usr/bin/env bash
# Restart smoke test: starts Tessera with the README start command (./tessera start), registers a
# member, stops the process, starts it again and reads the member back from embedded Derby.
# Runs on its own data folder and ports; leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$(mktemp -d)
export TESSERA_DATA="$WORK/data"
export KARAF_ETC="$WORK/etc"
export TESSERA_PORT="${SMOKE_PORT:-18181}"
export TESSERA_SKIP_BUILD=1
export ORG_APACHE_KARAF_SHELL_SSHPORT=18101
export ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT=11099
export ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT=14444
BASE="http://localhost:$TESSERA_PORT/api/v1"

cleanup() {
  ./tessera stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "restart smoke test: FAILED: $*" >&2
  tail -50 "$TESSERA_DATA/log/karaf.log" >&2 || true
  exit 1
}

# An integrator client provisioned the way operations would: a config file holding only the secret's hash.
cp -r "$ROOT/karaf-distribution/target/assembly/etc" "$KARAF_ETC"
SECRET=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)
cat > "$KARAF_ETC/io.tessera.client-smoke.cfg" <<CFG
client.id = smoke-hq
secret.sha256 = $(printf %s "$SECRET" | sha256sum | cut -d' ' -f1)
role = HQ_ADMIN
CFG
echo "load = true" > "$KARAF_ETC/io.tessera.demo.cfg"
AUTH="smoke-hq:$SECRET"

call() { # method path [body] -> prints body, fails on non-2xx
  local out code
  out=$(curl -sS -u "$AUTH" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} -w '\n%{http_code}' "$BASE$2")
  code=${out##*$'\n'}
  [ "${code:0:1}" = 2 ] || fail "$1 $2 answered $code: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
await() { # until the call succeeds (config and demo data are applied asynchronously)
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null -u "$AUTH" "$BASE$1" 2>/dev/null; then return 0; fi
    sleep 1
  done
  fail "$1 never answered"
}

store103() {
  call GET /stores | python3 -c 'import json,sys; print(next((s["id"] for s in json.load(sys.stdin) if s["code"]=="103"), ""))'
}

echo "smoke: first start"
./tessera start >/dev/null
await /stores
STORE=""
for _ in $(seq 1 60); do
  STORE=$(store103)
  [ -n "$STORE" ] && break
  sleep 1
done
[ -n "$STORE" ] || fail "the demo store 103 never appeared"
# The first start installs the features one after the other: wait until every domain answers (while one is
# still arriving, the REST server is republished and may answer 404 for a moment).
for path in "/members?size=1" /wallets/packages /cards/types "/orders?size=1" /payments/channels "/coupons/templates?size=1" "/points/rules?size=1" "/marketing/activities?size=1"; do
  await "$path"
done
PHONE="139$(printf '%08d' $((RANDOM * 32768 + RANDOM)))"
PHONE=${PHONE:0:11}
ID=$(call POST /members "{\"phone\":\"$PHONE\",\"name\":\"重启测试\",\"gender\":\"FEMALE\",\"storeId\":$STORE}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "smoke: member $ID registered at store $STORE; stopping"
./tessera stop >/dev/null
pgrep -f -- "-Dkaraf.data=$TESSERA_DATA( |$)" >/dev/null && fail "the Karaf process is still running"

echo "smoke: second start"
./tessera start >/dev/null
# Each domain's resources are published as its bundle starts: wait for the members API itself.
await "/members/by-phone/$PHONE"
BACK=$(call GET "/members/by-phone/$PHONE" | python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["id"], m["name"], m["registeredStoreId"])')
[ "$BACK" = "$ID 重启测试 $STORE" ] || fail "after the restart the member reads back as '$BACK'"
echo "restart smoke test: passed (member $ID survived a stop and start on embedded Derby)"
