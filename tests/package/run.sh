#!/usr/bin/env bash
# The Linux packages as a user gets them (after scripts/package.sh):
#  - the .deb and the .rpm carry the app, dealerdesk-cli, the desktop entry
#    (Office, Chinese and English), the icons, the licences and the version;
#  - the .deb installs with apt-get; dealerdesk-cli works from the installed
#    files (demo data and a statement PDF) on an empty HOME;
#  - the installed app starts under Xvfb on an empty HOME, creates its database
#    in the data folder and shows the first-start guide (screenshots);
#  - a second start on the same data brings the first window forward and exits;
#  - apt-get remove takes the program away and leaves the user's data.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
fail() { echo "PACKAGE TEST FAILED: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
deb=$(ls target/release/bundle/deb/*.deb 2>/dev/null | head -1)
rpm=$(ls target/release/bundle/rpm/*.rpm 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in target/release/bundle/deb (run scripts/package.sh)"
[ -n "$rpm" ] || fail "no .rpm in target/release/bundle/rpm (run scripts/package.sh)"
echo "==> $deb"
pkg=$(dpkg-deb -f "$deb" Package)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "deb version $(dpkg-deb -f "$deb" Version), workspace $version"
ok "version $version"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0 libsoup-3.0-0; do
  grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done
ok "depends: $depends"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./##')
want=(usr/bin/dealerdesk usr/bin/dealerdesk-cli usr/share/doc/dealerdesk/copyright
      usr/share/doc/dealerdesk/LICENSE usr/share/doc/dealerdesk/OFL.txt
      usr/share/metainfo/com.dealerdesk.desktop.metainfo.xml)
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 256x256@2 512x512; do
  want+=("usr/share/icons/hicolor/$size/apps/dealerdesk.png")
done
for f in "${want[@]}"; do
  grep -qx -- "$f" <<<"$contents" || fail "the .deb lacks $f"
done
ok "${#want[@]} files: app, CLI, licences, icons in 9 sizes"
desktop=$(grep -x 'usr/share/applications/.*\.desktop' <<<"$contents" | head -1)
[ -n "$desktop" ] || fail "no desktop entry"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" --wildcards "*$desktop"
entry="$work/$desktop"
desktop-file-validate "$entry" || fail "the desktop entry is not valid"
for line in 'Categories=Office;Finance;' 'Name[zh_CN]=DealerDesk 经销商管理' 'Comment[zh_CN]=经销商档案、协议、对账单与客诉管理' 'Exec=dealerdesk' 'Icon=dealerdesk'; do
  grep -qxF "$line" "$entry" || fail "desktop entry lacks '$line'"
done
grep -q '^Comment=' "$entry" || fail "desktop entry lacks an English comment"
ok "desktop entry $(basename "$entry"): Office, zh_CN and English"

echo "==> $rpm"
[ "$(rpm -qp --queryformat '%{VERSION}' "$rpm" 2>/dev/null)" = "$version" ] || fail "rpm version"
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
for f in /usr/bin/dealerdesk /usr/bin/dealerdesk-cli /usr/share/licenses/dealerdesk/OFL.txt /usr/share/licenses/dealerdesk/LICENSE \
         /usr/share/icons/hicolor/512x512/apps/dealerdesk.png; do
  grep -qx -- "$f" <<<"$rpm_files" || fail "the .rpm lacks $f"
done
grep -q '\.desktop$' <<<"$rpm_files" || fail "the .rpm has no desktop entry"
rpm_requires=$(rpm -qpR "$rpm" 2>/dev/null)
for d in webkit2gtk4.1 gtk3; do grep -q "^$d" <<<"$rpm_requires" || fail "rpm requires lacks $d"; done
ok "rpm: files, desktop entry, requires $(grep -c . <<<"$rpm_requires") packages"

echo "==> apt-get install $deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$(realpath "$deb")" >/dev/null
[ -x /usr/bin/dealerdesk ] && [ -x /usr/bin/dealerdesk-cli ] || fail "not installed on the PATH"
[ "$(dealerdesk-cli --version)" = "dealerdesk-cli $version" ] || fail "dealerdesk-cli --version: $(dealerdesk-cli --version)"
ok "$(dealerdesk-cli --version) on the PATH"

home="$work/home"
mkdir -p "$home"
clean_env=(env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u DEALERDESK_DB HOME="$home")
"${clean_env[@]}" dealerdesk-cli --operator 安装测试 demo-data --distributors 3 --entries-per-distributor 12 >/dev/null
data="$home/.local/share/DealerDesk/dealerdesk.sqlite"
[ -f "$data" ] || fail "the CLI's database is not in the data folder ($data)"
code=DS00001
"${clean_env[@]}" dealerdesk-cli statement --distributor "$code" --from 2026-01-01 --to 2026-12-31 --out "$work/statement.pdf" >/dev/null
pdftotext "$work/statement.pdf" - | grep -q '对账单' || fail "the statement PDF has no title"
qpdf --check "$work/statement.pdf" >/dev/null
ok "a statement PDF from the installed CLI ($code)"

echo "==> the installed app's first start (Xvfb, empty HOME)"
apphome="$work/apphome"
mkdir -p "$apphome"
(
  export HOME="$apphome" DEALERDESK_APP=/usr/bin/dealerdesk
  unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME DEALERDESK_DB
  xvfb-run -a -s "-screen 0 1920x1200x24" timeout -k 30 300 node --test --test-concurrency=1 tests/package/installed.test.mjs
) || fail "the installed app's first start"
[ -f "$apphome/.local/share/DealerDesk/dealerdesk.sqlite" ] || fail "no database in the app's data folder"
ok "guide shown, screenshots in tests/e2e/artifacts/80-*.png"

echo "==> one instance: a second start on the same data brings the first forward"
onehome="$work/onehome"
mkdir -p "$onehome"
HOME="$onehome" xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  /usr/bin/dealerdesk >/dev/null 2>&1 &
  first=$!
  for _ in $(seq 1 60); do [ -f "$HOME/.local/share/DealerDesk/dealerdesk.sqlite" ] && break; sleep 0.5; done
  sleep 3
  kill -0 $first || { echo "the first instance is not running"; exit 1; }
  start=$(date +%s)
  timeout 30 /usr/bin/dealerdesk >/dev/null 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  kill -0 $first || { echo "the first instance stopped"; exit 1; }
  n=$(pgrep -cx dealerdesk)
  # The control: a start on other data is an instance of its own and keeps running.
  mkdir -p "$HOME/other"
  HOME="$HOME/other" timeout 10 /usr/bin/dealerdesk >/dev/null 2>&1
  other=$?
  kill $first; wait $first 2>/dev/null
  echo "second start on the same data exited with $rc after $took s, one instance left: $n; a start on other data ran on: $other (124)"
  [ $rc -eq 0 ] && [ "$n" -eq 1 ] && [ $other -eq 124 ]
' 2>"$work/instance.log" || { tail -20 "$work/instance.log"; fail "a second start did not hand over to the first"; }
ok "the second start exited and left one window"

echo "==> apt-get remove $pkg"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq "$pkg" >/dev/null
[ ! -e /usr/bin/dealerdesk ] && [ ! -e /usr/bin/dealerdesk-cli ] || fail "the program is still installed"
[ -f "$data" ] && [ -f "$apphome/.local/share/DealerDesk/dealerdesk.sqlite" ] || fail "the user's data went with the program"
ok "program removed, the user's data folder kept"
echo "package test: passed"
