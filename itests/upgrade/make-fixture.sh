#!/usr/bin/env bash
# Makes the upgrade test's fixture (UpgradeIT): a Derby database written by a release from before
# versioned schemas, with data in every domain. Run from the project root with the distribution of that
# release (the fixture in src/test/resources/upgrade was made from commit 1c20376):
#
#   git worktree add /tmp/prev 1c20376 && (cd /tmp/prev && mvn -q install -DskipTests)
#   itests/upgrade/make-fixture.sh /tmp/prev/karaf-distribution/target/tessera-distribution-0.1.0-SNAPSHOT.tar.gz
#
# Writes itests/src/test/resources/upgrade/derby-<release>.zip (the database, stopped cleanly) and the
# answers the test replays (recharge.json: a request, its idempotency key and the first answer).
set -euo pipefail
dist="$1"
release="${2:-1c20376}"
out="$(pwd)/itests/src/test/resources/upgrade"
work=$(mktemp -d)
port=18391
trap 'cd "$work/tessera" 2>/dev/null && bin/stop >/dev/null 2>&1; sleep 5; rm -rf "$work"' EXIT
mkdir -p "$out" "$work/tessera"
tar xzf "$dist" -C "$work/tessera" --strip-components=1
cd "$work/tessera"
printf 'client.id = fixture\nname = Fixture\nrole = HQ_ADMIN\nsecret.sha256 = %s\n' \
  "$(printf %s fixture-secret | sha256sum | cut -d' ' -f1)" > etc/io.tessera.client-fixture.cfg
echo "load = true" > etc/io.tessera.demo.cfg
sed -i "s/org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" etc/org.ops4j.pax.web.cfg
ORG_APACHE_KARAF_SHELL_SSHPORT=18392 ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT=18393 \
  ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT=18394 bin/start
B="http://localhost:$port/api/v1"
for _ in $(seq 1 120); do curl -fsS -o /dev/null -u fixture:fixture-secret "$B/stores" 2>/dev/null && break; sleep 1; done
sleep 3
post() { # path body [key]
  curl -fsS -u fixture:fixture-secret -H 'Content-Type: application/json' ${3:+-H "Idempotency-Key: $3"} -d "$2" "$B$1"
}
store() { curl -fsS -u fixture:fixture-secret "$B/stores" | python3 -c "import json,sys; print(next(s['id'] for s in json.load(sys.stdin) if s['code']=='$1'))"; }
s101=$(store 101); s103=$(store 103)
m1=$(post /members "{\"phone\":\"13900000001\",\"name\":\"升级一\",\"storeId\":$s101}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
m2=$(post /members "{\"phone\":\"13900000002\",\"name\":\"升级二\",\"storeId\":$s103}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
m3=$(post /members "{\"phone\":\"13900000003\",\"name\":\"升级三\",\"storeId\":$s103}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
recharge="{\"memberId\":$m1,\"storeId\":$s101,\"amount\":500.00,\"method\":\"CASH\",\"remark\":\"upgrade fixture\"}"
first=$(post /wallets/recharges "$recharge" fixture-recharge-1)
post /wallets/recharges "{\"memberId\":$m2,\"storeId\":$s103,\"amount\":300.00,\"method\":\"WECHAT\"}" fixture-recharge-2 >/dev/null
post /wallets/recharges "{\"memberId\":$m3,\"storeId\":$s103,\"amount\":80.00,\"method\":\"ALIPAY\"}" fixture-recharge-3 >/dev/null
pay=$(post /wallets/payments "{\"memberId\":$m1,\"storeId\":$s101,\"amount\":123.45,\"orderNo\":\"FX-1\"}" fixture-pay-1)
post /wallets/payments "{\"memberId\":$m2,\"storeId\":$s103,\"amount\":99.99,\"orderNo\":\"FX-2\"}" fixture-pay-2 >/dev/null
entry=$(printf %s "$pay" | python3 -c 'import json,sys; print(json.load(sys.stdin)["entry"]["id"])')
post /wallets/refunds "{\"paymentEntryId\":$entry,\"amount\":20.00,\"reason\":\"退一件\"}" fixture-refund-1 >/dev/null
post /wallets/stored-value-refunds "{\"memberId\":$m3,\"storeId\":$s103,\"method\":\"CASH\",\"reason\":\"销户退款\"}" fixture-svrefund-1 >/dev/null
post /cards/types '{"code":"SV","name":"储值卡"}' >/dev/null
printf '\xef\xbb\xbf卡号,卡类型,余额,所属门店,卡状态\r\nU100001,SV,66.60,103,正常\r\nU100002,SV,12.00,101,冻结\r\nU100003,SV,bad,103,正常\r\n' > "$work/cards.csv"
curl -fsS -u fixture:fixture-secret -H 'Content-Type: text/csv' --data-binary @"$work/cards.csv" "$B/cards/imports?fileName=fixture.csv" >/dev/null
sleep 8   # the card import job and the event deliveries finish
# As sent and as answered, byte for byte (amounts keep their two places).
printf '{"key":"fixture-recharge-1",\n "request":%s,\n "answer":%s}\n' "$recharge" "$first" > "$out/recharge.json"
bin/stop
for _ in $(seq 1 60); do pgrep -f -- "-Dkaraf.data=$work/tessera/data( |$)" >/dev/null || break; sleep 1; done
rm -f "$out"/derby-*.zip
(cd data/derby && zip -qr "$out/derby-$release.zip" tessera)
ls -la "$out"
